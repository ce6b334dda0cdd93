import SanityChecker
import SanityTestSupport
import Testing

@Suite struct GlobalPoolingTests {
  /// 1-D global pooling gradients against central differences (h = 1e-2), tolerance
  /// 2e-3 × max(1, max|gradient|); inputs are distinct multiples of 0.1 (≥ 2h apart).
  @Test(arguments: [1, 5, 9], [1, 2, 3])
  func gradients1DMatchFiniteDifferences(length: Int, channels: Int) {
    let seed = UInt64(20_000 + 10 * length + channels)
    let x = LayerChecks.distinct([2, length, channels], seed: seed)
    LayerChecks.expectInputGradient(
      of: GlobalMaxPooling1D(name: "g"), at: x, seed: seed + 1, tolerance: 2e-3, "max")
    LayerChecks.expectInputGradient(
      of: GlobalAveragePooling1D(name: "g"), at: x, seed: seed + 1, tolerance: 2e-3, "mean")
  }

  /// 2-D global pooling gradients against central differences, as for 1-D.
  @Test(arguments: [[1, 1], [3, 4], [2, 1]], [1, 3])
  func gradients2DMatchFiniteDifferences(plane: [Int], channels: Int) {
    let seed = UInt64(21_000 + 100 * plane[0] + 10 * plane[1] + channels)
    let x = LayerChecks.distinct([2, plane[0], plane[1], channels], seed: seed)
    LayerChecks.expectInputGradient(
      of: GlobalMaxPooling2D(name: "g"), at: x, seed: seed + 1, tolerance: 2e-3, "max")
    LayerChecks.expectInputGradient(
      of: GlobalAveragePooling2D(name: "g"), at: x, seed: seed + 1, tolerance: 2e-3, "mean")
  }

  /// Hand values on [1, 3, 2]: channel 0 is (1, 4, −2), channel 1 is (0, 6, 3).
  @Test func forwardAndBackwardOnASmallSequence() {
    let x = Tensor(shape: [1, 3, 2], scalars: [1, 0, 4, 6, -2, 3])
    let signal = Tensor(shape: [1, 2], scalars: [3, 6])
    let maximum = GlobalMaxPooling1D(name: "g")
    let top = maximum.forward(x)
    #expect(top == Tensor(shape: [1, 2], scalars: [4, 6]))
    #expect(
      maximum.backward(signal, input: x, output: top, rule: .gradient).scalars == [
        0, 0, 3, 6, 0, 0,
      ])
    let mean = GlobalAveragePooling1D(name: "g")
    let average = mean.forward(x)
    #expect(average == Tensor(shape: [1, 2], scalars: [1, 3]))
    #expect(
      mean.backward(signal, input: x, output: average, rule: .deconvNet).scalars == [
        1, 2, 1, 2, 1, 2,
      ])
    // .proportional: x_l·R/(Σx + ε): channel 0 Σx = 3, channel 1 Σx = 9.
    let proportional = mean.backward(
      signal, input: x, output: average,
      rule: .epsilonLRP(epsilon: 1e-9, averagePooling: .proportional))
    TestSupport.expectClose(
      proportional, Tensor(shape: [1, 3, 2], scalars: [1, 0, 4, 4, -2, 2]), relativeTolerance: 1e-6)
  }

  /// Hand values on a 2×2 image with two channels.
  @Test func forwardOnASmallImage() {
    let x = Tensor(shape: [1, 2, 2, 2], scalars: [1, -1, 2, -2, 3, -3, 4, -4])
    #expect(GlobalMaxPooling2D(name: "g").forward(x).scalars == [4, -1])
    #expect(GlobalAveragePooling2D(name: "g").forward(x).scalars == [2.5, -2.5])
  }

  /// Exact ties go to the first position in scan order, under every rule.
  @Test(arguments: [BackwardRule.gradient, .guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 1e-9)])
  func tiesRouteToTheFirstMaximum(rule: BackwardRule) {
    let sequence = Tensor(shape: [1, 3, 1], scalars: [3, 9, 9])
    let pool1D = GlobalMaxPooling1D(name: "g")
    let signal = Tensor(shape: [1, 1], scalars: [5])
    #expect(
      pool1D.backward(signal, input: sequence, output: pool1D.forward(sequence), rule: rule).scalars
        == [0, 5, 0])
    let image = Tensor(shape: [1, 2, 2, 1], scalars: [2, 8, 8, 8])
    let pool2D = GlobalMaxPooling2D(name: "g")
    #expect(
      pool2D.backward(signal, input: image, output: pool2D.forward(image), rule: rule).scalars == [
        0, 5, 0, 0,
      ])
  }

  /// Shape errors name the layer.
  @Test func outputShapeErrorsNameTheLayer() {
    #expect(
      throws: ModelError.shapeMismatch(layer: "gmp", expected: "[L ≥ 1, C]", actual: [4, 4, 1])
    ) {
      try GlobalMaxPooling1D(name: "gmp").outputShape(for: [4, 4, 1])
    }
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "gap", expected: "[H ≥ 1, W ≥ 1, C]", actual: [0, 4, 1])
    ) {
      try GlobalAveragePooling2D(name: "gap").outputShape(for: [0, 4, 1])
    }
    #expect((try? GlobalAveragePooling1D(name: "g").outputShape(for: [101, 16])) == [16])
    #expect((try? GlobalMaxPooling2D(name: "g").outputShape(for: [7, 7, 32])) == [32])
  }
}
