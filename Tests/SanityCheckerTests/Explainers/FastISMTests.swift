import SanityChecker
import SanityTestSupport
import Testing

/// The vectorized fast ISM against naive ISM on the cases the DeepBind test model leaves out:
/// average pooling, a linear convolution, filter counts that are not whole 8-lane blocks, and
/// positions that are not one-hot (N, all zero).
@Suite struct FastISMTests {
  static func model(
    filters: Int, activation: Activation, pooling: any Layer, padding: Padding, seed: UInt64
  ) throws -> Model {
    try Model(
      name: "ism-test", inputShape: [25, 4],
      layers: [
        Conv1D(
          name: "conv", kernel: TestSupport.uniform([6, 4, filters], seed: seed),
          bias: TestSupport.uniform([filters], seed: seed + 1, low: -0.2, high: 0.2),
          padding: padding,
          activation: activation),
        pooling,
        Dense(
          name: "dense", kernel: TestSupport.uniform([filters, 3], seed: seed + 2),
          bias: TestSupport.uniform([3], seed: seed + 3)),
      ])
  }

  /// Tolerance 1e-5 of the largest delta: both paths sum the same float terms in another order.
  @Test(arguments: [
    (16, Activation.relu, true, Padding.valid), (19, .relu, false, .same),
    (3, .linear, true, .same),
    (8, .linear, false, .valid), (17, .relu, false, .valid),
  ])
  func matchesNaiveISM(filters: Int, activation: Activation, isMaximum: Bool, padding: Padding)
    throws
  {
    let pooling: any Layer =
      isMaximum ? GlobalMaxPooling1D(name: "pool") : GlobalAveragePooling1D(name: "pool")
    let model = try Self.model(
      filters: filters, activation: activation, pooling: pooling, padding: padding,
      seed: UInt64(filters))
    var x = TestSupport.oneHotDNA(3, length: 25, seed: 7)
    for base in 0..<4 {
      x[0, 4, base] = 0.25  // an N
      x[1, 0, base] = 0  // an empty position
    }
    let fast = try InSilicoMutagenesis(fast: true).deltas(for: x, in: model)
    let naive = try InSilicoMutagenesis(fast: false).deltas(for: x, in: model)
    #expect(fast.isFast && !naive.isFast)
    TestSupport.expectClose(fast.values, naive.values, relativeTolerance: 1e-5, "deltas")
    TestSupport.expectClose(
      fast.outputs, naive.outputs, relativeTolerance: 1e-6, "original outputs")
  }

  /// Several chunks, items whose pre-activation comes from the one-hot tables next to items that
  /// go through the layer (an N of 0.25 at every base, a position with two bases), and only the
  /// changed mutants through the remaining layers: still equal to naive ISM, with exact zeros at
  /// the observed bases and wherever the pooled vector did not move (at least as many as naive).
  @Test func manyChunksWithMixedItems() throws {
    let model = try Self.model(
      filters: 16, activation: .relu, pooling: GlobalMaxPooling1D(name: "pool"), padding: .valid,
      seed: 5)
    var x = TestSupport.oneHotDNA(90, length: 25, seed: 9)
    for base in 0..<4 { x[47, 12, base] = 0.25 }
    x[80, 3, 0] = 1
    x[80, 3, 2] = 1
    let fast = try InSilicoMutagenesis(fast: true).deltas(for: x, in: model)
    let naive = try InSilicoMutagenesis(fast: false).deltas(for: x, in: model)
    #expect(fast.isFast)
    TestSupport.expectClose(fast.values, naive.values, relativeTolerance: 1e-5, "deltas")
    TestSupport.expectClose(
      fast.outputs, naive.outputs, relativeTolerance: 1e-6, "original outputs")
    // Naive ISM may leave ±1 ulp where the pooled vector did not move; the fast path gives 0 there.
    var zeros = (fast: 0, naive: 0)
    for i in 0..<fast.values.scalars.count {
      if x.scalars[i / 3] == 1 { #expect(fast.values.scalars[i] == 0) }  // 3 outputs per mutant
      zeros.fast += fast.values.scalars[i] == 0 ? 1 : 0
      zeros.naive += naive.values.scalars[i] == 0 ? 1 : 0
    }
    #expect(zeros.fast >= zeros.naive)
  }
}
