@testable import SanityChecker
import SanityTestSupport
import Testing

/// The max-pooled IG path (``IntegratedGradients/maxPooledPathSignals(_:activation:start:slope:units:alphas:weights:)``)
/// against the step-by-step sum of full input gradients, `Σ_k w_k ∇f_t(x' + α_k (x − x'))`.
@Suite struct IntegratedGradientsMaxPooledPathTests {
  /// The reference: every path point through the whole model and its input gradient.
  static func stepwise(
    _ model: Model, _ x: Tensor, reference: Tensor, targets: [Int], alphas: [Double],
    weights: [Double]
  ) -> Tensor {
    let difference = x.linearCombination(1, reference, -1)
    var accumulated = Tensor(shape: x.shape)
    for (alpha, weight) in zip(alphas, weights) {
      let point = reference.linearCombination(1, difference, Float(alpha))
      let (gradient, _) = Gradient.inputSignal(model, point, targets: targets, rule: .gradient)
      accumulated = accumulated.linearCombination(1, gradient, Float(weight))
    }
    return accumulated
  }

  /// Random DeepBind-style models (ReLU or linear convolution, valid or same padding, 16 or 5
  /// filters, 2 outputs), one-hot rows plus an N (0.25 at every base) and an empty position, zero
  /// and constant baselines.
  ///
  /// Tolerance 1e-5 of the largest value: the fast path moves the convolution's linear part to
  /// the end, as the affine path always did.
  @Test(arguments: [
    (16, Activation.relu, Padding.valid, Float(0)), (16, .relu, .same, 0.25),
    (5, .linear, .valid, 0.25),
    (19, .relu, .same, 0),
  ])
  func matchesStepwiseGradients(
    filters: Int, activation: Activation, padding: Padding, baseline: Float
  ) throws {
    let model = try Model(
      name: "ig-test", inputShape: [30, 4],
      layers: [
        Conv1D(
          name: "conv", kernel: TestSupport.uniform([7, 4, filters], seed: UInt64(filters)),
          bias: TestSupport.uniform([filters], seed: 2, low: -0.3, high: 0.3), padding: padding,
          activation: activation),
        GlobalMaxPooling1D(name: "pool"),
        Dense(
          name: "hidden", kernel: TestSupport.uniform([filters, 6], seed: 3),
          bias: TestSupport.uniform([6], seed: 4), activation: .relu),
        Dense(
          name: "out", kernel: TestSupport.uniform([6, 2], seed: 5),
          bias: TestSupport.uniform([2], seed: 6)),
      ])
    var x = TestSupport.oneHotDNA(6, length: 30, seed: 8)
    for base in 0..<4 {
      x[1, 10, base] = 0.25
      x[4, 0, base] = 0
    }
    let reference = Tensor(shape: x.shape) { $0.update(repeating: baseline) }
    let targets = [0, 1, 0, 1, 1, 0]
    let (alphas, weights) = IntegrationRule.riemannTrapezoid.nodes(steps: 20)
    let fast = IntegratedGradients.pathGradients(
      model, x, reference: reference, units: [targets], alphas: alphas, weights: weights)[0]
    let expected = Self.stepwise(
      model, x, reference: reference, targets: targets, alphas: alphas, weights: weights)
    TestSupport.expectClose(fast, expected, relativeTolerance: 1e-5, "path gradient")
    #expect(fast.maximumMagnitude > 0)
  }

  /// Models without `Conv1D → GlobalMaxPooling1D` get no max-pooled signal.
  @Test func otherModelsTakeTheGeneralPath() throws {
    let model = try TestSupport.denseNetwork()
    let start = Tensor(shape: [2, 5])
    #expect(
      IntegratedGradients.maxPooledPathSignals(
        model, activation: .relu, start: start, slope: start, units: [[0, 1]], alphas: [0.5],
        weights: [1]) == nil)
  }
}
