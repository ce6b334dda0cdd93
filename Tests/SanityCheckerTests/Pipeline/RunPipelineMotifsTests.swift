import Foundation
@testable import SanityChecker
import SanityTestSupport
import Testing

/// The motif check in a run: maps taken from model randomization give the same per-item scores,
/// and so the same motifs, as maps explained for the motif check alone.
@Suite(
  .enabled(
    if: FileManager.default.fileExists(
      atPath: TestSupport.repositoryRoot.appendingPathComponent("Models/deepbind-example.h5").path),
    "Models/ and Genomes/ are needed"))
struct RunPipelineMotifsTests {
  /// A small run: Saliency and SmoothGrad (seeded), seed 1, with or without model randomization.
  static func configuration(reusing: Bool) -> RunConfiguration {
    var configuration = RunConfiguration.demo(count: 40, seeds: 2)
    configuration.methods = ["saliency", "smoothgrad"]
    configuration.controls = ["random"]
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

  @Test func reusedMapsGiveTheScoresOfExplainedOnes() throws {
    let reused = try RunPipeline(configuration: Self.configuration(reusing: true))
    let alone = try RunPipeline(configuration: Self.configuration(reusing: false))
    let a = try #require(try reused.part(writingAttributionsTo: nil).motifCheck)
    let b = try #require(try alone.part(writingAttributionsTo: nil).motifCheck)
    #expect(a.methods.map(\.method) == ["smoothgrad", "saliency"])
    #expect(a.sequences == b.sequences && a.sequences.count == 40)
    for (x, y) in zip(a.methods, b.methods) {
      #expect(x.method == y.method)
      #expect(x.original == y.original, "\(x.method): trained model")
      #expect(x.randomized == y.randomized, "\(x.method): stages")
      #expect(x.randomized.count == 1 && x.randomized[0].count == 3)
      #expect(x.randomized[0].allSatisfy { $0.count == 40 && $0.allSatisfy { $0.count == 101 } })
    }
    let part = try reused.part(writingAttributionsTo: nil)
    let summary = try RunSummary(parts: [("-", part)], model: reused.model)
    let motifs = try #require(summary.motifs)
    #expect(motifs.stages.count == 2 * 4)
    #expect(summary.report.rows.filter { $0.check == .motifs }.count == 2 * 4 * 3)
    #expect(
      summary.report.settings["motifs.database-file"]?.hasSuffix("Genomes/motifs.meme") == true)
  }
}
