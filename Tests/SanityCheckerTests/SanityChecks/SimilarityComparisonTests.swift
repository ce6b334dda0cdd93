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
      .init(method: "m", view: "observed-base", scores: [[[[0.1, 0.2]]]]), seeds: [.all], stages: [.otherClass])
    #expect(single.count == 1 && single[0].seed == .all)
  }
}
