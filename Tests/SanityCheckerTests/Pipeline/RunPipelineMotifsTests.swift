import Foundation
@testable import SanityChecker
import SanityTestSupport
import Testing

/// The motif check in a run: maps taken from model randomization give the same per-item scores,
/// and so the same motifs, as maps explained for the motif check alone; the random control runs
/// beside the methods, and label randomization's permuted model is a stage of its own.
@Suite(
  .enabled(
    if: FileManager.default.fileExists(
      atPath: TestSupport.repositoryRoot.appendingPathComponent("Models/deepbind-example.h5").path),
    "Models/ and Genomes/ are needed"))
struct RunPipelineMotifsTests {
  /// A small run: Saliency and SmoothGrad (seeded), seed 1, with or without model randomization,
  /// with the random control among the run's controls or only as the floor.
  static func configuration(reusing: Bool, controls: [String] = ["random"]) -> RunConfiguration {
    var configuration = RunConfiguration.demo(count: 40, seeds: 2)
    configuration.methods = ["saliency", "smoothgrad"]
    configuration.controls = controls
    configuration.methodSettings.samples = 3
    configuration.checks = .init(
      modelRandomization: reusing
        ? .init(metrics: ["spearman"], view: "observed-base", order: "cascading") : nil,
      motifs: .init(
        database: "Genomes/motifs.meme", methods: ["smoothgrad", "saliency"], order: "cascading",
        seeds: [1], significance: 0.05))
    configuration.exports = .init(attributions: [], report: false)
    return configuration.relocated(to: TestSupport.repositoryRoot.path)
  }

  /// The run's random control (seeded with the run's seed) and the floor's (seed 0, added when
  /// the controls have none) are both taken from model randomization's maps.
  @Test(arguments: [["random"], ["constant"]])
  func reusedMapsGiveTheScoresOfExplainedOnes(_ controls: [String]) throws {
    let reused = try RunPipeline(
      configuration: Self.configuration(reusing: true, controls: controls))
    let alone = try RunPipeline(
      configuration: Self.configuration(reusing: false, controls: controls))
    let a = try #require(try reused.part(writingAttributionsTo: nil).motifCheck)
    let b = try #require(try alone.part(writingAttributionsTo: nil).motifCheck)
    #expect(a.methods.map(\.method) == ["smoothgrad", "saliency", "random"])
    #expect(a.sequences == b.sequences && a.sequences.count == 40)
    for (x, y) in zip(a.methods, b.methods) {
      #expect(x.method == y.method)
      #expect(x.original == y.original, "\(x.method): trained model")
      #expect(x.randomized == y.randomized, "\(x.method): stages")
      #expect(x.randomized.count == 1 && x.randomized[0].count == 3)
      #expect(x.randomized[0].allSatisfy { $0.count == 40 && $0.allSatisfy { $0.count == 101 } })
      #expect(x.permuted == nil)
    }
    let part = try reused.part(writingAttributionsTo: nil)
    let summary = try RunSummary(parts: [("-", part)], model: reused.model)
    let motifs = try #require(summary.motifs)
    #expect(motifs.stages.count == 3 * 4)
    #expect(summary.report.rows.filter { $0.check == .motifs }.count == 3 * 4 * 3 + 3)
    #expect(
      summary.report.settings["motifs.database-file"]?.hasSuffix("Genomes/motifs.meme") == true)
    // Without label randomization the permuted stage is missing, and the results say why.
    let missing = "the run has no checks.labelRandomization, which trains it"
    #expect(summary.report.settings["motifs.permuted-labels"] == "not checked: \(missing)")
    #expect(
      summary.report.verdicts.filter { $0.check == .motifs }.allSatisfy {
        $0.outcome == .inconclusive || $0.evidence.contains("not checked (\(missing))")
      })
  }

  /// With label randomization in the run, its permuted model is explained for every checked
  /// method and the random control, and gives each a `permuted-labels` stage with seqlets and a
  /// retained share.
  @Test func labelPermutedModelIsAStage() throws {
    var configuration = Self.configuration(reusing: true)
    configuration.checks.labelRandomization = .init(
      trainingFile: TestSupport.repositoryRoot.appendingPathComponent(
        "Genomes/example-train.fa.gz"
      ).path,
      trainingLimit: 200, methods: ["saliency"], items: 10, epochs: 1, batchSize: 64,
      learningRate: 3e-3, metrics: ["spearman"], view: "observed-base")
    let pipeline = try RunPipeline(configuration: configuration)
    let part = try pipeline.part(writingAttributionsTo: nil)
    let scores = try #require(part.motifCheck)
    for method in scores.methods {
      let permuted = try #require(method.permuted, "\(method.method)")
      #expect(permuted.count == 40 && permuted.allSatisfy { $0.count == 101 })
      #expect(permuted != method.original, "\(method.method): another model's maps")
    }
    let summary = try RunSummary(parts: [("-", part)], model: pipeline.model)
    for method in ["smoothgrad", "saliency", "random"] {
      let rows = summary.report.rows.filter {
        $0.check == .motifs && $0.method == method && $0.layer == .permutedLabels
      }
      #expect(rows.map(\.metric) == ["seqlets", "matches-retained", "best-match-q"], "\(method)")
      let floor = try #require(
        summary.report.rows.first {
          $0.check == .motifs && $0.method == method && $0.layer == .floor
        })
      #expect(floor.n + floor.undefined == 3 + 1, "three stages of seed 1 and the permuted model")
    }
    #expect(summary.report.settings["motifs.permuted-labels"] == "checked")
  }
}
