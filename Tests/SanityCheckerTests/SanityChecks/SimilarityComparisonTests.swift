import SanityTestSupport
import Testing

@testable import SanityChecker

@Suite struct SimilarityComparisonTests {
  /// A flip counts as similar as far as the magnitudes agree; a nonnegative map (m = s) keeps s.
  @Test func signBlindScoreByHand() {
    let blind = SimilarityComparison.signBlind(
      [-1, -0.8, -0.3, 0.6, nil, -0.5], magnitude: [1, 0.2, -0.3, 0.1, 0.9, nil])
    #expect(blind == [1, 0.2, -0.3, 0.6, nil, 0.5])
  }

  /// The spearman-abs companion is added once, after the configured metrics, and only for a
  /// signed first metric.
  @Test func magnitudeVariantIsScoredBesideTheFirstMetric() {
    let names = { (metrics: [any SimilarityMetric]) in
      SimilarityComparison.metrics(metrics).map(\.name)
    }
    #expect(names([SpearmanRankCorrelation()]) == ["spearman", "spearman-abs"])
    #expect(
      names([SpearmanRankCorrelation(), SSIM(), SpearmanRankCorrelation(absolute: true)]) == [
        "spearman", "ssim", "spearman-abs",
      ])
    #expect(names([NormalizedMSE(), SpearmanRankCorrelation()]) == ["nmse", "spearman"])
    #expect(names([PearsonCorrelation()]) == ["pearson", "pearson-abs"])
  }

  /// Without seeds (`[.all]`) only the rows themselves are written; with seeds, a summary per
  /// stage and metric follows, whose interval comes from resampling seeds.
  @Test func rowsPerSeedThenSummaries() {
    let comparison = SimilarityComparison(
      check: .modelRandomization, order: .cascadingTopDown, metrics: [NormalizedMSE()], view: .full,
      threshold: 0.5, verdictStage: .meanOverStages, keepsItemValues: false)
    let scores: [[[[Double?]]]] = [[[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6], [0.7, 0.8]]]]
    let rows = comparison.rows(
      .init(method: "m", view: "observed-base", scores: scores), seeds: [.seed(0), .seed(1)],
      stages: [.randomized("a"), .randomized("b")])
    #expect(rows.map(\.seed) == [.seed(0), .seed(0), .seed(1), .seed(1), .all, .all])
    #expect(rows.map(\.layer.description) == ["a", "b", "a", "b", "a", "b"])
    #expect(abs(rows[4].mean - 0.35) < 1e-12 && rows[4].n == 4)
    let single = comparison.rows(
      .init(method: "m", view: "observed-base", scores: [[[[0.1, 0.2]]]]), seeds: [.all],
      stages: [.otherClass])
    #expect(single.count == 1 && single[0].seed == .all)
  }

  /// A distance's scale: floor 2, ceiling and perfect 0.
  ///
  /// A method at 1.9 is near the floor
  /// (normalized 0.05), one at 0.2 near the ceiling (0.9): read the same way as a similarity.
  @Test func aDistanceIsNormalizedTowardsItsCeiling() {
    let comparison = SimilarityComparison(
      check: .modelRandomization, order: .complete, metrics: [NormalizedMSE()], view: .full,
      threshold: 0.4, verdictStage: .meanOverStages, keepsItemValues: false)
    let floor: [[[Double?]]] = [[[2, 2, 2, 2]]]
    let reference = SimilarityComparison.Reference(
      floor: floor, ceiling: [0, 0, 0, 0], perfect: [0, 0, 0, 0])
    let near = comparison.scale([[[1.9, 1.9, 1.9, 1.9]]], reference: reference, streamName: "a")
    let far = comparison.scale([[[0.2, 0.2, 0.2, 0.2]]], reference: reference, streamName: "b")
    #expect(abs(near.normalized - 0.05) < 1e-12 && abs(far.normalized - 0.9) < 1e-12)
    #expect(near.reproducibility == 1 && near.outcome(threshold: 0.4) == .passes)
    #expect(far.outcome(threshold: 0.4) == .fails)
  }
}
