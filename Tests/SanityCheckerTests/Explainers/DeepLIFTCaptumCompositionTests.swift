import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// ``DeepLIFT/MaxPoolingRule/captum``: Captum's max-pool rule as its module hooks compose it
/// with a ReLU right before the pool, by hand and through its properties.
@Suite struct DeepLIFTCaptumCompositionTests {
  /// ReLU → MaxPooling1D(2) → Flatten → Dense(1 → 1, weight 1) over one window of two.
  static func reluPoolModel() throws -> Model {
    try Model(
      inputShape: [2, 1],
      layers: [
        ActivationLayer(name: "relu", activation: .relu),
        MaxPooling1D(name: "pool", poolSize: 2),
        Flatten(name: "flatten"),
        Dense(name: "dense", kernel: Tensor(shape: [1, 1], scalars: [1]), bias: nil),
      ])
  }

  /// The multipliers at the input for one input and one reference.
  static func multipliers(
    _ rule: DeepLIFT.MaxPoolingRule, model: Model, _ x: [Float], _ reference: [Float]
  ) -> [Float] {
    let chain = DeepLIFTChain(model, maxPooling: rule)
    let shape = model.inputShape.batched(1)
    return chain.multipliers(
      seed: model.targetSeed([0]), input: chain.trace(Tensor(shape: shape, scalars: x)),
      reference: chain.trace(Tensor(shape: shape, scalars: reference)), epsilon: 1e-6
    ).scalars
  }

  /// Hand values on one window where the input and the reference have different winners.
  ///
  /// z = [1, 3], z' = [2, 0.5]: y = 3, y' = 2 (the reference's winner is index 0, the input's
  /// index 1). Difference routing sends s·(3 − 2) = 1 to index 1 and divides by Δz = 2.5:
  /// m = [0, 0.4], which conserves (0.4·2.5 = 1 = Δy). Captum's composition multiplies the
  /// ReLU's quotient (1) by the pool's gradient [0, 1]: m = [0, 1], as winner-takes-all, and
  /// Σ m·Δz = 2.5 ≠ Δy: no conservation when the reference varies within the window.
  @Test func handValuesOnOneWindow() throws {
    let model = try Self.reluPoolModel()
    let routed = Self.multipliers(.differenceRouting, model: model, [1, 3], [2, 0.5])
    #expect(routed[0] == 0 && abs(routed[1] - 0.4) < 1e-7, "routed \(routed)")
    #expect(Self.multipliers(.captum, model: model, [1, 3], [2, 0.5]) == [0, 1])
    #expect(Self.multipliers(.winnerTakesAll, model: model, [1, 3], [2, 0.5]) == [0, 1])
    // A reference constant over the window (the zero-reference case): all three agree and
    // conserve, s·(3 − 0.5) over Δz = 2.5 at the winner.
    for rule in [DeepLIFT.MaxPoolingRule.differenceRouting, .captum, .winnerTakesAll] {
      let m = Self.multipliers(rule, model: model, [1, 3], [0.5, 0.5])
      #expect(m[0] == 0 && abs(m[1] - 1) < 1e-7, "\(rule) \(m)")
    }
  }

  /// Where the ReLU's input is unchanged (|Δz| < ε) Captum's composition falls back to the
  /// pool's own multipliers times f'(z): z = z' = [2, 1] gives m = s·[1, 0] under every rule.
  @Test func unchangedInputsTakeThePoolsMultipliers() throws {
    let model = try Self.reluPoolModel()
    for rule in [DeepLIFT.MaxPoolingRule.differenceRouting, .captum, .winnerTakesAll] {
      #expect(Self.multipliers(rule, model: model, [2, 1], [2, 1]) == [1, 0], "\(rule)")
    }
  }

  /// Conv1D+ReLU → MaxPooling1D → Conv1D (linear) → MaxPooling1D → Dense: a pool after a ReLU
  /// and one after a linear step, as in the Basset-style fixture.
  static func twoPoolModel(seed: UInt64) throws -> Model {
    try Model(
      inputShape: [24, 4],
      layers: [
        Conv1D(
          name: "conv1", kernel: TestSupport.uniform([5, 4, 6], seed: seed),
          bias: TestSupport.uniform([6], seed: seed + 1, low: -0.3, high: 0.3), activation: .relu),
        MaxPooling1D(name: "pool1", poolSize: 2),
        Conv1D(
          name: "conv2", kernel: TestSupport.uniform([3, 6, 5], seed: seed + 2),
          bias: TestSupport.uniform([5], seed: seed + 3, low: -0.3, high: 0.3)),
        MaxPooling1D(name: "pool2", poolSize: 3, stride: 2),
        Flatten(name: "flatten"),
        Dense(
          name: "dense", kernel: TestSupport.uniform([15, 2], seed: seed + 4),
          bias: TestSupport.uniform([2], seed: seed + 5)),
      ])
  }

