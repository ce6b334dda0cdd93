import SanityTestSupport
import Testing

@testable import SanityChecker

/// Model randomization draws each seed's stages as it uses them: the randomized models alive at
/// once do not grow with the seeds or the stages, and the scores are those of stages built
/// up front.
@Suite struct ModelRandomizationMemoryTests {
  /// `[250, 4] → flatten → 3 × dense 1000 (relu) → dense 2`: 12 MB of parameters, four stages.
  static func wideModel() throws -> Model {
    func dense(_ name: String, _ inputs: Int, _ outputs: Int, seed: UInt64, relu: Bool) -> Dense {
      Dense(
        name: name,
        kernel: TestSupport.uniform([inputs, outputs], seed: seed, low: -0.05, high: 0.05),
        bias: TestSupport.uniform([outputs], seed: seed + 1, low: -0.1, high: 0.1),
        activation: relu ? .relu : .linear)
    }
    return try Model(
      name: "wide", inputShape: [250, 4],
      layers: [
        Flatten(name: "flatten"), dense("dense_1", 1000, 1000, seed: 1, relu: true),
        dense("dense_2", 1000, 1000, seed: 3, relu: true),
        dense("dense_3", 1000, 1000, seed: 5, relu: true),
        dense("dense_4", 1000, 2, seed: 7, relu: false),
      ])
  }

  @Test func drawnStagesStayAtTwoModelsWhateverTheSeedsAndMatchStagesBuiltUpFront() throws {
    let model = try Self.wideModel()
    let seeds: [UInt64] = [0, 1, 2, 3, 4, 5]
    let check = ModelRandomizationCheck(
      .init(seeds: seeds, metrics: [SpearmanRankCorrelation()], view: .full))
    let input = TestSupport.oneHotDNA(6, length: 250, seed: 9)
    let explainers: [any Explainer] = [Saliency(), GradientTimesInput()]
    let stageBytes = model.parameterBytes(of: model.parameterizedLayerNames)
    // Held at once, the six seeds' four stages would take 6 × (12 + 8 + 4 + 0.008) MB ≈ 144 MB
    // of randomized parameters, over the smallest memory budget (64 MiB).
    let upFront = seeds.map { seed in
      model.randomizationStages(order: .cascadingTopDown, scheme: .glorotUniform, seed: seed)
    }
    let heldUpFront = upFront.joined().reduce(0) {
      $0 + model.parameterBytes(of: $1.randomizedLayers)
    }
    #expect(heldUpFront > MemoryBudget.minimumBytes)

    let ledger = StageLedger()
    let drawn = try check.methodScores(
      model: model, stages: .init(drawnFrom: model, check.configuration, ledger: ledger),
      input: input, targets: nil, explainers: explainers)
    #expect(ledger.peak.models >= 1 && ledger.peak.models <= 2, "\(ledger.peak)")
    #expect(ledger.peak.bytes <= 2 * stageBytes, "\(ledger.peak)")
    #expect(ledger.peak.bytes < MemoryBudget.minimumBytes)
    #expect(ledger.live == .init(), "every drawn stage was dropped")

    let given = try check.methodScores(
      model: model, stages: .init(given: zip(seeds, upFront).map { (String($0), $1) }),
      input: input, targets: nil, explainers: explainers)
    #expect(drawn.map(\.scores) == given.map(\.scores))
    #expect(drawn.map(\.ceiling) == given.map(\.ceiling))
  }

  @Test(arguments: RandomizationOrder.allCases)
  func eachDrawnStageEqualsTheModelRandomizedFromTheTrainedOne(_ order: RandomizationOrder)
    throws
  {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let stages = Array(
      model.randomizationStageSequence(order: order, scheme: .glorotUniform, seed: 7))
    #expect(stages.map(\.name) == model.randomizationStageNames(order: order))
    for stage in stages {
      let direct = try model.randomized(
        layers: stage.randomizedLayers, scheme: .glorotUniform, seed: 7)
      for (drawn, expected) in zip(stage.model.layers, direct.layers) {
        let parameters = (drawn as? any ParameterizedLayer)?.parameters
        #expect(
          parameters == (expected as? any ParameterizedLayer)?.parameters,
          "\(order) stage \(stage.name), layer \(drawn.name)")
      }
    }
  }

  @Test func theCheckWithDrawnStagesReportsWhatGivenStagesReport() throws {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let input = TestSupport.oneHotDNA(30, length: 24, seed: 4)
    let check = ModelRandomizationCheck(
      .init(
        seeds: [0, 1, 2],
        metrics: [SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true)], view: .full))
    let explainers: [any Explainer] = [Saliency(), ControlExplainer(.random, seed: 1)]
    let drawn = try check.run(model: model, input: input, explainers: explainers)
    let given = try check.run(
      model: model,
      stagesPerSeed: check.configuration.seeds.map {
        (
          String($0),
          model.randomizationStages(order: .cascadingTopDown, scheme: .glorotUniform, seed: $0)
        )
      }, input: input, targets: nil, explainers: explainers)
    #expect(drawn.rows == given.rows)
    #expect(drawn.verdicts == given.verdicts)
  }
}
