import SanityChecker
import Testing

extension TestSupport {
  /// Expects, for every item, `max |actual − expected| ≤ tolerance × max |expected|` (the
  /// reference files' criterion); an all-zero reference item must be matched to 1e-6.
  ///
  /// Reports the worst item.
  public static func expectItemsClose(
    _ actual: Tensor, _ expected: Tensor, relativeTolerance tolerance: Float, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      actual.shape == expected.shape, "\(what): shape \(actual.shape) != \(expected.shape)",
      sourceLocation: sourceLocation)
    guard actual.shape == expected.shape else { return }
    let width = expected.itemCount
    var worst = (ratio: Float(0), item: 0, index: 0, difference: Float(0))
    for item in 0..<expected.batchSize {
      let range = (item * width)..<((item + 1) * width)
      let scale = expected.scalars[range].reduce(Float(0)) { max($0, abs($1)) }
      for index in range {
        let difference = abs(actual.scalars[index] - expected.scalars[index])
        let ratio = scale > 0 ? difference / (tolerance * scale) : difference / 1e-6
        if !(ratio <= worst.ratio) { worst = (ratio, item, index - item * width, difference) }
      }
    }
    #expect(
      worst.ratio <= 1,
      "\(what): item \(worst.item) index \(worst.index): |difference| \(worst.difference) exceeds \(tolerance) × max |reference| (ratio \(worst.ratio))",
      sourceLocation: sourceLocation)
  }
}
