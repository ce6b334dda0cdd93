import SanityChecker
import SanityTestSupport
import Testing

/// The vectorized fast ISM against naive ISM on the cases the DeepBind test model leaves out:
/// average pooling, a linear convolution, filter counts that are not whole 8-lane blocks, and
/// positions that are not one-hot (N, all zero).
@Suite struct FastISMTests {
  static func model(filters: Int, activation: Activation, pooling: any Layer, padding: Padding, seed: UInt64) throws -> Model {
    try Model(
      name: "ism-test", inputShape: [25, 4],
      layers: [
        Conv1D(
          name: "conv", kernel: TestSupport.uniform([6, 4, filters], seed: seed),
          bias: TestSupport.uniform([filters], seed: seed + 1, low: -0.2, high: 0.2), padding: padding,
          activation: activation),
        pooling,
        Dense(name: "dense", kernel: TestSupport.uniform([filters, 3], seed: seed + 2), bias: TestSupport.uniform([3], seed: seed + 3)),
      ])
  }

  /// Tolerance 1e-5 of the largest delta: both paths sum the same float terms in another order.
  @Test(arguments: [
    (16, Activation.relu, true, Padding.valid), (19, .relu, false, .same), (3, .linear, true, .same),
    (8, .linear, false, .valid), (17, .relu, false, .valid),
  ])
  func matchesNaiveISM(filters: Int, activation: Activation, isMaximum: Bool, padding: Padding) throws {
    let pooling: any Layer = isMaximum ? GlobalMaxPooling1D(name: "pool") : GlobalAveragePooling1D(name: "pool")
    let model = try Self.model(filters: filters, activation: activation, pooling: pooling, padding: padding, seed: UInt64(filters))
    var x = TestSupport.oneHotDNA(3, length: 25, seed: 7)
    for base in 0..<4 {
      x[0, 4, base] = 0.25  // an N
      x[1, 0, base] = 0  // an empty position
    }
    let fast = try InSilicoMutagenesis(fast: true).deltas(for: x, in: model)
    let naive = try InSilicoMutagenesis(fast: false).deltas(for: x, in: model)
    #expect(fast.isFast && !naive.isFast)
    TestSupport.expectClose(fast.values, naive.values, relativeTolerance: 1e-5, "deltas")
    TestSupport.expectClose(fast.outputs, naive.outputs, relativeTolerance: 1e-6, "original outputs")
  }
}
