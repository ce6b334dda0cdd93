import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct MotifRecoveryTests {
  @Test func topKFractionOfHandMadeScores() {
    // Positions by score: 1 (5), 2 (4), 4 (3), then the zeros in position order.
    let scores: [Float] = [0, 5, 4, 0, 3, 0, 0, 0, 0, 0]
    #expect(MotifRecovery.fractionInMotif(scores: scores, planted: [1..<3]) == 1)
    #expect(MotifRecovery.fractionInMotif(scores: scores, planted: [2..<4]) == 0.5)
    #expect(MotifRecovery.fractionInMotif(scores: scores, planted: [6..<9]) == 0)
    #expect(MotifRecovery.fractionInMotif(scores: scores, planted: [3..<5], k: 3) == 1.0 / 3)
    // Two sites: k = 4 planted positions; top 4 = {1, 2, 4, 0}, of which 1, 2 and 4 are planted.
    #expect(MotifRecovery.fractionInMotif(scores: scores, planted: [1..<3, 4..<6]) == 0.75)
    // Ties go to the lower position: top 4 = {1, 2, 4, 0}.
    #expect(MotifRecovery.fractionInMotif(scores: scores, planted: [0..<1], k: 4) == 0.25)
    #expect(MotifRecovery.fractionInMotif(scores: scores, planted: [3..<4], k: 4) == 0)
  }

  @Test func undefinedCasesGiveNil() {
    #expect(MotifRecovery.fractionInMotif(scores: [1, 1, 1, 1], planted: [0..<2]) == nil)
    #expect(MotifRecovery.fractionInMotif(scores: [1, 2, 3, 4], planted: []) == nil)
    #expect(MotifRecovery.fractionInMotif(scores: [1, 2, 3, 4], planted: [0..<2], k: 0) == nil)
    // NaN ranks last.
    #expect(MotifRecovery.fractionInMotif(scores: [.nan, 1, 0, 0], planted: [1..<2]) == 1)
  }

  @Test func onlyTheOrderOfScoresMatters() {
    var generator = SeededGenerator(seed: 4)
    for _ in 0..<50 {
      let scores = (0..<30).map { _ in generator.uniform(-1, 1) }
      let start = generator.index(below: 24)
      let planted = [start..<(start + 6)]
      let transformed = scores.map { 3 * $0 * $0 * $0 + 2 }
      #expect(
        MotifRecovery.fractionInMotif(scores: scores, planted: planted)
          == MotifRecovery.fractionInMotif(scores: transformed, planted: planted))
      let value = MotifRecovery.fractionInMotif(scores: scores, planted: planted, k: 10) ?? -1
      #expect((0...1).contains(value))
    }
  }

  @Test func positionScoresFromAHandMadeDNAMap() {
    // Bases A, C, G, T at positions 0…3.
    let input = Tensor(shape: [4, 4], scalars: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
    let map = Tensor(
      shape: [4, 4], scalars: [2, -1, 0, 0, 0, -3, 1, 0, 5, 0, -4, 0, 0, 0, 0, 0.5])
    #expect(
      MotifRecovery.positionScores(map, input: input, score: .observedBase) == [2, -3, -4, 0.5])
    #expect(
      MotifRecovery.positionScores(map, input: input, score: .absoluteChannelSum) == [1, 2, 1, 0.5])
    let gradCAM = Tensor(shape: [4], scalars: [1, -2, 0, 3])
    #expect(
      MotifRecovery.positionScores(gradCAM, input: input, score: .absoluteChannelSum) == [
        1, 2, 0, 3,
      ])
  }

  @Test func batchRecoveryAndChance() {
    // Two items of length 5; item 0's map peaks on its site, item 1 has no site.
    let input = TestSupport.oneHotDNA(2, length: 5, seed: 1)
    var scalars = [Float](repeating: 0, count: 40)
    for position in 0..<5 {
      for channel in 0..<4 {
        scalars[position * 4 + channel] = position >= 3 ? 1 : Float(position) * 0.1
      }
    }
    let maps = Tensor(shape: [2, 5, 4], scalars: scalars)
    let site = MotifInstance(sequenceID: "a", motif: "M", start: 3, end: 5, strand: .forward)
    let recovery = MotifRecovery(.init(score: .absoluteChannelSum)).recovery(
      maps, input: input, instances: [[site], []])
    #expect(recovery == [1, nil])
    #expect(MotifRecovery.chance([[site], []], length: 5) == [0.4, nil])
  }

  @Test func aTrainedDeepBindModelFindsTheMotifItsRandomizedCopyDoesNot() throws {
    let (model, input, instances) = try Self.trainedOnPlantedMotif()
    let explainers: [any Explainer] = [GradientTimesInput()]
    let check = MotifRecovery(.init(seeds: [0, 1]))
    let report = try check.run(
      model: model, input: input, instances: instances, targets: input.batchSize.zeros,
      explainers: explainers)
    func mean(
      _ method: String, _ layer: ResultStage, _ seed: SeedLabel, _ metric: String = "top-k-in-motif"
    )
      -> Double
    {
      report.rows.first {
        $0.method == method && $0.layer == layer && $0.seed == seed && $0.metric == metric
      }?.mean ?? .nan
    }
    #expect(report.rows.allSatisfy { $0.check == .motifRecovery && $0.order == .complete })
    #expect(
      Set(report.rows.map(\.metric)) == [
        "top-k-in-motif", "auroc", "aupr", "snr-max", "snr-mean", "top-k-p", "top-k-p-holm",
      ])
    #expect(mean("gradient-x-input", .original, .notApplicable, "auroc") > 0.65)
    #expect(mean("gradient-x-input", .original, .notApplicable, "top-k-p-holm") < 1e-6)
    #expect(mean("gradient-x-input", .chance, .notApplicable, "auroc") == 0.5)
    #expect(Set(report.rows.map(\.layer)) == [.original, .randomized("all"), .chance])
    let chance = mean("gradient-x-input", .chance, .notApplicable)
    #expect(abs(chance - 8.0 / 40) < 1e-12 && report.settings["chance"] == "0.2")
    for method in ["gradient-x-input"] {
      let (trained, randomized) = (
        mean(method, .original, .notApplicable), mean(method, .randomized("all"), .all)
      )
      #expect(trained > 0.6, "\(method): trained recovery \(trained)")
      #expect(trained > randomized + 0.2, "\(method): trained \(trained), randomized \(randomized)")
    }
    #expect(report.verdicts.map(\.outcome) == [.passes])
    // The fully randomized copy is Model.randomized over every layer with the seed's stream.
    let copy = try model.randomized(
      layers: model.parameterizedLayerNames, scheme: .glorotUniform, seed: 0)
    let values = check.recovery(
      try GradientTimesInput().attribution(for: input, targets: input.batchSize.zeros, in: copy)
        .values, input: input,
      instances: instances)
    let row = report.rows.first {
      $0.method == "gradient-x-input" && $0.layer == .randomized("all") && $0.seed == .seed(0)
        && $0.metric == "top-k-in-motif"
    }
    #expect(
      row.map {
        abs(
          $0.mean
            - ResultRow(
              check: .motifRecovery, order: nil, method: "", layer: .original, seed: .all,
              metric: "", view: "",
              values: values
            ).mean) < 1e-12
      } == true)
  }

  /// A small DeepBind-style model trained on 40-bp sequences with one planted 8-bp motif, and the test positives.
  static func trainedOnPlantedMotif() throws -> (Model, Tensor, [[MotifInstance]]) {
    let genome = try ExampleGenome(
      motifs: [ExampleGenomeTests.motifs[0]], configuration: .init(length: 40))
    let training = genome.records(count: 800, split: .train, seed: 1)
    let inputs = try OneHot().encode(training.map(\.sequence))
    let initial = try Architectures.deepBind(
      length: 40, filters: 8, width: 8, hidden: 8, outputs: 1, seed: 2)
    let trainer = Trainer(
      .init(
        loss: .binaryCrossEntropy, optimizer: .adam(learningRate: 1e-2), epochs: 10, batchSize: 32,
        seed: 3))
    let (model, history) = trainer.train(
      initial, inputs: inputs, labels: training.flatMap(\.labels))
    #expect(
      (history.last?.trainingAUROC ?? 0) > 0.9,
      "training AUROC \(history.last?.trainingAUROC ?? .nan)")
    let test = genome.records(count: 60, split: .test, seed: 1).filter { $0.shuffleOf == nil }
    return (model, try OneHot().encode(test.map(\.sequence)), test.map(\.instances))
  }
}

extension Int {
  /// `self` zeros, as explained targets.
  fileprivate var zeros: [Int] { [Int](repeating: 0, count: self) }
}
