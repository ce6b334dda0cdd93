import SanityChecker
import SanityTestSupport
import Testing

/// Identities between rules on whole networks, and hand-computed Guided Backprop / DeconvNet.
@Suite struct BackwardRuleTests {
  /// ε-LRP relevance for `targets`, seeded with each item's target logit.
  static func relevance(_ model: Model, _ trace: Trace, targets: [Int], epsilon: Float) -> Tensor {
    let logits = targets.enumerated().map { trace.output[$0.offset, $0.element] }
    return model.backward(
      trace, seed: model.targetSeed(targets, weights: logits), rule: .epsilonLRP(epsilon: epsilon))
  }

  /// On ReLU networks (biases included), ε-LRP with ε → 0 equals Gradient × Input.
  ///
  /// By induction every ratio R/z equals ∂f/∂z. Tolerance 1e-4 of the largest |x·∂f/∂x|
  /// (ε = 1e-9 and Float rounding in the ratios).
  @Test(arguments: ToyNetwork.allCases)
  func epsilonLRPEqualsGradientTimesInput(network: ToyNetwork) throws {
    let model = try network.model(seed: 70)
    let x = TestSupport.uniform(network.inputShape.batched(3), seed: 71)
    let trace = model.trace(x)
    let targets = [0, 2, 1]
    let relevance = Self.relevance(model, trace, targets: targets, epsilon: 1e-9)
    let gradient = model.backward(trace, seed: model.targetSeed(targets), rule: .gradient)
    #expect(gradient.maximumMagnitude > 0)
    TestSupport.expectClose(
      relevance, gradient.multiplied(by: x), relativeTolerance: 1e-4, "\(network)")
  }

  /// With zero biases, ΣR_in = f(x) for each item (ε = 1e-9).
  ///
  /// Tolerance 1e-4 × max(1, |f(x)|).
  @Test(arguments: ToyNetwork.allCases)
  func relevanceIsConservedWithoutBiases(network: ToyNetwork) throws {
    let model = try network.model(seed: 80, hasBias: false)
    let x = TestSupport.uniform(network.inputShape.batched(3), seed: 81, low: 0, high: 1)
    let trace = model.trace(x)
    let targets = [1, 0, 2]
    let relevance = Self.relevance(model, trace, targets: targets, epsilon: 1e-9)
    let width = network.inputShape.count
    for (item, target) in targets.enumerated() {
      let total = relevance.scalars[(item * width)..<((item + 1) * width)].reduce(0.0) {
        $0 + Double($1)
      }
      let logit = Double(trace.output[item, target])
      #expect(logit != 0)
      #expect(
        abs(total - logit) <= 1e-4 * max(1, abs(logit)),
        "item \(item): ΣR = \(total), f(x) = \(logit)")
    }
  }

  static let toyExpectations: [(rule: BackwardRule, signal: [Float])] = [
    (.gradient, [2, 0, 2, 0]),
    (.guidedBackprop, [2, 2, 0, 0]),
    (.deconvNet, [2, 5, 4, -1]),
  ]

  /// The toy net `[4, 1]` → Conv1D(k 2, 1 → 2, relu) → Flatten → Dense(6 → 1), by hand.
  ///
  /// Kernel taps: channel 0 = (1, 1), channel 1 = (1, −1); bias (−2.5, 0.5); x = (1, 2, −1, 3).
  /// Pre-activations: channel 0 = (0.5, −1.5, −0.5), channel 1 = (−0.5, 3.5, −3.5), so only
  /// (l0, c0) and (l1, c1) are on. The dense weights over (l, c) are
  /// w = (2, −1, 3, −2, −1, 1). Signals at the ReLU input (seed 1):
  /// - gradient: w on the on-units → (l0 c0) = 2, (l1 c1) = −2 → ∂f/∂x = (2, 0, 2, 0);
  /// - Guided Backprop: relu(w) on the on-units → (l0 c0) = 2 → (2, 2, 0, 0);
  /// - DeconvNet: relu(w) everywhere → (l0 c0) = 2, (l1 c0) = 3, (l2 c1) = 1 → (2, 5, 4, −1).
  @Test(arguments: toyExpectations, [true, false])
  func toyNetworkMatchesHandComputation(
    _ expectation: (rule: BackwardRule, signal: [Float]), isFused: Bool
  ) throws {
    let (rule, expected) = expectation
    let kernel = Tensor(shape: [2, 1, 2], scalars: [1, 1, 1, -1])
    let bias = Tensor(shape: [2], scalars: [-2.5, 0.5])
    let dense = Dense(
      name: "dense", kernel: Tensor(shape: [6, 1], scalars: [2, -1, 3, -2, -1, 1]), bias: nil)
    let convolution: [any Layer] =
      isFused
      ? [Conv1D(name: "conv", kernel: kernel, bias: bias, activation: .relu)]
      : [
        Conv1D(name: "conv", kernel: kernel, bias: bias),
        ActivationLayer(name: "relu", activation: .relu),
      ]
    let model = try Model(
      inputShape: [4, 1], layers: convolution + [Flatten(name: "flatten"), dense])
    let trace = model.trace(Tensor(shape: [1, 4, 1], scalars: [1, 2, -1, 3]))
    #expect(trace.output.scalars == [2 * 0.5 - 2 * 3.5])
    let signal = model.backward(trace, seed: model.targetSeed([0]), rule: rule)
    #expect(signal == Tensor(shape: [1, 4, 1], scalars: expected))
  }
}
