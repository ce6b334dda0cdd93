import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ModelRandomizationCheckTests {
  static let explainers: [any Explainer] = [
    Saliency(), GuidedBackprop(), ControlExplainer(.random, seed: 1), ControlExplainer(.input),
  ]

  func run(threads: Int = 0, seeds: [UInt64] = [0, 1], view: AttributionView = .observedBase) throws
    -> CheckReport
  {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let x = TestSupport.oneHotDNA(40, length: 24, seed: 4)
    Parallel.threadCount = threads
    defer { Parallel.threadCount = 0 }
    let check = ModelRandomizationCheck(
      .init(
        seeds: seeds,
        metrics: [SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true)], view: view))
    return try check.run(model: model, input: x, explainers: Self.explainers)
  }

  @Test func rowsCoverEveryMethodStageSeedAndMetric() throws {
    let report = try run()
    // 4 methods × 3 stages × (2 seeds + summary) × 2 metrics, then per method the floor,
    // ceiling and normalized score of the two judged readings (spearman and its sign-blind score).
    #expect(report.rows.count == 4 * 3 * 3 * 2 + 4 * 2 * 3)
    #expect(
      Set(report.rows.map(\.layer)) == [
        .randomized("dense_2"), .randomized("dense_1"), .randomized("conv1d_1"), .floor, .ceiling,
        .normalized,
      ])
    #expect(Set(report.rows.map(\.method)) == ["saliency", "guided-backprop", "random", "input"])
    #expect(report.rows.allSatisfy { $0.view == "observed-base" && $0.order == .cascadingTopDown })
    #expect(report.rows.allSatisfy { $0.check == .modelRandomization })
    #expect(Set(report.rows.map(\.seed)) == [.seed(0), .seed(1), .all])
    #expect(report.settings["scheme"] == "glorot-uniform")
    let summary = report.rows.filter {
      $0.seed == .all && $0.method == "saliency" && $0.metric == "spearman"
        && $0.layer.isRandomization
    }
    #expect(summary.allSatisfy { $0.n + $0.undefined == 80 })
  }

  @Test func controlsGiveTheFloorAndTheCeiling() throws {
    let report = try run(view: .full)
    let inputRows = report.rows.filter {
      $0.control == .input && $0.metric == "spearman" && $0.layer.isRandomization
    }
    #expect(inputRows.allSatisfy { abs($0.mean - 1) < 1e-12 })
    let randomRows = report.rows.filter {
      $0.control == .random && $0.seed == .all && $0.metric == "spearman"
    }
    #expect(randomRows.allSatisfy { abs($0.mean) < 0.15 }, "\(randomRows.map(\.mean))")
    // Methods first, then the controls, held to the same rule; none of the controls passes.
    #expect(report.verdicts.map(\.method) == ["guided-backprop", "saliency", "random", "input"])
    #expect(report.verdicts.allSatisfy { $0.check == .modelRandomization })
    #expect(
      report.verdicts.allSatisfy { $0.evidence.contains("input 1") && $0.rule.contains("dense_2") })
    let controls = Dictionary(
      uniqueKeysWithValues: report.verdicts.compactMap { verdict in
        verdict.control.map { ($0, verdict.outcome) }
      })
    #expect(controls == [.random: .fails, .input: .fails], "\(report.verdicts.map(\.evidence))")
  }

  /// In the observed-base view the input control is constant (1 at every observed base): its rank
  /// correlation is undefined, counted as such, and kept out of the mean.
  @Test func constantViewsAreCountedAsUndefined() throws {
    let rows = try run().rows.filter {
      $0.method == "input" && $0.metric == "spearman" && $0.seed == .all && $0.layer.isRandomization
    }
    #expect(rows.allSatisfy { $0.mean.isNaN && $0.n == 0 && $0.undefined == 80 && $0.ciLow.isNaN })
  }

  @Test func sameSeedGivesIdenticalResultsOnOneAndTwoThreads() throws {
    let one = try run(threads: 1)
    let two = try run(threads: 2)
    #expect(one.tsv == two.tsv)
    #expect(one.verdicts == two.verdicts)
  }

  @Test func tsvHasTheDocumentedColumns() throws {
    let lines = try run(seeds: [7]).tsv.split(separator: "\n")
    #expect(
      lines.first
        == "check\torder\tmethod\tlayer\tseed\tmetric\tview\tmean\tsd\tci_low\tci_high\tn\tundefined"
    )
    #expect(
      lines.dropFirst().allSatisfy {
        $0.split(separator: "\t", omittingEmptySubsequences: false).count == 13
      })
  }

  /// Every defined row's interval holds its mean, and the summary over seeds reads the JSON back
  /// with the same typed labels.
  @Test func intervalsHoldTheMeanAndSurviveJSON() throws {
    let report = try run()
    // The scale rows hold point values (floor, ceiling) and a ratio's percentile interval.
    for row in report.rows where row.n > 1 && !row.layer.isScale {
      #expect(row.ciLow <= row.mean && row.mean <= row.ciHigh, "\(row.fields)")
    }
    let decoded = try CheckReport.decoded(from: try report.json())
    #expect(decoded.tsv == report.tsv)
    #expect(decoded.rows.map(\.layer) == report.rows.map(\.layer))
    #expect(decoded.rows.map(\.seed) == report.rows.map(\.seed))
    #expect(decoded.rows.map(\.order) == report.rows.map(\.order))
    #expect(decoded.verdicts == report.verdicts)
  }
}

