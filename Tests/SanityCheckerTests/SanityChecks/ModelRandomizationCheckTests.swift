import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ModelRandomizationCheckTests {
  static let explainers: [any Explainer] = [
    Saliency(), GuidedBackprop(), ControlExplainer(.random, seed: 1), ControlExplainer(.input),
  ]

  func run(threads: Int = 0, seeds: [UInt64] = [0, 1], view: AttributionView = .observedBase) throws -> CheckReport {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let x = TestSupport.oneHotDNA(40, length: 24, seed: 4)
    Parallel.threadCount = threads
    defer { Parallel.threadCount = 0 }
    let check = ModelRandomizationCheck(
      .init(seeds: seeds, metrics: [SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true)], view: view))
    return try check.run(model: model, input: x, explainers: Self.explainers)
  }

  @Test func rowsCoverEveryMethodStageSeedAndMetric() throws {
    let report = try run()
    // 4 methods × 3 stages × (2 seeds + summary) × 2 metrics.
    #expect(report.rows.count == 4 * 3 * 3 * 2)
    #expect(Set(report.rows.map(\.layer)) == ["dense_2", "dense_1", "conv1d_1"])
    #expect(Set(report.rows.map(\.method)) == ["saliency", "guided-backprop", "random", "input"])
    #expect(report.rows.allSatisfy { $0.view == "observed-base" && $0.order == "cascading" })
    #expect(report.settings["scheme"] == "glorot-uniform")
    let summary = report.rows.filter { $0.seed == "all" && $0.method == "saliency" && $0.metric == "spearman" }
    #expect(summary.allSatisfy { $0.n + $0.undefined == 80 })
  }

  @Test func controlsGiveTheFloorAndTheCeiling() throws {
    let report = try run(view: .full)
    let inputRows = report.rows.filter { $0.method == "input" && $0.metric == "spearman" }
    #expect(inputRows.allSatisfy { abs($0.mean - 1) < 1e-12 })
    let randomRows = report.rows.filter { $0.method == "random" && $0.seed == "all" && $0.metric == "spearman" }
    #expect(randomRows.allSatisfy { abs($0.mean) < 0.15 }, "\(randomRows.map(\.mean))")
    // Verdicts are given for methods, not for controls, and cite the controls' numbers.
    #expect(Set(report.verdicts.map(\.method)) == ["saliency", "guided-backprop"])
    #expect(report.verdicts.allSatisfy { $0.evidence.contains("input 1") && $0.rule.contains("dense_2") })
  }

  /// In the observed-base view the input control is constant (1 at every observed base): its rank
  /// correlation is undefined, counted as such, and kept out of the mean.
  @Test func constantViewsAreCountedAsUndefined() throws {
    let rows = try run().rows.filter { $0.method == "input" && $0.metric == "spearman" && $0.seed == "all" }
    #expect(rows.allSatisfy { $0.mean.isNaN && $0.n == 0 && $0.undefined == 80 })
  }

  @Test func sameSeedGivesIdenticalResultsOnOneAndTwoThreads() throws {
    let one = try run(threads: 1)
    let two = try run(threads: 2)
    #expect(one.tsv == two.tsv)
  }

  @Test func tsvHasTheDocumentedColumns() throws {
    let lines = try run(seeds: [7]).tsv.split(separator: "\n")
    #expect(lines.first == "check\torder\tmethod\tlayer\tseed\tmetric\tview\tmean\tsd\tn\tundefined")
    #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 11 })
  }
}

@Suite struct VerdictTests {
  @Test func similarityRuleOutcomes() {
    let pass = Verdict.similarityRule(check: "c", method: "m", condition: "x", metric: "spearman", perSeedMeans: [0.1, 0.2], threshold: 0.5, controls: [:])
    let fail = Verdict.similarityRule(check: "c", method: "m", condition: "x", metric: "spearman", perSeedMeans: [0.9, 0.8], threshold: 0.5, controls: [:])
    let mixed = Verdict.similarityRule(check: "c", method: "m", condition: "x", metric: "spearman", perSeedMeans: [0.1, 0.8], threshold: 0.5, controls: [:])
    let undefined = Verdict.similarityRule(check: "c", method: "m", condition: "x", metric: "spearman", perSeedMeans: [.nan, 0.1], threshold: 0.5, controls: [:])
    #expect(pass.outcome == .passes)
    #expect(fail.outcome == .fails)
    #expect(mixed.outcome == .inconclusive)
    #expect(undefined.outcome == .inconclusive)
    #expect(fail.evidence.contains("0.9, 0.8"))
  }

  @Test func rowSummaryExcludesUndefinedValues() {
    let row = ResultRow(check: "c", order: "-", method: "m", layer: "l", seed: "all", metric: "spearman", view: "full", values: [1, 3, nil, .nan])
    #expect(row.mean == 2)
    #expect(row.n == 2 && row.undefined == 2)
    #expect(abs(row.sd - 2.0.squareRoot()) < 1e-12)
  }
}
