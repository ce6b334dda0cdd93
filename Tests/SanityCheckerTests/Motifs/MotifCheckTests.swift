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

  /// The check on the detector of the database's sixth motif, planted in half of 120 sequences;
  /// with `permuted`, a freshly initialized model of the same architecture stands in for the
  /// label-permuted one.
  static func run(order: RandomizationOrder = .complete, permuted: Bool = false) throws -> (
    MotifCheck.Result, MEMEMotif
  ) {
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
        explainers: [Saliency(), InSilicoMutagenesis(centred: true)],
        permutedModel: permuted ? model.initialized(seed: 11) : nil), planted
    )
  }

  /// The threshold a verdict reads, from the floor row's draws: `f + 0.5 · (1 − f)`.
  static func threshold(_ result: MotifCheck.Result, method: String) throws -> Double {
    let floor = try #require(
      result.report.rows.first { $0.method == method && $0.layer == .floor })
    return floor.mean + 0.5 * (1 - floor.mean)
  }

  /// On the detector both Saliency and ISM find the planted motif's database entry with
  /// q < 0.05.
  ///
  /// Once every layer is re-drawn, Saliency loses it at both seeds and passes. ISM's verdict
  /// follows the rule from its own numbers: a random filter can still respond most to the strong
  /// planted sites, so ISM on a randomized model may keep the motif (it does at seed 0 here),
  /// exactly what the check is there to report. Rows follow the results format: three metrics
  /// per method and stage, stages `original` and `all` per seed, for both methods and the random
  /// control the check adds, and one floor row per method with one draw per randomized model.
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
      let threshold = try Self.threshold(result, method: method)
      #expect(threshold >= 0.5 && threshold < 1)
      #expect(
        verdict.outcome == (retained >= threshold ? .fails : .passes),
        "\(method): \(verdict.evidence)")
      #expect(verdict.evidence.contains("threshold \(ResultRow.number(threshold)) = "))
      #expect(verdict.check == .motifs)
      if method == "saliency" {
        #expect(
          retained == 0 && verdict.outcome == .passes, "\(randomized.map(\.significantMatches))")
      }
    }
    #expect(result.report.rows.count == 3 * 3 * 3 + 3)
    #expect(
      Set(result.report.rows.map(\.metric)) == ["seqlets", "matches-retained", "best-match-q"])
    #expect(Set(result.report.rows.map(\.method)) == ["saliency", "ism", "random"])
    #expect(result.report.verdicts.map(\.method) == ["saliency", "ism", "random"])
    let floors = result.report.rows.filter { $0.layer == .floor }
    #expect(floors.count == 3 && floors.allSatisfy { $0.seed == .all && $0.n + $0.undefined == 2 })
    #expect(
      result.report.rows.filter { $0.layer != .floor }.allSatisfy {
        $0.check == .motifs && $0.n + $0.undefined == 1
      })
    #expect(result.report.settings["permuted-labels"]?.hasPrefix("not checked: no model") == true)
  }

  /// With a label-permuted model every method, the random control included, has a
  /// `permuted-labels` stage with its seqlet count and retained share, the verdict reads it, and
  /// the report's stage table shows it.
  @Test func labelPermutedStageIsReported() throws {
    let (result, _) = try Self.run(permuted: true)
    for method in ["saliency", "ism", "random"] {
      let permuted = try #require(
        result.stages.first { $0.method == method && $0.stage == "permuted-labels" })
      #expect(permuted.seed == "-" && permuted.seqletCount > 0, "\(method)")
      let rows = result.report.rows.filter { $0.method == method && $0.layer == .permutedLabels }
      #expect(rows.map(\.metric) == ["seqlets", "matches-retained", "best-match-q"])
      #expect(rows[0].mean == Double(permuted.seqletCount) && rows[0].order == nil)
      let floor = try #require(
        result.report.rows.first { $0.method == method && $0.layer == .floor })
      #expect(floor.n + floor.undefined == 3, "two seeds' last stage and the permuted model")
    }
    for method in ["saliency", "ism"] {
      let share = try #require(
        result.stages.first { $0.method == method && $0.stage == "permuted-labels" }
      ).retainedFraction
      let verdict = try #require(result.report.verdicts.first { $0.method == method })
      #expect(verdict.evidence.contains("\(ResultRow.number(share)) on the label-permuted model"))
      if share >= (try Self.threshold(result, method: method)) {
        #expect(verdict.outcome == .fails)
      }
    }
    #expect(result.report.settings["permuted-labels"] == "checked")
    let section = try #require(HTMLReport.motifSection(result))
    #expect(section.contains("<tr><td>permuted-labels</td><td>-</td>"))
    #expect(section.contains("<h3>random</h3>"))
  }

  /// The verdict flags a method whose trained-model matches survive the last stage, or appear on
  /// the label-permuted model, at the threshold its random control gives, flags any method whose
  /// floor reaches the survival share, and is inconclusive without any trained-model match.
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
    func verdict(_ summaries: [MotifStageSummary], floor draws: [Double]?) -> Verdict {
      check.verdict(
        method: "m", summaries: summaries, reference: ["A": 10], lastStage: stages,
        threshold: .init(draws: draws, survivalShare: 0.5))
    }
    let surviving = [
      summary("original", seed: "-", retained: 1), summary("all", seed: "0", retained: 0.6),
    ]
    #expect(verdict(surviving, floor: [0, 0]).outcome == .fails)
    // A floor of 0.4 moves the threshold to 0.4 + 0.5 × 0.6 = 0.7: 0.6 is now below it.
    let raised = verdict(surviving, floor: [0.3, 0.5])
    #expect(raised.outcome == .passes, "\(raised.evidence)")
    #expect(raised.evidence.contains("threshold 0.7 = 0.4 + 0.5 × (1 − 0.4)"))
    #expect(raised.evidence.contains("over 2 randomized models (largest 0.5)"))
    #expect(raised.evidence.contains("retained 0.6 after full randomization (seed 0 0.6)"))
    #expect(
      raised.evidence.contains(
        "label-permuted model not checked (no model trained on permuted labels was given)"))
    let lost = [
      summary("original", seed: "-", retained: 1), summary("all", seed: "0", retained: 0),
    ]
    #expect(verdict(lost, floor: [0]).outcome == .passes)
    let noControl = verdict(lost, floor: nil)
    #expect(noControl.outcome == .passes && noControl.evidence.contains("no random control"))
    let control = lost + [summary("permuted-labels", seed: "-", retained: 1)]
    let permuted = verdict(control, floor: [0])
    #expect(permuted.outcome == .fails)
    #expect(permuted.evidence.contains(", 1 on the label-permuted model"))
    // Noise alone keeps half of the support: flagged whatever the method's own share.
    let inputDriven = verdict(lost, floor: [0.5, 0.5])
    #expect(inputDriven.outcome == .fails && inputDriven.evidence.contains("flagged"))
    #expect(
      check.verdict(
        method: "m", summaries: lost, reference: [:], lastStage: stages,
        threshold: .init(draws: [], survivalShare: 0.5)
      ).outcome == .inconclusive)
  }

  /// The threshold is the floor (the draws' mean) plus half the way from it to 1, states where
  /// it came from, and with no draw falls back to the survival share.
  @Test func thresholdIsDerivedFromTheRandomControl() {
    let threshold = MotifCheck.Threshold(draws: [0.1, 0.3, 0.2], survivalShare: 0.5)
    #expect(abs(threshold.floor - 0.2) < 1e-12 && abs(threshold.value - 0.6) < 1e-12)
    #expect(!threshold.isInputDriven)
    #expect(threshold.words.hasPrefix("threshold 0.6 = 0.2 + 0.5 × (1 − 0.2), the floor"))
    #expect(threshold.words.contains("3 randomized models (largest 0.3)"))
    let strict = MotifCheck.Threshold(draws: [0.2], survivalShare: 0.25)
    #expect(abs(strict.value - 0.4) < 1e-12)
    #expect(MotifCheck.Threshold(draws: [0.6, 0.5], survivalShare: 0.5).isInputDriven)
    let none = MotifCheck.Threshold(draws: nil, survivalShare: 0.5)
    #expect(none.floor == 0 && none.value == 0.5 && none.words.contains("no random control"))
    #expect(MotifCheck.Threshold(draws: [], survivalShare: 0.5).value == 0.5)
  }

  /// Sequences that spell a database motif themselves (poly-A) give it to noise: the random
  /// control finds it on the trained model and keeps it on every randomized model, so it fails,
  /// and so does every method that reports it, whatever its own share.
  @Test func randomControlIsFlaggedWhenTheSequencesSpellTheMotif() throws {
    var database = try MEMEMotif.read(TestSupport.fixture("Motifs/tomtom-database.meme"))
    let polyA = MEMEMotif(
      identifier: "POLYA", name: "poly-A",
      probabilities: [[Double]](repeating: [0.97, 0.01, 0.01, 0.01], count: 8))
    database.append(polyA)
    let (count, length) = (100, 80)
    let input = try OneHot().encode(
      [[UInt8]](repeating: [UInt8](repeating: UInt8(ascii: "A"), count: length), count: count))
    let model = try Self.detector(for: database[5], length: length)
    let check = MotifCheck(
      .init(order: .complete, seeds: [0, 1]),
      discovery: MotifDiscovery(
        caller: try RecursiveSeqletCaller(), matcher: try TomtomMatcher(database: database)))
    let result = try check.run(model: model, input: input, explainers: [Saliency()])
    let random = try #require(
      result.stages.first { $0.method == "random" && $0.stage == "original" })
    #expect(random.significantMatches.contains("POLYA"), "\(random.significantMatches)")
    let floor = try #require(
      result.report.rows.first { $0.method == "random" && $0.layer == .floor })
    #expect(floor.mean >= 0.5, "the random control keeps its own motifs: \(floor.mean)")
    let verdict = try #require(result.report.verdicts.first { $0.method == "random" })
    #expect(
      verdict.outcome == .fails && verdict.evidence.contains("flagged"), "\(verdict.evidence)")
  }

  /// A match counts by the seqlet support still matched, pooled over the trained model's
  /// matches: a small marginal cluster that matches the trained model's motif keeps only its
  /// seqlets, a motif matched only above α keeps nothing, and more support than the trained
  /// model's counts as all of it.
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
    // A keeps 5 of 100, B nothing (q above α), C all 3 of its seqlets: (5 + 0 + 3) / 143.
    #expect(abs(summary.retainedFraction - 8.0 / 143) < 1e-12)
    // Pooled, a small trained-model match weighs little: keeping all of C alone is 3 / 143, where
    // the per-accession mean would give it a third.
    #expect(abs(check.share(["C": 9], of: ["A": 100, "B": 40, "C": 3]) - 3.0 / 143) < 1e-12)
    #expect(check.share(["A": 1], of: [:]).isNaN)
    #expect(summary.significantMatches == ["A", "C"])
  }

  /// Results round-trip through JSON, which the results-file reader also reads as a plain
  /// report; the TSV has the results columns followed by the motif columns.
  @Test func resultFormats() throws {
    let (result, planted) = try Self.run()
    let decoded = try MotifCheck.Result.decoded(from: try result.json())
    // The random control's shares are NaN (no trained-model match), so compare the encodings.
    #expect(try decoded.json() == result.json())
    #expect(decoded.stages.count == result.stages.count)
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
