import SanityChecker
import SanityTestSupport
import Testing

/// Cropping2D, ZeroPadding2D, RepeatVector and Reverse: hand values, gradients against central
/// differences (accumulated in `Double`), the same signal under every rule, ε-LRP conservation
/// and DeepLIFT on a model that contains them.
@Suite struct ImageWindowLayerTests {
  /// Hand values on a `[1, 3, 3, 1]` image and a `[1, 2]` vector.
  @Test func handValues() throws {
    let x = Tensor(shape: [1, 3, 3, 1], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
    let crop = Cropping2D(name: "crop", top: 1, bottom: 0, left: 0, right: 1)
    let kept: [Float] = [4, 5, 7, 8]
    #expect(crop.forward(x).scalars == kept)
    #expect(try crop.outputShape(for: [3, 3, 1]) == [2, 2, 1])
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "crop", expected: "[H, W, C] with H > 1, W > 1", actual: [1, 3, 1])
    ) {
      try crop.outputShape(for: [1, 3, 1])
    }
    let back: [Float] = [0, 0, 0, 4, 5, 0, 7, 8, 0]
    let y = crop.forward(x)
    #expect(crop.backward(y, input: x, output: y, rule: .gradient).scalars == back)
    let pad = ZeroPadding2D(name: "pad", top: 0, bottom: 1, left: 1, right: 0)
    let padded: [Float] = [0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0]
    #expect(pad.forward(x).scalars == padded)
    #expect(try pad.outputShape(for: [3, 3, 1]) == [4, 4, 1])
    #expect(pad.backward(pad.forward(x), input: x, output: pad.forward(x), rule: .gradient) == x)
    let vector = Tensor(shape: [1, 2], scalars: [1, 2])
    let repeated = RepeatVector(name: "repeat", count: 3)
    let copies: [Float] = [1, 2, 1, 2, 1, 2]
    #expect(repeated.forward(vector).scalars == copies)
    #expect(try repeated.outputShape(for: [2]) == [3, 2])
    let summed: [Float] = [3, 6]
    #expect(
      repeated.backward(
        repeated.forward(vector), input: vector, output: repeated.forward(vector),
        rule: .gradient
      ).scalars == summed)
    let reverse = Reverse(name: "reverse", axes: [0, 1])
    let sequence = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
    let reversed: [Float] = [4, 3, 2, 1]
    #expect(reverse.forward(sequence).scalars == reversed)
    #expect(Reverse(name: "r", axes: [0]).forward(sequence).scalars == [3, 4, 1, 2])
  }

  /// Gradients against central differences over a grid of borders; every rule gives the
  /// gradient (the layers only move, copy or sum values and hold no ReLU).
  @Test(arguments: [(0, 0, 0, 0), (1, 0, 0, 2), (0, 2, 1, 0), (1, 1, 2, 1)])
  func gradientsMatchFiniteDifferences(top: Int, bottom: Int, left: Int, right: Int) {
    let seed = UInt64(20 + top * 27 + bottom * 9 + left * 3 + right)
    let image = TestSupport.uniform([2, 5, 6, 3], seed: seed)
    let cases: [(any Layer, Tensor)] = [
      (Cropping2D(name: "crop", top: top, bottom: bottom, left: left, right: right), image),
      (ZeroPadding2D(name: "pad", top: top, bottom: bottom, left: left, right: right), image),
      (
        RepeatVector(name: "repeat", count: 1 + top + right),
        TestSupport.uniform([2, 4], seed: seed)
      ),
      (Reverse(name: "reverse", axes: [0, 2]), image),
    ]
    for (layer, x) in cases {
      LayerChecks.expectInputGradient(
        of: layer, at: x, seed: 5, tolerance: 1e-3,
        "\(layer.name) \(top) \(bottom) \(left) \(right)")
      let y = layer.forward(x)
      let v = TestSupport.uniform(y.shape, seed: 6)
      let gradient = layer.backward(v, input: x, output: y, rule: .gradient)
      for rule in [BackwardRule.guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 0.1)] {
        #expect(
          layer.backward(v, input: x, output: y, rule: rule) == gradient, "\(layer.name) \(rule)")
      }
    }
  }

  /// ε-LRP conserves relevance through cropping, the reversal and the copies (padding returns
  /// only the relevance at the original pixels, checked by the hand values).
  @Test func epsilonLRPConservesRelevance() {
    let image = TestSupport.uniform([2, 4, 5, 2], seed: 31)
    let cases: [(any Layer, Tensor)] = [
      (Cropping2D(name: "crop", top: 1, bottom: 0, left: 2, right: 1), image),
      (RepeatVector(name: "repeat", count: 4), TestSupport.uniform([2, 3], seed: 32)),
      (Reverse(name: "reverse", axes: [1]), image),
    ]
    for (layer, x) in cases {
      let y = layer.forward(x)
      let relevance = TestSupport.uniform(y.shape, seed: 33)
      let back = layer.backward(relevance, input: x, output: y, rule: .epsilonLRP(epsilon: 1e-6))
      for (input, output) in zip(back.itemSums(), relevance.itemSums()) {
        #expect(abs(input - output) <= 1e-5 * max(1, abs(output)), "\(layer.name) conserves")
      }
    }
  }

  /// DeepLIFT through the layers (linear steps: multipliers pass as the gradient) conserves the
  /// delta, and on a model without nonlinearities equals Gradient × Input (zero reference).
  @Test func deepLIFTPassesLinearSteps() throws {
    let image = try Model(
      name: "image", inputShape: [6, 5, 2],
      layers: [
        ZeroPadding2D(name: "pad", top: 1, bottom: 0, left: 2, right: 1),
        Conv2D(
          name: "conv", kernel: TestSupport.uniform([3, 3, 2, 3], seed: 41),
          bias: TestSupport.uniform([3], seed: 42), activation: .relu),
        Cropping2D(name: "crop", top: 1, bottom: 1, left: 0, right: 2),
        Reverse(name: "reverse", axes: [1]),
        Flatten(name: "flatten"),
        Dense(name: "dense", kernel: TestSupport.uniform([36, 2], seed: 43), bias: nil),
        RepeatVector(name: "repeat", count: 3),
        Flatten(name: "flatten2"),
        Dense(name: "out", kernel: TestSupport.uniform([6, 2], seed: 44), bias: nil),
      ])
    let linear = try image.replacingLayer(
      at: 1,
      with: Conv2D(
        name: "conv", kernel: TestSupport.uniform([3, 3, 2, 3], seed: 41), bias: nil))
    try TestSupport.expectDeepLIFTIsAGradientStep(
      for: TestSupport.uniform([3, 6, 5, 2], seed: 45), targets: [0, 1, 0], nonlinear: image,
      linear: linear, relativeTolerance: 1e-5)
  }
}