/// Returns the input as its own attribution: a map that never changes with the model.
struct EchoInput: Explainer {
  static let identifier = "echo-input"

  func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution {
    Attribution(
      values: input, method: Self.identifier, targets: targets,
      predictions: [Float](repeating: 0, count: input.batchSize))
  }
}

@Suite struct DirectionAndSignTests {
  /// With a distance first, a map that never changes sits at distance 0 and must fail.
  ///
  /// Saliency of a fully random model moves far away and passes. Read as a similarity, the same numbers
  /// would give the opposite verdicts.
  @Test func distanceMetricFirstIsReadInItsDirection() throws {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let x = TestSupport.oneHotDNA(40, length: 24, seed: 4)
    let check = ModelRandomizationCheck(
      .init(
        order: .complete, seeds: [0, 1, 2], metrics: [NormalizedMSE()], view: .full, threshold: 0.05
      ))
    let report = try check.run(model: model, input: x, explainers: [Saliency(), EchoInput()])
    let outcomes = Dictionary(uniqueKeysWithValues: report.verdicts.map { ($0.method, $0.outcome) })
    // The unchanged map fails; the random control, added as the floor, is judged too and fails.
    #expect(outcomes["echo-input"] == .fails && outcomes["random"] == .fails)
    let echo = try #require(
      report.rows.first { $0.method == "echo-input" && $0.seed == .all && $0.layer.isRandomization }
    )
    #expect(echo.mean == 0 && echo.metric == "nmse")
    // The floor of a distance is large and its ceiling 0: the normalized score still reads 1 for
    // an unchanged map, so the rule is the same words for either direction.
    #expect(report.verdicts.allSatisfy { $0.rule.contains("normalized nmse below 0.05") })
    #expect(
      report.verdicts.first { $0.method == "echo-input" }?.evidence.contains("normalized 1 [1, 1]")
        == true)
    // nmse has no magnitude variant: no metric is added.
    #expect(Set(report.rows.map(\.metric)) == ["nmse"])
  }

  /// Negating a single-output top layer flips every gradient map's sign, nothing else.
  ///
  /// Signed Spearman is −1, far below any threshold, but the map has not changed.
  /// The rule reads the sign-blind score beside `spearman` and fails the method; `spearman-abs` (scored
  /// though not listed) is 1 and shown beside them.
  @Test func aMapThatOnlyFlipsSignDoesNotPass() throws {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let x = TestSupport.oneHotDNA(40, length: 24, seed: 4)
    let top = model.layers.count - 1
    var negated = try #require(model.layers[top] as? Dense)
    for key in ["kernel", "bias"] {
      let value = try #require(negated.parameters[key])
      negated.parameters[key] = Tensor(shape: value.shape, scalars: value.scalars.map { -$0 })
    }
    #expect(model.outputShape.count == 1)
    let stage = RandomizationStage(
      name: "dense_2", randomizedLayers: ["dense_2"],
      model: try model.replacingLayer(at: top, with: negated))
    let check = ModelRandomizationCheck(
      .init(seeds: [], metrics: [SpearmanRankCorrelation()], view: .full))
    let report = try check.run(
      model: model, stagesPerSeed: [("negated", [stage])], input: x, targets: nil,
      explainers: [Saliency()])
    let signed = try #require(
      report.rows.first { $0.metric == "spearman" && $0.seed == .named("negated") })
    let magnitude = try #require(
      report.rows.first { $0.metric == "spearman-abs" && $0.seed == .named("negated") })
    #expect(
      abs(signed.mean + 1) < 1e-9 && abs(magnitude.mean - 1) < 1e-9,
      "\(signed.mean), \(magnitude.mean)")
    let verdict = try #require(report.verdicts.first)
    #expect(verdict.outcome == .fails, "\(verdict.evidence)")
    #expect(
      verdict.rule.contains(
        "normalized spearman below 0.4 and normalized sign-blind spearman below 0.4"))
    #expect(
      verdict.evidence.contains("spearman-abs 1 [1, 1]")
        && verdict.evidence.contains("changed sign"))
  }
}

