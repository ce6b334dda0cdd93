import SanityChecker
import SanityTestSupport
import Testing

/// ``Gather`` and ``GlobalSumPooling``: hand values, gradients against central differences in
/// `Double`, the rules each layer states, and ε-LRP conservation.
@Suite struct SelectionLayerTests {
  @Test func handValues() throws {
    let x = Tensor(shape: [1, 3, 2], scalars: [1, 2, 3, 4, 5, 6])
    let channel = Gather(name: "channel", axis: 1, indices: [0], keepsAxis: false)
    #expect(channel.forward(x) == Tensor(shape: [1, 3], scalars: [1, 3, 5]))
    #expect(try channel.outputShape(for: [3, 2]) == [3])
    let positions = Gather(name: "positions", axis: 0, indices: [2, 0, 2])
    #expect(positions.forward(x) == Tensor(shape: [1, 3, 2], scalars: [5, 6, 1, 2, 5, 6]))
    let signal = Tensor(shape: [1, 3, 2], scalars: [1, 1, 1, 1, 1, 1])
    let back = positions.backward(signal, input: x, output: positions.forward(x), rule: .gradient)
    #expect(back == Tensor(shape: [1, 3, 2], scalars: [1, 1, 0, 0, 2, 2]), "repeats sum")
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "positions", expected: "an axis 0 holding indices [2, 0, 2]", actual: [2, 2])
    ) {
      try positions.outputShape(for: [2, 2])
    }
    let sum = GlobalSumPooling(name: "sum")
    #expect(sum.forward(x) == Tensor(shape: [1, 2], scalars: [9, 12]))
    #expect(try sum.outputShape(for: [3, 2]) == [2])
    let y = sum.forward(x)
    let relevance = Tensor(shape: [1, 2], scalars: [3, 6])
    #expect(
      sum.backward(relevance, input: x, output: y, rule: .gradient).scalars == [3, 6, 3, 6, 3, 6])
    #expect(
      sum.backward(relevance, input: x, output: y, rule: .epsilonLRP(epsilon: 0)).scalars
        == [1, 2, 1, 2, 1, 2])
  }

  /// Gradients against central differences (h = 1e-2, Double accumulation; the layers are
  /// linear, so 1e-3 of the largest gradient bounds Float rounding); Guided Backprop and
  /// DeconvNet pass the gradient, as does ε-LRP through `Gather`.
  @Test(arguments: [0, 1, 2])
  func gradientsMatchFiniteDifferences(axis: Int) {
    let x = TestSupport.uniform([2, 5, 4, 3], seed: UInt64(10 + axis))
    let layers: [any Layer] = [
      Gather(name: "list", axis: axis, indices: [1, 0, 1, 2]),
      Gather(name: "one", axis: axis, indices: [2], keepsAxis: false),
      GlobalSumPooling(name: "sum"),
    ]
    for layer in layers {
      LayerChecks.expectInputGradient(
        of: layer, at: x, seed: UInt64(20 + axis), tolerance: 1e-3, "\(layer.name) axis \(axis)")
      let y = layer.forward(x)
      let v = TestSupport.uniform(y.shape, seed: 30)
      let gradient = layer.backward(v, input: x, output: y, rule: .gradient)
      var rules = [BackwardRule.guidedBackprop, .deconvNet]
      if layer is Gather { rules.append(.epsilonLRP(epsilon: 0.1)) }
      for rule in rules {
        #expect(layer.backward(v, input: x, output: y, rule: rule) == gradient, "\(rule)")
      }
    }
  }

  /// ε-LRP conserves relevance through the sum (both redistributions) and through `Gather`
  /// without repeats that keeps every entry.
  @Test func epsilonLRPConservesRelevance() {
    let x = TestSupport.uniform([2, 6, 3], seed: 41, low: 0.1, high: 1)
    let layers: [(any Layer, BackwardRule)] = [
      (GlobalSumPooling(name: "sum"), .epsilonLRP(epsilon: 1e-7)),
      (GlobalSumPooling(name: "sum"), .epsilonLRP(epsilon: 1e-7, averagePooling: .proportional)),
      (Gather(name: "permuted", axis: 1, indices: [2, 0, 1]), .epsilonLRP(epsilon: 1e-7)),
    ]
    for (layer, rule) in layers {
      let y = layer.forward(x)
      let relevance = TestSupport.uniform(y.shape, seed: 42)
      let back = layer.backward(relevance, input: x, output: y, rule: rule)
      for (input, output) in zip(back.itemSums(), relevance.itemSums()) {
        #expect(abs(input - output) <= 1e-5 * max(1, abs(output)), "\(layer.name) \(rule)")
      }
    }
  }
}
