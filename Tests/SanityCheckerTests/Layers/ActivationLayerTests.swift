import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ActivationLayerTests {
  /// Gradients against central differences on [2, 5, 3] (softmax over the last axis), tolerance
  /// 2e-3 × max(1, max|gradient|); inputs stay ≥ 2h from ReLU's kink at 0.
  @Test(arguments: Activation.allCases)
  func gradientsMatchFiniteDifferences(activation: Activation) throws {
    let x = try #require(
      LayerChecks.uniform([2, 5, 3], seed: 41, clearOfZeroBy: 2 * LayerChecks.step) { $0 })
    LayerChecks.expectInputGradient(
      of: ActivationLayer(name: "act", activation: activation), at: x, seed: 42, tolerance: 2e-3,
      "\(activation)")
  }

  /// ReLU under each rule on hand values: x = (−1, 2, 3, −4), s = (5, −6, 7, −8).
  @Test(arguments: [
    (BackwardRule.gradient, [Float(0), -6, 7, 0]),
    (.guidedBackprop, [0, 0, 7, 0]),
    (.deconvNet, [5, 0, 7, 0]),
    (.epsilonLRP(epsilon: 0.5), [5, -6, 7, -8]),
  ])
  func reluRules(rule: BackwardRule, expected: [Float]) {
    let layer = ActivationLayer(name: "relu", activation: .relu)
    let x = Tensor(shape: [1, 4], scalars: [-1, 2, 3, -4])
    let y = layer.forward(x)
    #expect(y.scalars == [0, 2, 3, 0])
    let signal = Tensor(shape: [1, 4], scalars: [5, -6, 7, -8])
    #expect(layer.backward(signal, input: x, output: y, rule: rule).scalars == expected)
  }

  /// Softmax normalizes over the last axis only, and a scalar item shape is rejected.
  @Test func softmaxNormalizesTheLastAxis() throws {
    let layer = ActivationLayer(name: "softmax", activation: .softmax)
    let y = layer.forward(TestSupport.uniform([3, 2, 4], seed: 43))
    for row in 0..<6 {
      let total = y.scalars[(row * 4)..<(row * 4 + 4)].reduce(0, +)
      #expect(abs(total - 1) < 1e-6)
    }
    #expect(throws: ModelError.shapeMismatch(layer: "softmax", expected: "[…, C]", actual: [])) {
      try layer.outputShape(for: [])
    }
    #expect(try layer.outputShape(for: [2, 4]) == [2, 4])
  }
}
