import SanityChecker
import SanityTestSupport
import Testing

@Suite(.serialized) struct TrainerTests {
  /// Background sequences, half of them with `GATAAG` planted at a random offset.
  static func plantedMotifData(count: Int, length: Int, seed: UInt64) -> (Tensor, [Float]) {
    var generator = SeededGenerator(seed: seed)
    var x = TestSupport.oneHotDNA(count, length: length, seed: seed + 1)
    var labels = [Float]()
    let motif = [2, 0, 3, 0, 0, 2]  // G A T A A G
    for item in 0..<count {
      let isPositive = item % 2 == 0
      labels.append(isPositive ? 1 : 0)
      guard isPositive else { continue }
      let offset = generator.index(below: length - motif.count)
      for (k, base) in motif.enumerated() {
        for b in 0..<4 { x[item, offset + k, b] = b == base ? 1 : 0 }
      }
    }
    return (x, labels)
  }

  @Test func deepBindStyleModelLearnsAPlantedMotifDeterministically() throws {
    let initial = try TestSupport.deepBindNetwork(
      length: 40, filters: 8, width: 8, hidden: 8, seed: 21)
    let (train, trainLabels) = Self.plantedMotifData(count: 512, length: 40, seed: 1)
    let (test, testLabels) = Self.plantedMotifData(count: 256, length: 40, seed: 2)
    let trainer = Trainer(
      .init(
        loss: .binaryCrossEntropy, optimizer: .adam(learningRate: 1e-2), epochs: 12, batchSize: 32,
        seed: 3))
    Parallel.threadCount = 1
    let (oneThread, history) = trainer.train(initial, inputs: train, labels: trainLabels)
    Parallel.threadCount = 2
    let (twoThreads, _) = trainer.train(initial, inputs: train, labels: trainLabels)
    Parallel.threadCount = 0
    let scores = oneThread.forward(test).scalars
    let auroc = try #require(ClassificationMetrics.auroc(scores: scores, labels: testLabels))
    #expect(auroc > 0.95, "test AUROC \(auroc); history \(history.map(\.trainingLoss))")
    for (a, b) in zip(oneThread.layers, twoThreads.layers) {
      #expect(
        (a as? any ParameterizedLayer)?.parameters == (b as? any ParameterizedLayer)?.parameters)
    }
    #expect(history.count == 12)
    #expect(history.last?.trainingLoss ?? 1 < history.first?.trainingLoss ?? 0)
  }

  @Test func softmaxCrossEntropyGradientMatchesFiniteDifferences() throws {
    // tanh instead of ReLU keeps the finite differences away from kinks.
    var hiddenLayer = try #require(
      try TestSupport.denseNetwork(inputs: 4, hidden: 5, outputs: 3, seed: 8).layers[0] as? Dense)
    hiddenLayer.activation = .tanh
    let model = try TestSupport.denseNetwork(inputs: 4, hidden: 5, outputs: 3, seed: 8)
      .replacingLayer(at: 0, with: hiddenLayer)
    let x = TestSupport.uniform([6, 4], seed: 9)
    let labels: [Float] = [0, 1, 2, 2, 1, 0]
    let trace = model.trace(x)
    let (_, outputGradient) = Loss.softmaxCrossEntropy.meanLossAndGradient(
      logits: trace.output, labels: labels)
    let gradients = model.parameterGradients(trace, outputGradient: outputGradient)
    let kernel = try #require((model.layers[0] as? Dense)?.parameters["kernel"])
    let numeric = TestSupport.numericalGradient(
      at: kernel, step: 1e-2, projection: Tensor(shape: [1], repeating: 1)
    ) { value in
      let changed = try? model.replacingLayer(
        at: 0,
        with: Dense(
          name: "dense_1", kernel: value, bias: (model.layers[0] as? Dense)?.parameters["bias"],
          activation: .tanh))
      let logits = changed?.forward(x) ?? x
      return Tensor(
        shape: [1],
        scalars: [
          Float(Loss.softmaxCrossEntropy.meanLossAndGradient(logits: logits, labels: labels).loss)
        ])
    }
    TestSupport.expectClose(
      try #require(gradients[0]?["kernel"]), numeric, relativeTolerance: 2e-3,
      "softmax CE kernel gradient")
  }

  @Test func aurocOfKnownRanking() {
    #expect(
      ClassificationMetrics.auroc(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1]) == 0.75)
    #expect(ClassificationMetrics.auroc(scores: [1, 1], labels: [0, 1]) == 0.5)
    #expect(ClassificationMetrics.auroc(scores: [1, 2], labels: [1, 1]) == nil)
  }
}
