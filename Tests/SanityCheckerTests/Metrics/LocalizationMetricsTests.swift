import SanityChecker
import Testing

@Suite struct LocalizationMetricsTests {
  /// Pairs (positive, negative): 0.9 > 0.8, 0.9 > 0.1, 0.4 < 0.8, 0.4 > 0.1: 3 of 4.
  @Test func aurocByHand() {
    let scores: [Float] = [0.9, 0.8, 0.1, 0.4]
    let labels = [true, false, false, true]
    #expect(LocalizationMetrics.auroc(scores: scores, labels: labels) == 0.75)
    #expect(LocalizationMetrics.auroc(scores: scores.map { -$0 }, labels: labels) == 0.25)
    #expect(LocalizationMetrics.auroc(scores: [1, 1, 1, 1], labels: labels) == 0.5)
    #expect(LocalizationMetrics.auroc(scores: scores, labels: [true, true, true, true]) == nil)
  }

  /// Ranked 0.9 (+), 0.8 (−), 0.4 (+), 0.1 (−): ½ · 1 + ½ · ⅔ = 5/6, as scikit-learn's
  /// `average_precision_score` gives; tied scores form one threshold.
  @Test func averagePrecisionByHand() throws {
    let ap = try #require(
      LocalizationMetrics.averagePrecision(
        scores: [0.9, 0.8, 0.1, 0.4], labels: [true, false, false, true]))
    #expect(abs(ap - 5.0 / 6) < 1e-12)
    #expect(
      LocalizationMetrics.averagePrecision(
        scores: [2, 2, 2, 2], labels: [true, false, false, false]) == 0.25)
    #expect(LocalizationMetrics.averagePrecision(scores: [1, 2], labels: [false, false]) == nil)
    // One positive among two: rank 1 or 2 with AP 1 or ½.
    #expect(LocalizationMetrics.expectedAveragePrecision(positives: 1, length: 2) == 0.75)
  }

  /// Scores unrelated to the labels give AUROC ½ and AUPR at the positive fraction on average.
  @Test func unrelatedScoresSitAtChance() throws {
    var generator = SeededGenerator(seed: 11)
    var (aurocs, auprs) = ([Double](), [Double]())
    let labels = (0..<100).map { (40..<55).contains($0) }
    for _ in 0..<400 {
      let scores = (0..<100).map { _ in generator.normal() }
      aurocs.append(LocalizationMetrics.auroc(scores: scores, labels: labels) ?? .nan)
      auprs.append(LocalizationMetrics.averagePrecision(scores: scores, labels: labels) ?? .nan)
    }
    let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
    #expect(abs(mean(aurocs) - 0.5) < 0.02, "\(mean(aurocs))")
    let expected = try #require(
      LocalizationMetrics.expectedAveragePrecision(positives: 15, length: 100))
    #expect(abs(expected - 0.186) < 1e-3)
    #expect(abs(mean(auprs) - expected) < 0.01, "\(mean(auprs)) against \(expected)")
  }

  /// Inside |2|, |−4| (mean 3); background 1, 0.5, 3 (mean 1.5, max 3); position 4 is neither.
  @Test func signalToNoiseByHand() {
    let snr = LocalizationMetrics.signalToNoise(
      scores: [2, -4, 1, 0.5, 100, 3], inside: [true, true, false, false, false, false],
      background: [false, false, true, true, false, true])
    #expect(snr.max == 1 && snr.mean == 2)
    let flat = LocalizationMetrics.signalToNoise(
      scores: [1, 0], inside: [true, false], background: [false, true])
    #expect(flat.max == nil && flat.mean == nil)
  }
}
