import SanityChecker
import SanityTestSupport
import Testing

@Suite struct BatchNormalizationTests {
  static func layer(channels: Int, seed: UInt64, hasGamma: Bool = true, hasBeta: Bool = true)
    -> BatchNormalization
  {
    BatchNormalization(
      name: "bn",
      gamma: hasGamma ? TestSupport.uniform([channels], seed: seed, low: 0.5, high: 2) : nil,
      beta: hasBeta ? TestSupport.uniform([channels], seed: seed + 1) : nil,
      movingMean: TestSupport.uniform([channels], seed: seed + 2),
      movingVariance: TestSupport.uniform([channels], seed: seed + 3, low: 0.2, high: 3))
  }

  /// Input, gamma and beta gradients against central differences (the layer is affine, so only
  /// Float rounding remains); tolerance 1e-3 × max(1, max|gradient|).
  @Test(arguments: [(Shape([6, 1]), true), (Shape([4, 2]), false), (Shape([3, 2, 3]), true)])
  func gradientsMatchFiniteDifferences(item: Shape, hasScaleAndCenter: Bool) {
    let channels = item[item.rank - 1]
    let seed = UInt64(50 + item.count)
    let layer = Self.layer(
      channels: channels, seed: seed, hasGamma: hasScaleAndCenter, hasBeta: hasScaleAndCenter)
    let x = TestSupport.uniform(item.batched(2), seed: seed + 10)
    LayerChecks.expectInputGradient(
      of: layer, at: x, seed: seed + 11, tolerance: 1e-3, "bn \(item)")
    LayerChecks.expectParameterGradients(
      of: layer, at: x, keys: hasScaleAndCenter ? ["gamma", "beta"] : [], seed: seed + 11,
      tolerance: 1e-3, "bn")
    let gradients = layer.parameterGradients(
      TestSupport.uniform(item.batched(2), seed: 1), input: x, output: layer.forward(x))
    #expect(gradients["moving_mean"] == Tensor(shape: [channels]))
    #expect(gradients["moving_variance"] == Tensor(shape: [channels]))
    #expect(
      layer.parameterOrder
        == (hasScaleAndCenter
          ? ["gamma", "beta", "moving_mean", "moving_variance"]
          : ["moving_mean", "moving_variance"]))
  }

  /// Forward values and rules match a hand computation.
  ///
  /// γ = (2, 1), β = (1, 0), μ = (1, −1), σ² + ε = (4, 0.25), so a = (1, 2) and b = (0, 2);
  /// x = (3, 1) gives y = (3, 4). ε-LRP: R_in = x·a·R/y = (1, 0.5) for R = (1, 1) (the bias b
  /// absorbs the rest); the gradient is a·s.
  @Test func forwardAndRulesMatchHandComputation() {
    let layer = BatchNormalization(
      name: "bn", gamma: Tensor(shape: [2], scalars: [2, 1]),
      beta: Tensor(shape: [2], scalars: [1, 0]),
      movingMean: Tensor(shape: [2], scalars: [1, -1]),
      movingVariance: Tensor(shape: [2], scalars: [3.999, 0.249]))
    let x = Tensor(shape: [1, 2], scalars: [3, 1])
    let y = layer.forward(x)
    TestSupport.expectClose(
      y, Tensor(shape: [1, 2], scalars: [3, 4]), relativeTolerance: 1e-6, "y")
    let ones = Tensor(shape: [1, 2], repeating: 1)
    let relevance = layer.backward(ones, input: x, output: y, rule: .epsilonLRP(epsilon: 1e-9))
    TestSupport.expectClose(
      relevance, Tensor(shape: [1, 2], scalars: [1, 0.5]), relativeTolerance: 1e-6, "R")
    for rule in [BackwardRule.gradient, .guidedBackprop, .deconvNet] {
      let gradient = layer.backward(ones, input: x, output: y, rule: rule)
      TestSupport.expectClose(
        gradient, Tensor(shape: [1, 2], scalars: [1, 2]), relativeTolerance: 1e-6, "\(rule)")
    }
  }

  /// Shape errors name the layer: a wrong channel count and a wrong parameter shape.
  @Test func outputShapeErrorsNameTheLayer() {
    let layer = Self.layer(channels: 3, seed: 60)
    #expect(throws: ModelError.shapeMismatch(layer: "bn", expected: "[…, 3]", actual: [5, 4])) {
      try layer.outputShape(for: [5, 4])
    }
    var wrong = layer
    wrong.parameters["beta"] = Tensor(shape: [2])
    #expect(
      throws: ModelError.parameterShape(layer: "bn", parameter: "beta", expected: [3], actual: [2])
    ) {
      try wrong.outputShape(for: [5, 3])
    }
    #expect((try? layer.outputShape(for: [4, 4, 3])) == [4, 4, 3])
  }
}
