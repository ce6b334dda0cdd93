import SanityChecker
import SanityTestSupport
import Testing

/// Reshape and Permute: hand values, gradients against central differences, every rule equal.
@Suite struct ReshapePermuteTests {
  /// `[1, 2, 3]` permuted by (1, 0) is its transpose; reshape infers −1.
  @Test func handValues() throws {
    let x = Tensor(shape: [1, 2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let permute = Permute(name: "t", axes: [1, 0])
    #expect(try permute.outputShape(for: [2, 3]) == [3, 2])
    let transposed: [Float] = [1, 4, 2, 5, 3, 6]
    let y = permute.forward(x)
    #expect(y.shape == Shape([1, 3, 2]))
    #expect(y.scalars == transposed)
    #expect(permute.backward(y, input: x, output: y, rule: .gradient) == x)
    #expect(throws: ModelError.self) { try permute.outputShape(for: [2, 3, 4]) }
    let reshape = Reshape(name: "r", targetShape: [-1, 2])
    #expect(try reshape.outputShape(for: [2, 3]) == [3, 2])
    #expect(throws: ModelError.self) {
      try Reshape(name: "r", targetShape: [4, 2]).outputShape(for: [2, 3])
    }
  }

  /// Gradients against central differences; every rule gives the gradient.
  @Test(arguments: [[2, 0, 1], [0, 2, 1], [1, 2, 0]])
  func gradientsMatchFiniteDifferences(axes: [Int]) throws {
    let x = TestSupport.uniform([2, 3, 4, 2], seed: UInt64(axes[0] * 3 + axes[1]))
    let layers: [any Layer] = [
      Permute(name: "p", axes: axes), Reshape(name: "r", targetShape: [4, -1]),
    ]
    for layer in layers {
      LayerChecks.expectInputGradient(
        of: layer, at: x, seed: 9, tolerance: 1e-3, "\(layer.name) \(axes)")
      let y = layer.forward(x)
      let v = TestSupport.uniform(y.shape, seed: 10)
      let gradient = layer.backward(v, input: x, output: y, rule: .gradient)
      for rule in [BackwardRule.guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 0.1)] {
        #expect(layer.backward(v, input: x, output: y, rule: rule) == gradient)
      }
    }
  }
}