@Suite struct VerdictTests {
  static func evidence(
    _ mean: Double, _ low: Double, _ high: Double, seeds: [Double] = [], metric: String = "spearman"
  )
    -> SimilarityEvidence
  {
    SimilarityEvidence(
      rule: SimilarityRule(metric: metric, direction: .higherIsMoreSimilar, threshold: 0.5),
      estimate: mean,
      interval: (low, high), perSeed: seeds, items: 100)
  }

  @Test func theIntervalDecides() {
    func outcome(_ evidence: [SimilarityEvidence]) -> Verdict.Outcome {
      Verdict.similarity(
        check: .classSensitivity, method: "m", condition: "x", evidence: evidence, controls: [:]
      ).outcome
    }
    #expect(outcome([Self.evidence(0.2, 0.1, 0.3)]) == .passes)
    #expect(outcome([Self.evidence(0.8, 0.6, 0.9)]) == .fails)
    #expect(outcome([Self.evidence(0.45, 0.3, 0.6)]) == .inconclusive)
    #expect(outcome([Self.evidence(.nan, .nan, .nan)]) == .inconclusive)
    #expect(outcome([]) == .inconclusive)
    // Signed passes, magnitude fails: the map only flipped sign.
    #expect(
      outcome([
        Self.evidence(-0.9, -0.95, -0.85),
        Self.evidence(0.9, 0.85, 0.95, metric: "sign-blind spearman"),
      ]) == .fails)
    #expect(
      outcome([
        Self.evidence(0.1, 0.0, 0.2), Self.evidence(0.45, 0.3, 0.6, metric: "sign-blind spearman"),
      ]) == .inconclusive)
  }

  /// Half-width 0.15 at distance 0.05 from the threshold over 3 seeds: (0.15 / 0.05)² · 3 = 27 seeds.
  @Test func inconclusiveEvidenceSaysHowManyMoreSeedsWouldDecide() {
    let straddling = Self.evidence(0.45, 0.3, 0.6, seeds: [0.3, 0.45, 0.6])
    #expect(straddling.countToDecide == 27)
    let verdict = Verdict.similarity(
      check: .modelRandomization, method: "m", condition: "x", evidence: [straddling],
      controls: ["random": 0.01])
    #expect(verdict.evidence.contains("about 27 seeds would likely decide it"))
    #expect(verdict.evidence.contains("spearman 0.45 [0.3, 0.6] (per seed 0.3, 0.45, 0.6)"))
    #expect(verdict.evidence.contains("controls: random 0.01"))
    // One seed: the count is of items.
    #expect(
      Self.evidence(0.45, 0.3, 0.6).decisionHint
        == "spearman: about 900 items would likely decide it")
  }

  @Test func distanceRulesAreMirrored() {
    let rule = SimilarityRule(NormalizedMSE(), threshold: 0.5)
    #expect(rule.direction == .lowerIsMoreSimilar)
    #expect(rule.outcome(of: (0.6, 0.9)) == .passes)
    #expect(rule.outcome(of: (0.1, 0.5)) == .fails)
    #expect(rule.outcome(of: (0.4, 0.6)) == .inconclusive)
    let similarity = SimilarityRule(SpearmanRankCorrelation(), threshold: 0.5)
    #expect(
      similarity.outcome(of: (0.6, 0.9)) == .fails && similarity.outcome(of: (0.1, 0.4)) == .passes)
  }

  @Test func rowSummaryExcludesUndefinedValues() {
    let row = ResultRow(
      check: .classSensitivity, order: nil, method: "m", layer: .otherClass, seed: .all,
      metric: "spearman",
      view: "full", values: [1, 3, nil, .nan])
    #expect(row.mean == 2)
    #expect(row.n == 2 && row.undefined == 2)
    #expect(abs(row.sd - 2.0.squareRoot()) < 1e-12)
    #expect(row.ciLow >= 1 && row.ciHigh <= 3 && row.ciLow < row.ciHigh)
  }

  @Test func labelsRoundTripThroughTheirText() {
    for stage in [
      ResultStage.original, .randomized("dense_2"), .randomized("all"), .chance, .trueLabels,
      .permutedLabels, .otherClass, .shift(1), .reverseComplement, .gradientCorrected, .floor,
      .ceiling, .normalized,
    ] {
      #expect(ResultStage(parsing: stage.description) == stage)
    }
    for seed in [SeedLabel.seed(3), .named("reference"), .all, .notApplicable] {
      #expect(SeedLabel(parsing: seed.description) == seed)
    }
  }
}
