import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The verdict rules on the shipped example (`Models/deepbind-example.h5`, `Genomes/`), with the
/// demo's methods, controls and views on fewer sequences and seeds: no control passes any check,
/// and the random control sits at chance on every motif measure.
@Suite(
  .enabled(
    if: FileManager.default.fileExists(
      atPath: TestSupport.repositoryRoot.appendingPathComponent("Models/deepbind-example.h5").path),
    "Models/ and Genomes/ are needed"))
struct ShippedExampleVerdictsTests {
  static let root = TestSupport.repositoryRoot

  static let explainers: [any Explainer] = [
    Saliency(), IntegratedGradients(), GuidedBackprop(), GradCAM(), ControlExplainer(.random),
    ControlExplainer(.constant), ControlExplainer(.input),
  ]

  @Test func noControlPassesAnyCheck() throws {
    let genomes = Self.root.appendingPathComponent("Genomes")
    let data = try InputData.load(genomes.appendingPathComponent("example-test.fa")).prefix(80)
    let model = try ModelLoader.load(
      Self.root.appendingPathComponent("Models/deepbind-example.h5"), sequenceLength: 101)
    let motifs = try MEMEMotif.read(genomes.appendingPathComponent("motifs.meme"))
    let sites = MotifInstance.grouped(
      try MotifInstance.readTable(genomes.appendingPathComponent("example-test.motifs.tsv")),
      by: data.ids, motifs: Set(motifs.prefix(1).map(\.identifier)))
    let targets = [Int](repeating: 0, count: data.ids.count)
    let metrics: [any SimilarityMetric] = [
      SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true),
    ]
    let cascade = try ModelRandomizationCheck(
      .init(seeds: [0, 1], metrics: metrics, view: .observedBase)
    )
    .run(model: model, input: data.inputs, targets: targets, explainers: Self.explainers)
    let classes = try ClassSensitivityCheck(metrics: metrics, view: .observedBase, other: .unit(1))
      .run(model: model, input: data.inputs, explainers: Self.explainers)
    let information = Dictionary(
      uniqueKeysWithValues: motifs.map {
        ($0.identifier, MotifRecovery.informationContent($0.probabilities))
      })
    let recovery = try MotifRecovery(.init(seeds: [0, 1], informationContent: information)).run(
      model: model, input: data.inputs, instances: sites, targets: targets,
      explainers: Self.explainers)
    let training = try InputData.load(genomes.appendingPathComponent("example-train.fa.gz")).prefix(
      400)
    let trainer = Trainer(
      .init(
        loss: .binaryCrossEntropy, optimizer: .adam(learningRate: 3e-3), epochs: 1, batchSize: 64,
        seed: 0))
    let labels = try DataRandomizationCheck(metrics: metrics, view: .observedBase).run(
      initial: model.initialized(seed: 0), training: (training.inputs, training.flatLabels ?? []),
      test: nil,
      trainer: trainer, permutationSeed: 0, input: data.inputs.items(0..<40),
      explainers: [
        Saliency(), ControlExplainer(.random), ControlExplainer(.constant),
        ControlExplainer(.input),
      ])
    for report in [cascade, classes, recovery, labels] {
      let controls = report.verdicts.filter { $0.control != nil }
      #expect(controls.count == 3, "\(report.settings["check"] ?? "")")
      for verdict in controls {
        #expect(
          verdict.outcome != .passes, "\(verdict.check) \(verdict.method): \(verdict.evidence)")
      }
      for verdict in report.verdicts {
        FindingsSample.record(
          "shipped \(verdict.check) \(verdict.method) \(verdict.outcome.rawValue): \(verdict.evidence)"
        )
      }
    }
    let random = { (metric: String) in
      try #require(
        recovery.rows.first {
          $0.method == "random" && $0.layer == .original && $0.metric == metric
        })
    }
    let chance = { (metric: String) in
      try #require(
        recovery.rows.first { $0.method == "random" && $0.layer == .chance && $0.metric == metric }
      ).mean
    }
    // The random map is drawn from the model's output bits, so it changes with the rounding of
    // the host's products; four 95% intervals would miss chance on some draw one time in five,
    // so each metric gets three standard errors (all four hold on ~99% of draws).
    for metric in ["top-k-in-motif", "auroc", "aupr", "snr-mean"] {
      let row = try random(metric)
      let level = try chance(metric)
      let margin = 3 * row.sd / Double(max(row.n, 1)).squareRoot()
      #expect(
        abs(row.mean - level) <= margin,
        "random \(metric) \(row.fields) against chance \(level)")
    }
    #expect(try random("top-k-p-holm").mean >= TopKSignificance.level)
    #expect(recovery.verdicts.first { $0.method == "saliency" }?.outcome == .passes)
  }
}
