import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// The rescale and difference-routing rules, one step at a time, against hand-computed values.
@Suite struct DeepLIFTRulesTests {
  /// A pass through an elementwise activation for pre-activations `z` (input) and `zr` (reference).
  static func activationPass(_ activation: Activation, _ z: [Float], _ zr: [Float])
    -> DeepLIFTRules.Pass
  {
    let input = Tensor(shape: [1, z.count], scalars: z)
    let reference = Tensor(shape: [1, zr.count], scalars: zr)
    var output = input
    var referenceOutput = reference
    activation.apply(to: &output)
    activation.apply(to: &referenceOutput)
    return DeepLIFTRules.Pass(
      input: input, output: output, referenceInput: reference, referenceOutput: referenceOutput)
  }

  static func sigmoid(_ z: Float) -> Float { 1 / (1 + exp(-z)) }

  /// Where z = z' (and where |z − z'| < ε) the multiplier is the gradient f'(z); elsewhere it
  /// is the difference quotient.
  @Test(arguments: [Activation.relu, .sigmoid, .tanh])
  func rescaleFallsBackToTheGradient(activation: Activation) {
    let z: [Float] = [0.3, -0.7, 1.2, 0.5, -2]
    let zr: [Float] = [0.3, -0.7, -0.4, 0.5 + 4e-7, 1]
    let pass = Self.activationPass(activation, z, zr)
    let signal = Tensor(shape: [1, 5], scalars: [2, -1, 3, 0.5, 1.5])
    let m = DeepLIFTRules.rescale(signal, activation: activation, pass, epsilon: 1e-6)
    let gradient = activation.backward(signal, output: pass.output, rule: .gradient)
    for i in [0, 1, 3] {
      #expect(
        m.scalars[i] == gradient.scalars[i],
        "\(activation) index \(i): \(m.scalars[i]) vs ∇ \(gradient.scalars[i])")
    }
    for i in [2, 4] {
      let quotient = (pass.output.scalars[i] - pass.referenceOutput.scalars[i]) / (z[i] - zr[i])
      #expect(
        abs(m.scalars[i] - signal.scalars[i] * quotient) <= 1e-6 * abs(signal.scalars[i] * quotient)
      )
    }
  }

  /// Hand values: sigmoid at z = z' = 0.3 gives σ(0.3)(1 − σ(0.3)) = 0.244458…; ReLU from
  /// z' = −1 to z = 3 gives 3/4; tanh from −1 to 1 gives tanh(1).
  @Test func rescaleHandValues() {
    let sigmoid = DeepLIFTRules.rescale(
      Tensor(shape: [1, 1], scalars: [1]), activation: .sigmoid,
      Self.activationPass(.sigmoid, [0.3], [0.3]),
      epsilon: 1e-6)
    #expect(abs(sigmoid.scalars[0] - Self.sigmoid(0.3) * (1 - Self.sigmoid(0.3))) < 1e-7)
    let relu = DeepLIFTRules.rescale(
      Tensor(shape: [1, 1], scalars: [2]), activation: .relu, Self.activationPass(.relu, [3], [-1]),
      epsilon: 1e-6)
    #expect(relu.scalars == [1.5])
    let tanh = DeepLIFTRules.rescale(
      Tensor(shape: [1, 1], scalars: [1]), activation: .tanh, Self.activationPass(.tanh, [1], [-1]),
      epsilon: 1e-6)
    #expect(abs(tanh.scalars[0] - Foundation.tanh(1)) < 1e-6)
  }

  /// Global max pooling over [L = 2, C = 1].
  static func globalMaxPass(_ x: [Float], _ xr: [Float]) -> DeepLIFTRules.Pass {
    let layer = GlobalMaxPooling1D(name: "pool")
    let input = Tensor(shape: [1, 2, 1], scalars: x)
    let reference = Tensor(shape: [1, 2, 1], scalars: xr)
    return DeepLIFTRules.Pass(
      input: input, output: layer.forward(input), referenceInput: reference,
      referenceOutput: layer.forward(reference))
  }

  /// x = [3, 1], x' = [0, 2]: y = 3 > y' = 2, so s·(3 − 2) goes to x's winner (index 0,
  /// Δx = 3): m = [1/3, 0]·s.
  ///
  /// x = [1, 0.5], x' = [0, 4]: y' wins, s·(1 − 4) goes to the reference's winner (index 1,
  /// Δx = −3.5): m = [0, 6/7]·s. Both conserve s·Δy, which the plain gradient [s, 0] does not
  /// (s·3 ≠ s·1 and s·1 ≠ −3s).
  @Test func differenceRoutingHandValues() {
    let layer = GlobalMaxPooling1D(name: "pool")
    let signal = Tensor(shape: [1, 1], scalars: [2])
    let inputWins = DeepLIFTRules.differenceRouting(
      signal, layer: layer, Self.globalMaxPass([3, 1], [0, 2]), epsilon: 1e-6)
    #expect(abs(inputWins.scalars[0] - 2.0 / 3) < 1e-7 && inputWins.scalars[1] == 0)
    let referenceWins = DeepLIFTRules.differenceRouting(
      signal, layer: layer, Self.globalMaxPass([1, 0.5], [0, 4]), epsilon: 1e-6)
    #expect(referenceWins.scalars[0] == 0 && abs(referenceWins.scalars[1] - 12.0 / 7) < 1e-6)
    // Σ m·Δx = s·Δy: 2/3·3 = 2·1 and 12/7·(−3.5) = 2·(−3).
    #expect(abs(referenceWins.scalars[1] * -3.5 - 2 * -3) < 1e-5)
  }

  /// An unchanged winner (Δx = 0) takes the gradient; its window has Δy = 0, so nothing is lost.
  @Test func differenceRoutingFallsBackWhereTheInputIsUnchanged() {
    let layer = GlobalMaxPooling1D(name: "pool")
    let signal = Tensor(shape: [1, 1], scalars: [2])
    let m = DeepLIFTRules.differenceRouting(
      signal, layer: layer, Self.globalMaxPass([5, 1], [5, 3]), epsilon: 1e-6)
    #expect(m.scalars == [2, 0])
  }

  /// The chain splits fused nonlinear activations off their layers and keeps everything else.
  @Test func chainSplitsFusedActivations() throws {
    let model = try TestSupport.deepBindNetwork(seed: 2)
    let routed = DeepLIFTChain(model, maxPooling: .differenceRouting).steps.map(Self.describe)
    #expect(
      routed == [
        "gradient conv1d_1", "rescale relu", "routing global_max_pooling1d_1",
        "gradient dense_1", "rescale relu", "gradient dense_2",
      ])
    let plain = DeepLIFTChain(model, maxPooling: .winnerTakesAll).steps.map(Self.describe)
    #expect(plain[2] == "gradient global_max_pooling1d_1")
    let x = TestSupport.oneHotDNA(3, length: 20, seed: 4)
    #expect(DeepLIFTChain(model, maxPooling: .differenceRouting).trace(x).last == model.forward(x))
  }

  static func describe(_ step: DeepLIFTChain.Step) -> String {
    switch step {
    case .rescale(let activation): return "rescale \(activation.rawValue)"
    case .differenceRouting(let layer): return "routing \(layer.name)"
    case .gradient(let layer): return "gradient \(layer.name)"
    case .merge(let layer): return "merge \(layer.name)"
    }
  }
}
