import SanityChecker
import SanityTestSupport
import Testing

/// DeepLIFT (rescale) on networks small enough to work out by hand, and its identities.
///
/// No DeepLIFT golden exists in `../shared/reference` (Captum's DeepLift was not run there), so
/// the expected values below are hand-computed.
@Suite struct DeepLIFTTests {
  /// `[2] → Dense(2, relu) → Dense(1)` with W1 = [[1, −1], [2, 1]] (rows are inputs),
  /// b1 = [−1, 0.5], W2 = [1, −2]ᵀ, b2 = 0.3.
  static func toyLayers(standaloneReLU: Bool) -> [any Layer] {
    let kernel = Tensor(shape: [2, 2], scalars: [1, -1, 2, 1])
    let bias = Tensor(shape: [2], scalars: [-1, 0.5])
    let output = Dense(
      name: "dense_2", kernel: Tensor(shape: [2, 1], scalars: [1, -2]),
      bias: Tensor(shape: [1], scalars: [0.3]))
    if standaloneReLU {
      return [
        Dense(name: "dense_1", kernel: kernel, bias: bias),
        ActivationLayer(name: "relu", activation: .relu), output,
      ]
    }
    return [Dense(name: "dense_1", kernel: kernel, bias: bias, activation: .relu), output]
  }

  /// x = [1, 2], x' = 0: z = [4, 1.5], z' = [−1, 0.5], so the ReLU multipliers are
  /// 4/5 and 1/1; at the hidden units m = [0.8, −2], at the input m = W1·m = [2.8, −0.4],
  /// and A = x ⊙ m = [2.8, −0.8], summing to f(x) − f(x') = 1.3 − (−0.7) = 2.
  ///
  /// Gradient × Input would give [3, 0] (sum 3).
  @Test(arguments: [false, true])
  func toyNetworkMatchesTheHandComputation(standaloneReLU: Bool) throws {
    let model = try Model(inputShape: [2], layers: Self.toyLayers(standaloneReLU: standaloneReLU))
    let x = Tensor(shape: [1, 2], scalars: [1, 2])
    let result = try DeepLIFT().attribution(for: x, targets: [0], in: model)
    TestSupport.expectClose(
      result.values, Tensor(shape: [1, 2], scalars: [2.8, -0.8]), relativeTolerance: 1e-6,
      "DeepLIFT toy")
    #expect(abs(result.predictions[0] - 1.3) < 1e-6)
    let gap = try #require(result.conservationGap)
    #expect(abs(gap[0]) < 1e-6, "gap \(gap)")
    let gxi = try GradientTimesInput().attribution(for: x, targets: [0], in: model)
    #expect(gxi.values.scalars == [3, 0])
  }

  /// x = [1, 1], x' = 0 leaves the second hidden unit unchanged (z = z' = 0.5), so its
  /// multiplier falls back to the gradient relu'(0.5) = 1 instead of 0/0.
  ///
  /// The first unit has z = 2, z' = −1, multiplier 2/3. Then m = [2/3, −2] at the hidden units,
  /// m = [1·2/3 + 2, 2·2/3 − 2] = [8/3, −2/3] at the input, and A = [8/3, −2/3].
  @Test func unchangedUnitFallsBackToTheGradient() throws {
    let model = try Model(inputShape: [2], layers: Self.toyLayers(standaloneReLU: false))
    let x = Tensor(shape: [1, 2], scalars: [1, 1])
    let result = try DeepLIFT().attribution(for: x, targets: [0], in: model)
    TestSupport.expectClose(
      result.values, Tensor(shape: [1, 2], scalars: [8.0 / 3, -2.0 / 3]), relativeTolerance: 1e-6,
      "fallback toy")
    #expect(result.values.isFinite)
  }

