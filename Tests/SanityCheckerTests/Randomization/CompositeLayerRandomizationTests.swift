import SanityChecker
import SanityTestSupport
import Testing

/// Randomizing a layer whose parameters are keyed by part (``DeepBindScanner``: `conv1d_1/kernel`,
/// `dense_1/kernel`, …): each part's kernel gets the fans of its own shape, and biases follow their
/// part's kernel, as for plain `kernel`/`bias` layers.
@Suite struct CompositeLayerRandomizationTests {
  /// A DeepBind layer: detectors `[24, 4, 16]`, weights1 `[16, 32]`, weights2 `[32, 1]`.
  static func scannerModel() throws -> Model {
    let weights = DeepBindWeights(
      detectors: TestSupport.uniform([24, 4, 16], seed: 1),
      thresholds: TestSupport.uniform([16], seed: 2),
      weights1: TestSupport.uniform([16, 32], seed: 3),
      biases1: TestSupport.uniform([32], seed: 4),
      weights2: TestSupport.uniform([32, 1], seed: 5),
      biases2: TestSupport.uniform([1], seed: 6))
    let options = DeepBindOptions(
      hasReverseComplement: true, hasAveragePooling: false, windowSize: 36)
    let scanner = try DeepBindScanner(name: "scanner", weights: weights, options: options)
    return try Model(name: "deepbind", inputShape: [101, 4], layers: [scanner])
  }

  static func parameters(_ model: Model) throws -> [String: Tensor] {
    try #require(model.layers.first as? any ParameterizedLayer).parameters
  }

  /// Glorot uniform: every kernel is drawn within `±√(6/(fan_in + fan_out))` of its own part
  /// (the conv's fans are 24·4 and 24·16) and fills that range; biases are reset to 0.
  @Test func glorotUsesEachPartsKernelShape() throws {
    let model = try Self.scannerModel()
    let randomized = try model.randomized(layers: ["scanner"], scheme: .glorotUniform, seed: 3)
    let values = try Self.parameters(randomized)
    let limits = [
      "conv1d_1/kernel": (6 / Float(24 * 4 + 24 * 16)).squareRoot(),
      "dense_1/kernel": (6 / Float(16 + 32)).squareRoot(),
      "dense_2/kernel": (6 / Float(32 + 1)).squareRoot(),
    ]
    for (key, limit) in limits {
      let kernel = try #require(values[key]).scalars
      #expect(kernel.allSatisfy { abs($0) <= limit }, "\(key) exceeds ±\(limit)")
      #expect(kernel.contains { abs($0) > 0.8 * limit }, "\(key) does not fill ±\(limit)")
    }
    for key in ["conv1d_1/bias", "dense_1/bias", "dense_2/bias"] {
      #expect(try #require(values[key]).scalars.allSatisfy { $0 == 0 }, "\(key) is not reset to 0")
    }
    // The scores now vary between sequences: the model is not constant.
    let scores = randomized.forward(TestSupport.uniform([8, 101, 4], seed: 9, low: 0, high: 1))
      .scalars
    #expect(Set(scores).count > 1)
  }

  /// PyTorch's default: a bias shares its part's `U(±1/√fan_in)`.
  @Test func fanInUniformBiasFollowsItsPart() throws {
    let randomized = try Self.scannerModel().randomized(
      layers: ["scanner"], scheme: .fanInUniform, seed: 4)
    let values = try Self.parameters(randomized)
    for (part, fanIn) in [("conv1d_1", 24 * 4), ("dense_1", 16), ("dense_2", 32)] {
      let limit = 1 / Float(fanIn).squareRoot()
      for key in ["\(part)/kernel", "\(part)/bias"] {
        let drawn = try #require(values[key]).scalars
        #expect(drawn.allSatisfy { abs($0) <= limit }, "\(key) exceeds ±\(limit)")
      }
    }
    let conv = try #require(values["conv1d_1/kernel"]).scalars
    #expect(conv.contains { abs($0) > 0.9 / Float(96).squareRoot() })
  }

  /// Keras-style initialization of a composite layer (the start of label-permutation training)
  /// draws every part's kernel with its own Glorot limit instead of zeroing it.
  @Test func initializationDrawsEveryPartsKernel() throws {
    let values = try Self.parameters(try Self.scannerModel().initialized(seed: 8))
    for (key, fans) in [
      ("conv1d_1/kernel", 24 * 4 + 24 * 16), ("dense_1/kernel", 16 + 32), ("dense_2/kernel", 33),
    ] {
      let limit = (6 / Float(fans)).squareRoot()
      let kernel = try #require(values[key]).scalars
      #expect(
        kernel.allSatisfy { abs($0) <= limit } && kernel.contains { abs($0) > 0.8 * limit },
        "\(key)")
    }
    #expect(try #require(values["dense_1/bias"]).scalars.allSatisfy { $0 == 0 })
  }
}
