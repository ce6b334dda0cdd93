import SanityChecker
import SanityTestSupport
import Testing

/// Graph models against central differences: the backward pass of ⟨v, f(x)⟩ summed at nodes
/// read by several layers (finite differences accumulated in Double, h = 1e-2, tolerance
/// 2e-3 × max(1, max|gradient|), as the layer tests).
@Suite struct GraphGradientTests {
  /// `⟨v, backward(v)⟩` against finite differences of the whole model.
  private func expectModelGradient(
    _ model: Model, at x: Tensor, seed: UInt64, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let trace = model.trace(x)
    let v = TestSupport.uniform(trace.output.shape, seed: seed)
    let analytic = model.backward(trace, seed: v, rule: .gradient)
    let numeric = TestSupport.numericalGradient(at: x, step: LayerChecks.step, projection: v) {
      model.forward($0)
    }
    LayerChecks.expectClose(
      analytic, numeric, tolerance: 2e-3, what, sourceLocation: sourceLocation)
  }

  /// A residual block: conv1's output is read by conv2 and by the add.
  @Test(arguments: [UInt64(11), 12, 13])
  func residualInputGradient(seed: UInt64) throws {
    let model = try GraphNetworks.residual(seed: seed)
    #expect(!model.isChain)
    expectModelGradient(
      model, at: TestSupport.uniform([2, 10, 3], seed: seed + 100), seed: seed + 200, "residual")
  }

  /// Two branches read the input and meet at each merge.
  @Test(arguments: GraphNetworks.merges.indices)
  func twoBranchInputGradient(mergeIndex: Int) throws {
    let merge = GraphNetworks.merges[mergeIndex]
    for seed in UInt64(21)..<UInt64(60) {
      let model = try GraphNetworks.twoBranch(merge, seed: seed)
      let x = TestSupport.uniform([2, 8, 4], seed: seed + 100)
      guard GraphNetworks.branchGap(model, at: x) > 0.05 else { continue }
      expectModelGradient(model, at: x, seed: seed + 200, "\(merge)")
      return
    }
    Issue.record("no seed in 21..<60 keeps the branches 0.05 apart")
  }

  /// Parameter gradients through the residual block (conv1's kernel reaches the output by two
  /// paths), against finite differences of the forward pass in each parameter.
  @Test func residualParameterGradients() throws {
    let model = try GraphNetworks.residual(seed: 31)
    let x = TestSupport.uniform([3, 10, 3], seed: 32)
    let trace = model.trace(x)
    let v = TestSupport.uniform(trace.output.shape, seed: 33)
    let gradients = model.parameterGradients(trace, outputGradient: v)
    for (index, key) in [(0, "kernel"), (0, "bias"), (1, "kernel"), (5, "kernel")] {
      let layer = try #require(model.layers[index] as? any ParameterizedLayer)
      let parameter = try #require(layer.parameters[key])
      let numeric = TestSupport.numericalGradient(
        at: parameter, step: LayerChecks.step, projection: v
      ) {
        value in
        var changed = layer
        changed.parameters[key] = value
        return (try? model.replacingLayer(at: index, with: changed))?.forward(x)
          ?? Tensor(shape: [0])
      }
      let analytic = try #require(gradients[index]?[key])
      LayerChecks.expectClose(analytic, numeric, tolerance: 2e-3, "\(layer.name) d\(key)")
    }
  }

  /// The signal at a node read by two layers is the sum of what both send back: continuing
  /// from it through conv1 gives the signal at the input.
  @Test func signalAtASharedNodeIsTheSum() throws {
    let model = try GraphNetworks.residual(seed: 41)
    let x = TestSupport.uniform([2, 10, 3], seed: 42)
    let trace = model.trace(x)
    let v = TestSupport.uniform(trace.output.shape, seed: 43)
    let atShared = model.backward(trace, seed: v, rule: .gradient, stoppingAt: 1)
    let atInput = model.backward(trace, seed: v, rule: .gradient)
    let throughConv1 = model.layers[0].backward(
      atShared, input: trace.activations[0], output: trace.activations[1], rule: .gradient)
    LayerChecks.expectClose(throughConv1, atInput, tolerance: 1e-6, "conv1 ∘ node 1")
    let fromAdd = model.layers[2].backward(
      model.backward(trace, seed: v, rule: .gradient, stoppingAt: 3), input: trace.activations[2],
      output: trace.activations[3], rule: .gradient)
    #expect(fromAdd != atShared, "the add's share alone must differ from the sum at node 1")
  }

  /// Guided Backprop and DeconvNet change only ReLUs: on a graph without ReLUs they equal the
  /// gradient, so every merge passes them as gradients.
  @Test(arguments: GraphNetworks.merges.indices)
  func rulesWithoutReLUsAreTheGradient(mergeIndex: Int) throws {
    let model = try GraphNetworks.twoBranch(GraphNetworks.merges[mergeIndex], seed: 51)
    let trace = model.trace(TestSupport.uniform([2, 8, 4], seed: 52))
    let v = TestSupport.uniform(trace.output.shape, seed: 53)
    let gradient = model.backward(trace, seed: v, rule: .gradient)
    #expect(model.backward(trace, seed: v, rule: .guidedBackprop) == gradient)
    #expect(model.backward(trace, seed: v, rule: .deconvNet) == gradient)
  }
}
