import SanityChecker
import Testing

@Suite struct AttributionViewTests {
  /// Three positions: A, T and N (all zeros).
  static let input = Tensor(shape: [3, 4], scalars: [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
  static let attribution = Tensor(
    shape: [3, 4], scalars: [1, 2, 3, 4, -1, -2, -3, -4, 0.5, 1.5, 2, 4])

  @Test func handExamples() {
    #expect(
      AttributionView.full.values(of: Self.attribution, input: Self.input) == Self.attribution)
    #expect(
      AttributionView.observedBase.values(of: Self.attribution, input: Self.input)
        == Tensor(shape: [3], scalars: [1, -4, 2]))
    #expect(
      AttributionView.channelSum.values(of: Self.attribution, input: Self.input)
        == Tensor(shape: [3], scalars: [10, -10, 8]))
  }

  @Test func batchesKeepTheirLeadingAxes() {
    let input = Tensor.concatenating([Self.input, Self.input].map { $0.reshaped([1, 3, 4]) })
    let attribution = Tensor.concatenating(
      [Self.attribution, Self.attribution.scaled(by: 2)].map { $0.reshaped([1, 3, 4]) })
    #expect(
      AttributionView.observedBase.values(of: attribution, input: input)
        == Tensor(shape: [2, 3], scalars: [1, -4, 2, 2, -8, 4]))
    #expect(AttributionView.channelSum.values(of: attribution, input: input).shape == [2, 3])
  }

  /// For input-multiplied maps (zero off the observed base) the two position views agree.
  @Test func positionViewsAgreeForInputTimesGradient() {
    let gradient = Tensor(shape: [3, 4], scalars: (0..<12).map { Float($0) - 5.5 })
    let inputTimesGradient = gradient.multiplied(by: Self.input)
    let observed = AttributionView.observedBase.values(of: inputTimesGradient, input: Self.input)
    let summed = AttributionView.channelSum.values(of: inputTimesGradient, input: Self.input)
    #expect(observed.scalars[0..<2] == summed.scalars[0..<2])
    #expect(AttributionView.allCases.map(\.rawValue) == ["full", "observed-base", "channel-sum"])
  }
}
