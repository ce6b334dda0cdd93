import SanityChecker
import SanityTestSupport
import Testing

/// Summation-to-delta: Σ A = f_t(x) − f_t(x') per item, within 1e-4 · max(1, |Δf|) (Float
/// rounding of sums over a few hundred terms), on random networks with every layer kind DeepLIFT
/// has a rule for.
@Suite struct DeepLIFTConservationTests {
  /// Expects every gap within the bound, and the gap to be Σ A − Δf with Δf computed here.
  static func expectConserved(
    _ explainer: DeepLIFT, _ x: Tensor, targets: [Int], _ model: Model, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let result = try explainer.attribution(for: x, targets: targets, in: model)
    let gaps = try #require(result.conservationGap, sourceLocation: sourceLocation)
    let sums = result.values.itemSums()
    for item in gaps.indices {
      let delta = sums[item] - gaps[item]
      #expect(
        abs(gaps[item]) <= 1e-4 * max(1, abs(delta)),
        "\(what): item \(item) gap \(gaps[item]) for Δf \(delta)", sourceLocation: sourceLocation)
    }
    let reference: Tensor?
    switch explainer.baseline {
    case .zeros: reference = Tensor(shape: x.shape)
    case .constant(let value): reference = Tensor(shape: x.shape, repeating: value)
    case .shuffled: reference = nil
    }
    if let reference {
      let explained = model.explained(explainer.output)
      let before = explained.forward(x).scalars
      let after = explained.forward(reference).scalars
      let width = explained.outputShape.count
      for (item, target) in targets.enumerated() {
        let delta = before[item * width + target] - after[item * width + target]
        #expect(
          abs(sums[item] - delta) <= 1e-4 * max(1, abs(delta)),
          "\(what): item \(item) Σ A \(sums[item]) vs Δf \(delta)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test(arguments: [(UInt64(1), Padding.valid), (2, .same), (3, .valid), (4, .same)])
  func deepBindNetworksConserveTheDelta(seed: UInt64, padding: Padding) throws {
    let model = try TestSupport.deepBindNetwork(
      length: 24, filters: 6, width: 5, hidden: 6, outputs: 2, seed: seed, padding: padding)
    let x = TestSupport.oneHotDNA(6, length: 24, seed: seed + 100)
    let targets = [0, 1, 0, 1, 0, 1]
    for baseline in [DeepLIFT.Baseline.zeros, .constant(0.25), .shuffled(count: 3, seed: seed)] {
      try Self.expectConserved(
        DeepLIFT(baseline: baseline), x, targets: targets, model, "deepbind \(seed) \(baseline)")
    }
  }

  @Test(arguments: [UInt64(1), 5, 9])
  func denseNetworksConserveTheDelta(seed: UInt64) throws {
    let model = try TestSupport.denseNetwork(inputs: 7, hidden: 9, outputs: 3, seed: seed)
    let x = TestSupport.uniform([8, 7], seed: seed + 50, low: -2, high: 2)
    let targets = (0..<8).map { $0 % 3 }
    for baseline in [DeepLIFT.Baseline.zeros, .constant(0.5)] {
      try Self.expectConserved(
        DeepLIFT(baseline: baseline), x, targets: targets, model, "dense \(seed) \(baseline)")
    }
  }

  /// Sigmoid and tanh follow the rescale rule too; a final sigmoid is explained at the probability.
  @Test func smoothActivationsConserveTheDelta() throws {
    let model = try Model(
      inputShape: [6],
      layers: [
        Dense(
          name: "dense_1", kernel: TestSupport.uniform([6, 5], seed: 61),
          bias: TestSupport.uniform([5], seed: 62), activation: .tanh),
        Dense(name: "dense_2", kernel: TestSupport.uniform([5, 4], seed: 63), bias: nil),
        ActivationLayer(name: "sigmoid_1", activation: .sigmoid),
        Dense(
          name: "dense_3", kernel: TestSupport.uniform([4, 2], seed: 64), bias: nil,
          activation: .sigmoid),
      ])
    let x = TestSupport.uniform([6, 6], seed: 65, low: -2, high: 2)
    let targets = [0, 1, 1, 0, 0, 1]
    for output in [ExplainedOutput.logit, .probability] {
      try Self.expectConserved(
        DeepLIFT(baseline: .constant(0.1), output: output), x, targets: targets, model,
        "smooth \(output)")
    }
  }

  /// Windowed max pooling: difference routing conserves the delta exactly; winner-takes-all
  /// does not once the input and the reference pick different winners.
  @Test func windowedMaxPoolingConservesTheDeltaUnderDifferenceRouting() throws {
    let model = try Model(
      inputShape: [16, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: TestSupport.uniform([3, 4, 5], seed: 71),
          bias: TestSupport.uniform([5], seed: 72, low: -0.2, high: 0.2), activation: .relu),
        MaxPooling1D(name: "max_pooling1d_1", poolSize: 3, stride: 2),
        Flatten(name: "flatten_1"),
        Dense(name: "dense_1", kernel: TestSupport.uniform([30, 1], seed: 73), bias: nil),
      ])
    let x = TestSupport.oneHotDNA(8, length: 16, seed: 74)
    let targets = [Int](repeating: 0, count: 8)
    let baseline = DeepLIFT.Baseline.shuffled(count: 2, seed: 75)
    try Self.expectConserved(
      DeepLIFT(baseline: baseline), x, targets: targets, model, "max pool, routed")
    let plain = try DeepLIFT(baseline: baseline, maxPooling: .winnerTakesAll).attribution(
      for: x, targets: targets, in: model)
    let gaps = try #require(plain.conservationGap)
    #expect(gaps.contains { abs($0) > 1e-3 }, "winner-takes-all gaps \(gaps)")
  }

  /// Conv2D, max pooling, batch normalization, average pooling, Flatten and Dropout.
  @Test func imageNetworkConservesTheDelta() throws {
    let model = try Model(
      inputShape: [8, 8, 2],
      layers: [
        Conv2D(
          name: "conv2d_1", kernel: TestSupport.uniform([3, 3, 2, 4], seed: 81),
          bias: TestSupport.uniform([4], seed: 82, low: -0.2, high: 0.2), activation: .relu),
        MaxPooling2D(name: "max_pooling2d_1", poolSize: [2, 2]),
        BatchNormalization(
          name: "batch_normalization_1",
          gamma: TestSupport.uniform([4], seed: 83, low: 0.5, high: 1.5),
          beta: TestSupport.uniform([4], seed: 84), movingMean: TestSupport.uniform([4], seed: 85),
          movingVariance: TestSupport.uniform([4], seed: 86, low: 0.5, high: 2)),
        AveragePooling2D(name: "average_pooling2d_1", poolSize: [1, 2]),
        Flatten(name: "flatten_1"),
        Dropout(name: "dropout_1", rate: 0.5),
        Dense(
          name: "dense_1", kernel: TestSupport.uniform([12, 3], seed: 87),
          bias: TestSupport.uniform([3], seed: 88), activation: .relu),
        Dense(
          name: "dense_2", kernel: TestSupport.uniform([3, 2], seed: 89), bias: nil,
          activation: .softmax),
      ])
    let x = TestSupport.uniform([4, 8, 8, 2], seed: 90, low: 0, high: 1)
    try Self.expectConserved(DeepLIFT(), x, targets: [0, 1, 1, 0], model, "image, logit")
    try Self.expectConserved(
      DeepLIFT(baseline: .constant(0.5)), x, targets: [0, 1, 1, 0], model, "image, 0.5")
  }

  /// The DeepLIFT genomics model (standalone ReLUs, average pooling, Dropout, final sigmoid).
  @Test(
    .enabled(
      if: TestSupport.hasSharedData, "needs ../shared/data/keras_models/deeplift_genomics_tal_gata")
  )
  func talGATAModelConservesTheDelta() throws {
    let folder = "keras_models/deeplift_genomics_tal_gata/"
    let model = try Model.loadKeras(
      TestSupport.sharedData(folder + "keras2_conv1d_record_5_model_PQzyq_modelWeights.h5"),
      architecture: TestSupport.sharedData(
        folder + "keras2_conv1d_record_5_model_PQzyq_modelJson.json"))
    let x = TestSupport.oneHotDNA(2, length: 200, seed: 91)
    let explainer = DeepLIFT(baseline: .shuffled(count: 2, seed: 92), output: .probability)
    try Self.expectConserved(explainer, x, targets: [1, 2], model, "TAL/GATA")
  }
}
