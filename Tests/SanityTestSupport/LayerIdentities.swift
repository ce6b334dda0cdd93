import SanityChecker
import Testing

extension TestSupport {
  /// Expects DeepLIFT (Rescale) to conserve the output delta through `nonlinear` (every gap
  /// ≤ 1e-4) and, on `linear`, to equal Gradient × Input within `relativeTolerance` per item:
  /// a layer's linear part is then a gradient step.
  /// - Parameters:
  ///   - x: The inputs.
  ///   - targets: One target per item.
  ///   - nonlinear: A model whose layer under test has a nonlinear activation.
  ///   - linear: The same model with linear activations.
  ///   - relativeTolerance: The per-item tolerance of DeepLIFT = G×I.
  ///   - sourceLocation: Where a failed expectation is reported.
  /// - Throws: An explainer's error, or a missing conservation gap.
  public static func expectDeepLIFTIsAGradientStep(
    for x: Tensor, targets: [Int], nonlinear: Model, linear: Model, relativeTolerance: Float,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let deepLIFT = try DeepLIFT().attribution(for: x, targets: targets, in: nonlinear)
    let gaps = try #require(deepLIFT.conservationGap, sourceLocation: sourceLocation)
    #expect(gaps.allSatisfy { abs($0) <= 1e-4 }, "gaps \(gaps)", sourceLocation: sourceLocation)
    let ours = try DeepLIFT().attribution(for: x, targets: targets, in: linear)
    let gradientTimesInput = try GradientTimesInput().attribution(
      for: x, targets: targets, in: linear)
    expectItemsClose(
      ours.values, gradientTimesInput.values, relativeTolerance: relativeTolerance,
      "linear DeepLIFT = G×I", sourceLocation: sourceLocation)
  }

  /// Expects fast ISM to take its fast path through `model` (no fallback) and to give naive
  /// ISM's deltas within a relative 1e-5 per item (the windows are recomputed in another
  /// order of sums).
  /// - Parameters:
  ///   - x: One-hot DNA, `[N, L, 4]`.
  ///   - model: The model.
  ///   - sourceLocation: Where a failed expectation is reported.
  /// - Throws: An explainer's error.
  public static func expectFastISMEqualsNaive(
    for x: Tensor, in model: Model, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let fast = try InSilicoMutagenesis(fast: true).deltas(for: x, in: model)
    let naive = try InSilicoMutagenesis(fast: false).deltas(for: x, in: model)
    #expect(
      fast.isFast && fast.note == nil, "fast ISM fell back: \(fast.note ?? "")",
      sourceLocation: sourceLocation)
    expectItemsClose(
      fast.values, naive.values, relativeTolerance: 1e-5, "fast = naive ISM deltas",
      sourceLocation: sourceLocation)
  }
}
