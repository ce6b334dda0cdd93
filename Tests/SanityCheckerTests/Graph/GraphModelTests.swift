import SanityChecker
import SanityTestSupport
import Testing

/// Wiring, chains as graphs, chunked forward passes and heads.
@Suite struct GraphModelTests {
  /// A chain written with the graph initializer is a chain, and gives the sequential model's
  /// values bit for bit; a graph's chunked forward pass equals its trace.
  @Test func chainsAndGraphsAgree() throws {
    let layers = ToyNetwork.sequence.layers(seed: 91)
    let chain = try Model(name: "c", inputShape: [12, 4], layers: layers)
    let wired = try Model(
      name: "c", inputShape: [12, 4], layers: layers, inputNodes: [[0], [1], [2], [3]],
      outputNodes: [4])
    #expect(chain.isChain && wired.isChain)
    let x = TestSupport.uniform([5, 12, 4], seed: 92)
    #expect(chain.forward(x) == wired.forward(x))
    let residual = try GraphNetworks.residual(seed: 93)
    let batch = TestSupport.uniform([600, 10, 3], seed: 94)
    #expect(residual.forward(batch) == residual.trace(batch).output)
    #expect(residual.forwardHeads(batch) == [residual.trace(batch).output])
  }

  /// Wiring errors name the layer: a read of a later node, two inputs to a plain layer, and an
  /// output outside the nodes.
  @Test func wiringErrorsNameTheLayer() throws {
    let layers = ToyNetwork.sequence.layers(seed: 95)
    #expect(
      throws: ModelError.graph(
        model: "m", layer: "pool",
        problem: "reads nodes [3]; a layer reads at least one earlier node (0...1)")
    ) {
      try Model(
        name: "m", inputShape: [12, 4], layers: layers, inputNodes: [[0], [3], [2], [3]],
        outputNodes: [4])
    }
    #expect(
      throws: ModelError.graph(
        model: "m", layer: "hidden", problem: "reads 2 nodes but is not a merge layer")
    ) {
      try Model(
        name: "m", inputShape: [12, 4], layers: layers, inputNodes: [[0], [1], [2, 1], [3]],
        outputNodes: [4])
    }
    #expect(
      throws: ModelError.graph(
        model: "m", layer: "output", problem: "outputs [7] are not nodes 0...4")
    ) {
      try Model(
        name: "m", inputShape: [12, 4], layers: layers, inputNodes: [[0], [1], [2], [3]],
        outputNodes: [7])
    }
    #expect(throws: ModelError.self) {
      try GraphNetworks.twoBranch(ElementwiseMerge(name: "s", operation: .subtract), seed: 1)
        .replacingLayer(
          at: 1,
          with: Conv1D(name: "b", kernel: TestSupport.uniform([2, 4, 3], seed: 1), bias: nil))
    }
  }

  /// A concatenation along the length keeps each input's slice, and its backward pass cuts
  /// the signal back into them.
  @Test func concatenateAlongEachAxis() {
    let a = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
    let b = Tensor(shape: [1, 1, 2], scalars: [5, 6])
    let layer = Concatenate(name: "c", axis: 0)
    let y = layer.forward([a, b])
    let joined: [Float] = [1, 2, 3, 4, 5, 6]
    #expect(y.shape == Shape([1, 3, 2]))
    #expect(y.scalars == joined)
    let parts = layer.backward(y, inputs: [a, b], output: y, rule: .gradient)
    #expect(parts == [a, b])
    let channels = Concatenate(name: "c").forward([a, a])
    let interleaved: [Float] = [1, 2, 1, 2, 3, 4, 3, 4]
    #expect(channels.scalars == interleaved)
  }
}
