import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ModelTests {
  /// Errors found at creation name the offending layer.
  @Test func shapeErrorsNameTheLayer() {
    let conv = Conv1D(name: "conv1d_1", kernel: Tensor(shape: [3, 4, 2]), bias: nil)
    #expect(
      throws: ModelError.shapeMismatch(layer: "conv1d_1", expected: "[L, 4]", actual: [10, 3])
    ) {
      try Model(inputShape: [10, 3], layers: [conv])
    }
    let dense = Dense(name: "dense_2", kernel: Tensor(shape: [15, 1]), bias: nil)
    #expect(throws: ModelError.shapeMismatch(layer: "dense_2", expected: "[15]", actual: [16])) {
      try Model(inputShape: [10, 4], layers: [conv, Flatten(name: "flatten"), dense])
    }
    do {
      _ = try Model(inputShape: [10, 4], layers: [conv, Flatten(name: "flatten"), dense])
      Issue.record("expected a shape error")
    } catch {
      #expect(error.description.contains("'dense_2'"))
    }
    var corrupt = Conv1D(name: "conv1d_9", kernel: Tensor(shape: [3, 4, 2]), bias: nil)
    corrupt.parameters["kernel"] = Tensor(shape: [3, 4, 2], repeating: .nan)
    #expect(throws: ModelError.nonFiniteParameter(layer: "conv1d_9", parameter: "kernel")) {
      try Model(inputShape: [10, 4], layers: [corrupt])
    }
  }

  /// Stopping the backward pass at layer j + 1 gives the signal at layer j's output: the same
  /// as running the truncated model `layers[(j + 1)...]` on that output, for every rule.
  @Test(arguments: ToyNetwork.allCases)
  func stopIndexReturnsTheSignalAtALayerOutput(network: ToyNetwork) throws {
    let layers = network.layers(seed: 90)
    let model = try Model(inputShape: network.inputShape, layers: layers)
    let trace = model.trace(TestSupport.uniform(network.inputShape.batched(2), seed: 91))
    let logits = [trace.output[0, 1], trace.output[1, 2]]
    for rule in [BackwardRule.gradient, .guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 1e-3)] {
      let weights: [Float]? =
        rule == .gradient || rule == .guidedBackprop || rule == .deconvNet ? nil : logits
      let seed = model.targetSeed([1, 2], weights: weights)
      for stop in 1..<layers.count {
        let truncated = try Model(inputShape: model.shapes[stop], layers: Array(layers[stop...]))
        let truncatedTrace = truncated.trace(trace.activations[stop])
        #expect(truncatedTrace.output == trace.output)
        let expected = truncated.backward(truncatedTrace, seed: seed, rule: rule)
        let actual = model.backward(trace, seed: seed, rule: rule, stoppingAt: stop)
        #expect(actual.shape == model.shapes[stop].batched(2))
        #expect(actual == expected, "\(network) \(rule) stop \(stop)")
      }
    }
  }

  /// The whole-model gradient of a smooth network (tanh, average pooling, batch norm,
  /// sigmoid) against central differences (h = 1e-2); tolerance 2e-3 × max(1, max|gradient|).
  @Test func modelGradientMatchesFiniteDifferences() throws {
    let model = try Model(
      inputShape: [9, 3],
      layers: [
        Conv1D(
          name: "conv", kernel: TestSupport.uniform([3, 3, 4], seed: 100),
          bias: TestSupport.uniform([4], seed: 101),
          stride: 2, padding: .same, activation: .tanh),
        BatchNormalization(
          name: "bn", gamma: TestSupport.uniform([4], seed: 102, low: 0.5, high: 1.5),
          beta: TestSupport.uniform([4], seed: 103),
          movingMean: TestSupport.uniform([4], seed: 104),
          movingVariance: TestSupport.uniform([4], seed: 105, low: 0.5, high: 2)),
        AveragePooling1D(name: "pool", poolSize: 2, padding: .same),
        Flatten(name: "flatten"),
        Dropout(name: "dropout", rate: 0.3),
        Dense(
          name: "hidden", kernel: TestSupport.uniform([12, 5], seed: 106), bias: nil,
          activation: .sigmoid),
        Dense(name: "logits", kernel: TestSupport.uniform([5, 2], seed: 107), bias: nil),
      ])
    #expect(
      model.shapes.map(\.dimensions) == [[9, 3], [5, 4], [5, 4], [3, 4], [12], [12], [5], [2]])
    let x = TestSupport.uniform([2, 9, 3], seed: 108)
    let v = TestSupport.uniform([2, 2], seed: 109)
    let analytic = model.backward(model.trace(x), seed: v, rule: .gradient)
    let numeric = TestSupport.numericalGradient(at: x, step: LayerChecks.step, projection: v) {
      model.forward($0)
    }
    LayerChecks.expectClose(analytic, numeric, tolerance: 2e-3, "model dx")
  }
}
