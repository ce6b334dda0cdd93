import SanityChecker
import SanityTestSupport
import Testing

/// Cropping1D and ZeroPadding1D: hand values, gradients against central differences, and the
/// same signal under every rule.
@Suite struct SequenceWindowLayerTests {
  /// Hand values on `[1, 4, 2]`: cropping (1, 2) keeps position 1; padding (1, 0) adds a zero row.
  @Test func handValues() throws {
    let x = Tensor(shape: [1, 4, 2], scalars: [1, 2, 3, 4, 5, 6, 7, 8])
    let crop = Cropping1D(name: "crop", start: 1, end: 2)
    let kept: [Float] = [3, 4]
    #expect(crop.forward(x).scalars == kept)
    #expect(try crop.outputShape(for: [4, 2]) == [1, 2])
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "crop", expected: "[L, C] with L > 3", actual: [3, 2])
    ) {
      try crop.outputShape(for: [3, 2])
    }
    let back: [Float] = [0, 0, 3, 4, 0, 0, 0, 0]
    #expect(
      crop.backward(crop.forward(x), input: x, output: crop.forward(x), rule: .gradient).scalars
        == back)
    let pad = ZeroPadding1D(name: "pad", start: 1, end: 0)
    let padded: [Float] = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8]
    #expect(pad.forward(x).scalars == padded)
    #expect(
      pad.backward(pad.forward(x), input: x, output: pad.forward(x), rule: .epsilonLRP(epsilon: 1))
        == x)
  }

  /// Gradients against central differences over a grid of crops and pads, and every rule gives
  /// the gradient (the layers only move values).
  @Test(arguments: [(0, 0), (1, 0), (0, 2), (2, 3)])
  func gradientsMatchFiniteDifferences(start: Int, end: Int) {
    let x = TestSupport.uniform([2, 7, 3], seed: UInt64(10 + start * 4 + end))
    let layers: [any Layer] = [
      Cropping1D(name: "crop", start: start, end: end),
      ZeroPadding1D(name: "pad", start: start, end: end),
    ]
    for layer in layers {
      LayerChecks.expectInputGradient(
        of: layer, at: x, seed: 5, tolerance: 1e-3, "\(layer.name) \(start), \(end)")
      let y = layer.forward(x)
      let v = TestSupport.uniform(y.shape, seed: 6)
      let gradient = layer.backward(v, input: x, output: y, rule: .gradient)
      for rule in [BackwardRule.guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 0.1)] {
        #expect(
          layer.backward(v, input: x, output: y, rule: rule) == gradient, "\(layer.name) \(rule)")
      }
    }
  }
}