  /// On a linear model the multipliers are the (constant) gradient, so with a zero reference
  /// DeepLIFT is Gradient × Input, and with any reference it is gradient ⊙ (x − x').
  @Test func linearModelGivesGradientTimesInput() throws {
    let model = try Model(
      inputShape: [12, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: TestSupport.uniform([5, 4, 3], seed: 21),
          bias: TestSupport.uniform([3], seed: 22)),
        Flatten(name: "flatten_1"),
        Dense(
          name: "dense_1", kernel: TestSupport.uniform([24, 2], seed: 23),
          bias: TestSupport.uniform([2], seed: 24)),
      ])
    let x = TestSupport.uniform([5, 12, 4], seed: 25)
    let targets = [0, 1, 0, 1, 1]
    let deepLIFT = try DeepLIFT().attribution(for: x, targets: targets, in: model)
    let gxi = try GradientTimesInput().attribution(for: x, targets: targets, in: model)
    TestSupport.expectClose(
      deepLIFT.values, gxi.values, relativeTolerance: 1e-6, "DeepLIFT vs G×I (linear)")
    let shifted = try DeepLIFT(baseline: .constant(0.25)).attribution(
      for: x, targets: targets, in: model)
    let gradient = try Saliency().attribution(for: x, targets: targets, in: model).values
    let difference = x.linearCombination(1, Tensor(shape: x.shape, repeating: 0.25), -1)
    TestSupport.expectClose(
      shifted.values, gradient.multiplied(by: difference), relativeTolerance: 1e-6,
      "DeepLIFT vs ∇ ⊙ (x − 0.25)")
  }

  /// A DeepBind scanner is a composite layer with no DeepLIFT rule: its multipliers are its
  /// gradient, so DeepLIFT with a zero reference is Gradient × Input on a DeepBind model.
  @Test func deepBindScannerUsesItsGradient() throws {
    let options = DeepBindOptions(
      hasReverseComplement: true, hasAveragePooling: false, windowSize: 4)
    let scanner = try DeepBindDirect.randomScanner(
      length: 3, detectors: 3, hidden: 4, options: options, seed: 31)
    let model = try Model(name: "deepbind", inputShape: [8, 4], layers: [scanner])
    let x = TestSupport.oneHotDNA(4, length: 8, seed: 32)
    let targets = [0, 0, 0, 0]
    let deepLIFT = try DeepLIFT().attribution(for: x, targets: targets, in: model)
    let gxi = try GradientTimesInput().attribution(for: x, targets: targets, in: model)
    #expect(deepLIFT.values == gxi.values)
  }

  @Test func identifiersAndMethodNames() throws {
    #expect(DeepLIFT.identifier == "deeplift")
    #expect(DeepSHAP.identifier == "deepshap")
    let model = try TestSupport.deepBindNetwork(seed: 3)
    let x = TestSupport.oneHotDNA(2, length: 20, seed: 1)
    #expect(try DeepLIFT().attribution(for: x, targets: [0, 0], in: model).method == "deeplift")
    #expect(
      try DeepSHAP(referenceCount: 2).attribution(for: x, targets: [0, 0], in: model).method
        == "deepshap")
  }

  /// Shuffled references and hypothetical contributions need one-hot DNA.
  @Test func imageModelsRejectDNAOnlyOptions() throws {
    let model = try Model(
      inputShape: [4, 4, 1],
      layers: [
        Flatten(name: "flatten_1"),
        Dense(name: "dense_1", kernel: TestSupport.uniform([16, 2], seed: 1), bias: nil),
      ])
    let x = TestSupport.uniform([1, 4, 4, 1], seed: 2)
    let expected = ModelError.shapeMismatch(
      layer: "input", expected: "[L, 4] one-hot DNA for shuffled references", actual: [4, 4, 1])
    #expect(throws: expected) { try DeepSHAP().attribution(for: x, targets: [0], in: model) }
    #expect(throws: ModelError.self) {
      try DeepLIFT().hypotheticalContributions(for: x, targets: [0], in: model)
    }
    #expect(expected.description.contains("check the model's input shape"))
  }
}