  /// With a constant reference every pooling window of the reference is constant (valid
  /// convolutions of a constant), so the composition conserves the delta like difference
  /// routing; with shuffled references it does not, which difference routing still does.
  @Test(arguments: [UInt64(1), 11, 21])
  func summationToDeltaHoldsForConstantReferences(seed: UInt64) throws {
    let model = try Self.twoPoolModel(seed: seed)
    let x = TestSupport.oneHotDNA(6, length: 24, seed: seed + 40)
    let targets = [0, 1, 0, 1, 0, 1]
    for baseline in [DeepLIFT.Baseline.zeros, .constant(0.25)] {
      try DeepLIFTConservationTests.expectConserved(
        DeepLIFT(baseline: baseline, maxPooling: .captum), x, targets: targets, model,
        "captum \(seed) \(baseline)")
    }
    let shuffled = DeepLIFT.Baseline.shuffled(count: 2, seed: seed)
    try DeepLIFTConservationTests.expectConserved(
      DeepLIFT(baseline: shuffled), x, targets: targets, model, "routed \(seed) shuffled")
    let composed = try DeepLIFT(baseline: shuffled, maxPooling: .captum).attribution(
      for: x, targets: targets, in: model)
    let gaps = try #require(composed.conservationGap)
    #expect(gaps.contains { abs($0) > 1e-3 }, "captum with shuffled references: gaps \(gaps)")
  }

  /// With a zero reference the composition is winner-takes-all at the pool after the ReLU and
  /// difference routing at the pool after the linear convolution (computed by hand below).
  @Test(arguments: [UInt64(3), 13])
  func zeroReferenceSplitsByWhatFeedsThePool(seed: UInt64) throws {
    let model = try Self.twoPoolModel(seed: seed)
    let x = TestSupport.oneHotDNA(4, length: 24, seed: seed + 50)
    let targets = [1, 0, 1, 0]
    let composed = try DeepLIFT(maxPooling: .captum).attribution(
      for: x, targets: targets, in: model)
    let steps = DeepLIFTChain(model, maxPooling: .captum).steps.map(DeepLIFTRulesTests.describe)
    #expect(steps.filter { $0.hasPrefix("routing") } == ["routing pool1", "routing pool2"])
    let expected = try Self.composedByHand(model, x: x, targets: targets)
    TestSupport.expectItemsClose(composed.values, expected, relativeTolerance: 1e-5, "composed")
  }

  /// pool1 on its gradient, pool2 under difference routing, ReLU rescaled: `(x − 0) ⊙ m`.
  static func composedByHand(_ model: Model, x: Tensor, targets: [Int]) throws -> Tensor {
    let trace = model.trace(x)
    let reference = model.trace(Tensor(shape: x.shape))
    func pass(_ index: Int) -> DeepLIFTRules.Pass {
      DeepLIFTRules.Pass(
        input: trace.activations[index], output: trace.activations[index + 1],
        referenceInput: reference.activations[index],
        referenceOutput: reference.activations[index + 1])
    }
    var signal = model.targetSeed(targets)
    for index in [5, 4] {
      signal = model.layers[index].backward(
        signal, input: trace.activations[index], output: trace.activations[index + 1],
        rule: .gradient)
    }
    signal = DeepLIFTRules.differenceRouting(signal, layer: model.layers[3], pass(3), epsilon: 1e-6)
    signal = model.layers[2].backward(
      signal, input: trace.activations[2], output: trace.activations[3], rule: .gradient)
    signal = model.layers[1].backward(
      signal, input: trace.activations[1], output: trace.activations[2], rule: .gradient)
    // conv1 = linear part + ReLU: rescale against the pre-activations.
    var linear = try #require(model.layers[0] as? Conv1D)
    linear.activation = .linear
    let z = linear.forward(x)
    let zr = linear.forward(Tensor(shape: x.shape))
    let rescaled = DeepLIFTRules.rescale(
      signal, activation: .relu,
      DeepLIFTRules.Pass(
        input: z, output: trace.activations[1], referenceInput: zr,
        referenceOutput: reference.activations[1]), epsilon: 1e-6)
    let m = linear.backward(rescaled, input: x, output: z, rule: .gradient)
    return x.multiplied(by: m)
  }
}
