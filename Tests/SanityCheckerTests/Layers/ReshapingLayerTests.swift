import SanityChecker
import SanityTestSupport
import Testing

/// Flatten and Dropout: pure data movement, every rule passes the signal unchanged.
@Suite struct ReshapingLayerTests {
  static let rules: [BackwardRule] = [
    .gradient, .guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 0.1),
    .epsilonLRP(epsilon: 0.1, averagePooling: .proportional),
  ]

  /// Keras Flatten order on [1, 2, 2, 3]: x[0, h, w, c] lands at h·6 + w·3 + c.
  @Test func flattenKeepsKerasOrder() throws {
    let x = Tensor(shape: [1, 2, 2, 3], scalars: (0..<12).map { Float($0) * 1.5 })
    let layer = Flatten(name: "flatten")
    #expect(try layer.outputShape(for: [2, 2, 3]) == [12])
    let y = layer.forward(x)
    #expect(y.shape == [1, 12])
    for h in 0..<2 {
      for w in 0..<2 {
        for c in 0..<3 { #expect(y[0, h * 6 + w * 3 + c] == x[0, h, w, c]) }
      }
    }
  }

  /// Flatten and Dropout pass every rule's signal unchanged (reshaped for Flatten).
  @Test(arguments: rules)
  func signalsPassUnchanged(rule: BackwardRule) throws {
    let x = TestSupport.uniform([2, 3, 2, 2], seed: 31)
    let signal = TestSupport.uniform([2, 12], seed: 32)
    let flatten = Flatten(name: "flatten")
    #expect(
      flatten.backward(signal, input: x, output: flatten.forward(x), rule: rule)
        == signal.reshaped(x.shape))
    let dropout = Dropout(name: "dropout", rate: 0.5)
    let image = TestSupport.uniform([2, 3, 2, 2], seed: 33)
    #expect(dropout.forward(x) == x)
    #expect(dropout.backward(image, input: x, output: x, rule: rule) == image)
    #expect(try dropout.outputShape(for: [3, 2, 2]) == [3, 2, 2])
  }

  /// Gradients against central differences (exact for a reshape; tolerance 1e-3 × max(1, |g|)).
  @Test func gradientsMatchFiniteDifferences() {
    let x = TestSupport.uniform([2, 2, 3, 2], seed: 34)
    LayerChecks.expectInputGradient(
      of: Flatten(name: "f"), at: x, seed: 35, tolerance: 1e-3, "flatten")
    LayerChecks.expectInputGradient(
      of: Dropout(name: "d", rate: 0.25), at: x, seed: 36, tolerance: 1e-3, "dropout")
  }
}
