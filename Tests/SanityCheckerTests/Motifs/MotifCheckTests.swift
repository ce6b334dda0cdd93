import Foundation
@testable import SanityChecker
import SanityTestSupport
import Testing

@Suite struct MotifCheckTests {
  /// A motif detector built by hand: one filter holds the motif's log-odds, another its reverse
  /// complement's; a global maximum and a sum give the output.
  static func detector(for motif: MEMEMotif, length: Int) throws -> Model {
    let width = motif.width
    var kernel = [Float](repeating: 0, count: width * 4 * 2)
    for position in 0..<width {
      for channel in 0..<4 {
        let forward = log2(max(motif.probabilities[position][channel], 1e-3) / 0.25)
        let reverse = log2(max(motif.probabilities[width - 1 - position][3 - channel], 1e-3) / 0.25)
        kernel[(position * 4 + channel) * 2] = Float(forward)
        kernel[(position * 4 + channel) * 2 + 1] = Float(reverse)
      }
    }
    return try Model(
      name: "detector", inputShape: [length, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: Tensor(shape: [width, 4, 2], scalars: kernel),
          bias: Tensor(shape: [2], scalars: [-4, -4]), activation: .relu),
        GlobalMaxPooling1D(name: "pool"),
        Dense(
          name: "dense_1", kernel: Tensor(shape: [2, 1], scalars: [1, 1]),
          bias: Tensor(shape: [1], scalars: [0])),
      ])
  }

  static func run(order: RandomizationOrder = .complete) throws -> (MotifCheck.Result, MEMEMotif) {
    let database = try MEMEMotif.read(TestSupport.fixture("Motifs/tomtom-database.meme"))
    let planted = database[5]
    let data = try PlantedMotifs(motif: planted, count: 120, length: 80)
    let model = try detector(for: planted, length: 80)
    let check = MotifCheck(
      .init(order: order, seeds: [0, 1]),
      discovery: MotifDiscovery(
        caller: try RecursiveSeqletCaller(), matcher: try TomtomMatcher(database: database)))
    return (
      try check.run(
        model: model, input: data.input,
        explainers: [Saliency(), InSilicoMutagenesis(centred: true)]), planted
    )
  }

  /// On the detector both Saliency and ISM find the planted motif's database entry with
  /// q < 0.05.
  ///
  /// Once every layer is re-drawn, Saliency loses it at both seeds and passes. ISM's verdict
  /// follows the rule from its own numbers: a random filter can still respond most to the strong
  /// planted sites, so ISM on a randomized model may keep the motif (it does at seed 0 here),
  /// exactly what the check is there to report. Rows follow the results format: three metrics
  /// per method and stage, stages `original` and `all` per seed.
  @Test func methodsLoseTheirMotifsUnderRandomization() throws {
    let (result, planted) = try Self.run()
    for method in ["saliency", "ism"] {
      let trained = try #require(
        result.stages.first { $0.method == method && $0.stage == "original" })
      #expect(
        trained.significantMatches.contains(planted.identifier),
        "\(method): \(trained.significantMatches)")
      #expect(trained.bestMatchIdentifier == planted.identifier && trained.bestQValue < 0.05)
      let randomized = result.stages.filter { $0.method == method && $0.stage == "all" }
      #expect(randomized.count == 2)
      let retained = randomized.map(\.retainedFraction).reduce(0, +) / 2
      let verdict = try #require(result.report.verdicts.first { $0.method == method })
      #expect(
        verdict.outcome == (retained >= 0.5 ? .fails : .passes), "\(method): \(verdict.evidence)")
      #expect(verdict.check == .motifs)
      if method == "saliency" {
        #expect(
          retained == 0 && verdict.outcome == .passes, "\(randomized.map(\.significantMatches))")
      }
    }
    #expect(result.report.rows.count == 2 * 3 * 3)
    #expect(
      Set(result.report.rows.map(\.metric)) == ["seqlets", "matches-retained", "best-match-q"])
    #expect(result.report.rows.allSatisfy { $0.check == .motifs && $0.n + $0.undefined == 1 })
  }

  /// The verdict flags a method whose trained-model matches survive the last stage, or appear on
  /// the label-permuted model, and is inconclusive without any trained-model match.
  @Test func verdictRule() throws {
    let check = MotifCheck(
      discovery: MotifDiscovery(caller: try RecursiveSeqletCaller(), matcher: nil))
    let stages = "all"
    func summary(_ stage: String, seed: String, retained: Double) -> MotifStageSummary {
      MotifStageSummary(
        method: "m", stage: stage, seed: seed, seqletCount: 10, significantMatches: [],
        retainedFraction: retained,
        bestQValue: 0.01, bestMotif: "-", bestMatchIdentifier: "-", bestMatchName: "-", motifs: [])
    }
    let surviving = [
      summary("original", seed: "-", retained: 1), summary("all", seed: "0", retained: 0.6),
    ]
    #expect(
      check.verdict(method: "m", summaries: surviving, reference: ["A": 10], lastStage: stages)
        .outcome == .fails)
    let lost = [
      summary("original", seed: "-", retained: 1), summary("all", seed: "0", retained: 0),
    ]
    #expect(
      check.verdict(method: "m", summaries: lost, reference: ["A": 10], lastStage: stages).outcome
        == .passes)
    let control = lost + [summary("permuted-labels", seed: "-", retained: 1)]
    #expect(
      check.verdict(method: "m", summaries: control, reference: ["A": 10], lastStage: stages)
        .outcome == .fails)
    #expect(
      check.verdict(method: "m", summaries: lost, reference: [:], lastStage: stages).outcome
        == .inconclusive)
  }

  /// A match counts by the share of its seqlet support still matched: a small marginal cluster
  /// that matches the trained model's motif keeps only its share, a motif matched only above α
  /// keeps nothing, and more support than the trained model's counts as all of it.
  @Test func retainedShareIsWeightedBySeqletSupport() throws {
    let check = MotifCheck(
      discovery: MotifDiscovery(caller: try RecursiveSeqletCaller(), matcher: nil))
    func motif(_ name: String, seqlets: Int) -> DiscoveredMotif {
      DiscoveredMotif(
        identifier: name, sign: .positive, seqletCount: seqlets, frequencies: [],
        contributions: [], weightedFrequencies: [])
    }
    func match(_ accession: String, q: Double) -> MotifMatch {
      MotifMatch(
        targetIdentifier: accession, targetName: accession, pValue: q, qValue: q, offset: 0,
        strand: "+", overlap: 8)
    }
    let result = MotifDiscovery.Result(
      seqlets: [],
      motifs: [motif("a", seqlets: 5), motif("b", seqlets: 30), motif("c", seqlets: 9)],
      matches: [[match("A", q: 0.01)], [match("B", q: 0.2)], [match("C", q: 1e-6)]])
    #expect(check.support(result) == ["A": 5, "C": 9])
    let summary = check.summary(
      result, method: "m", stage: .randomized("all"), seed: .seed(0),
      reference: ["A": 100, "B": 40, "C": 3])
    // A keeps 5 of 100, B nothing (q above α), C all of it: (0.05 + 0 + 1) / 3.
    #expect(abs(summary.retainedFraction - 1.05 / 3) < 1e-12)
    #expect(summary.significantMatches == ["A", "C"])
  }

  /// Results round-trip through JSON, which the results-file reader also reads as a plain
  /// report; the TSV has the results columns followed by the motif columns.
  @Test func resultFormats() throws {
    let (result, planted) = try Self.run()
    let decoded = try MotifCheck.Result.decoded(from: try result.json())
    #expect(decoded.stages == result.stages)
    #expect(decoded.report.rows.count == result.report.rows.count)
    let plain = try CheckReport.decoded(from: try result.json())
    #expect(plain.verdicts == result.report.verdicts)
    let lines = result.tsv.split(separator: "\n")
    #expect(
      lines[0].split(separator: "\t").map(String.init) == ResultRow.columns
        + MotifStageSummary.columns)
    let original = try #require(lines.first { $0.hasPrefix("motifs\t-\tsaliency\toriginal") })
    #expect(original.split(separator: "\t")[14] == Substring(planted.identifier))
  }

  /// The report section shows each method's motifs with logos and matches, and the page places
  /// it before the settings, with a navigation link.
  @Test func reportSection() throws {
    let (result, planted) = try Self.run()
    let section = try #require(HTMLReport.motifSection(result))
    #expect(section.hasPrefix("<section id=\"motif-section\">"))
    #expect(section.contains("motif-logo") && section.contains(planted.identifier))
    #expect(section.contains("<h3>saliency</h3>") && section.contains("<h3>ism</h3>"))
    let page = HTMLReport.render(ReportContent(title: "t", report: result.report), motifs: result)
    let motifs = try #require(page.range(of: "<section id=\"motif-section\">"))
    let settings = try #require(page.range(of: "<section id=\"settings-section\">"))
    #expect(motifs.lowerBound < settings.lowerBound)
    #expect(page.contains("<a href=\"#motif-section\">Motifs</a>"))
    #expect(
      HTMLReport.render(ReportContent(title: "t", report: result.report), motifs: nil)
        == HTMLReport.render(ReportContent(title: "t", report: result.report)))
  }
}
