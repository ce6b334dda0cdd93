import SanityChecker
import SanityTestSupport
import Testing

@Suite struct SimilarityScaleTests {
  static func scale(
    normalized: (Double, Double), reproducibility: (Double, Double), ceiling: Double = 1
  ) -> SimilarityScale {
    SimilarityScale(
      floor: 0, ceiling: ceiling, perfect: 1,
      normalized: ((normalized.0 + normalized.1) / 2, normalized),
      reproducibility: ((reproducibility.0 + reproducibility.1) / 2, reproducibility))
  }

  @Test func theNormalizedIntervalAndTheReproducibilityDecide() {
    let outcome = { (n: (Double, Double), r: (Double, Double)) in
      Self.scale(normalized: n, reproducibility: r).outcome(threshold: 0.4)
    }
    #expect(outcome((0.1, 0.2), (0.9, 1)) == .passes)
    #expect(outcome((0.5, 0.7), (0.9, 1)) == .fails)
    #expect(outcome((0.3, 0.5), (0.9, 1)) == .inconclusive)
    // Noise: no change (n = 0) but no agreement with itself either.
    #expect(outcome((0, 0), (-0.05, 0.05)) == .fails)
    #expect(outcome((0.1, 0.2), (0.4, 0.6)) == .inconclusive)
    // Near its ceiling it fails whatever its reproducibility.
    #expect(outcome((0.8, 0.9), (-0.1, 0.1)) == .fails)
    // A constant map has no ceiling.
    #expect(
      Self.scale(normalized: (.nan, .nan), reproducibility: (.nan, .nan), ceiling: .nan)
        .outcome(threshold: 0.4) == .fails)
  }
}

@Suite struct FloorAndCeilingTests {
  static let controls: [any Explainer] = [
    ControlExplainer(.random, seed: 1), ControlExplainer(.constant), ControlExplainer(.input),
  ]

  /// The random control is the floor and fails: drawn twice, it agrees with itself no better
  /// than noise.
  ///
  /// SmoothGrad's ceiling is its agreement with a second noise draw, below 1; Saliency's is 1.
  @Test func theFloorIsTheRandomControlAndTheCeilingASecondDraw() throws {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let x = TestSupport.oneHotDNA(40, length: 24, seed: 4)
    let check = ModelRandomizationCheck(
      .init(order: .complete, seeds: [0, 1, 2], metrics: [SpearmanRankCorrelation()], view: .full))
    let report = try check.run(
      model: model, input: x,
      explainers: [Saliency(), SmoothGrad(samples: 4, noiseLevel: 0.3, seed: 2)] + Self.controls)
    let verdict = { (method: String) in try #require(report.verdicts.first { $0.method == method })
    }
    let random = try verdict("random")
    #expect(random.outcome == .fails)
    #expect(random.evidence.contains("normalized 0 [0, 0]"), "\(random.evidence)")
    #expect(try verdict("saliency").evidence.contains("ceiling 1 →"))
    let smooth = try verdict("smoothgrad").evidence
    #expect(smooth.contains("another draw; reproducibility"), "\(smooth)")
    #expect(report.verdicts.filter { $0.control != nil }.allSatisfy { $0.outcome != .passes })
    #expect(try verdict("constant").evidence.contains("constant"))
  }

  /// On a model trained on a planted motif, no control passes model randomization, class
  /// sensitivity or motif recovery, and the random control sits at chance on every motif
  /// measure.
  @Test func noControlPassesAnyCheck() throws {
    let (model, input, instances) = try MotifRecoveryTests.trainedOnPlantedMotif()
    let targets = [Int](repeating: 0, count: input.batchSize)
    let metrics: [any SimilarityMetric] = [SpearmanRankCorrelation()]
    let methods: [any Explainer] = [Saliency(), GradientTimesInput()] + Self.controls
    let cascade = try ModelRandomizationCheck(
      .init(seeds: [0, 1], metrics: metrics, view: .observedBase)
    )
    .run(model: model, input: input, targets: targets, explainers: methods)
    let motifs = try MotifRecovery(.init(seeds: [0, 1])).run(
      model: model, input: input, instances: instances, targets: targets, explainers: methods)
    for report in [cascade, motifs] {
      let controls = report.verdicts.filter { $0.control != nil }
      #expect(controls.count == 3)
      for verdict in controls {
        #expect(
          verdict.outcome == .fails, "\(verdict.check) \(verdict.method): \(verdict.evidence)")
      }
    }
    let row = { (metric: String) in
      try #require(
        motifs.rows.first { $0.method == "random" && $0.layer == .original && $0.metric == metric })
    }
    let auroc = try row("auroc")
    #expect(auroc.ciLow < 0.5 && 0.5 < auroc.ciHigh, "random AUROC \(auroc.fields)")
    #expect(try row("top-k-p-holm").mean >= TopKSignificance.level)
    let chance = try #require(
      motifs.rows.first {
        $0.method == "random" && $0.layer == .chance && $0.metric == "top-k-in-motif"
      })
    let topK = try row("top-k-in-motif")
    #expect(
      topK.ciLow < chance.mean && chance.mean < topK.ciHigh, "\(topK.fields) vs \(chance.mean)")
    #expect(motifs.verdicts.first { $0.method == "gradient-x-input" }?.outcome == .passes)
  }
}
