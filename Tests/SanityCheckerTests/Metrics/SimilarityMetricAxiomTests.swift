import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Quantus-style metric axioms, for every metric configuration, on seeded 32 × 32 maps
/// (large enough for one HOG block): a smooth field plus noise, so that HOG sees structure.
@Suite struct SimilarityMetricAxiomTests {
  static let metrics: [any SimilarityMetric] = [
    SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true),
    PearsonCorrelation(), PearsonCorrelation(absolute: true),
    SSIM(), SSIM(absolute: true), SSIM(window: .gaussian(sigma: 1.5)),
    HOGSimilarity(), HOGSimilarity(correlation: .pearson, absolute: true),
    NormalizedMSE(), TopKIntersection(k: 20),
  ]

  /// `sin(r/4)·cos(c/5)` (or with the roles of rows and columns swapped) plus 0.3·noise.
  static func field(seed: UInt64, isTransposed: Bool = false) -> Tensor {
    let smooth = Tensor(
      shape: [32, 32],
      scalars: (0..<1024).map { index in
        let (row, column) = isTransposed ? (index % 32, index / 32) : (index / 32, index % 32)
        return Float(sin(Double(row) / 4) * cos(Double(column) / 5))
      })
    return smooth.linearCombination(1, TestSupport.uniform([32, 32], seed: seed), 0.3)
  }

  static let a = field(seed: 101)
  static let b = field(seed: 202).linearCombination(0.5, a, 0.5)

  @Test(arguments: metrics)
  func selfScoreIsPerfect(metric: any SimilarityMetric) {
    let perfect = type(of: metric).direction == .higherIsMoreSimilar ? 1.0 : 0.0
    #expect(metric.score(Self.a, Self.a) == perfect, "\(metric.name)")
    #expect(
      metric.score(Self.a.reshaped([32, 32, 1]), Self.a.reshaped([32, 32, 1])) == perfect,
      "\(metric.name)")
  }

  @Test(arguments: metrics)
  func scoreIsSymmetricAndInRange(metric: any SimilarityMetric) throws {
    let forward = try #require(metric.score(Self.a, Self.b), "\(metric.name)")
    let backward = try #require(metric.score(Self.b, Self.a), "\(metric.name)")
    #expect(abs(forward - backward) < 1e-12, "\(metric.name): \(forward) vs \(backward)")
    let range: ClosedRange<Double> =
      metric is NormalizedMSE ? 0...4 : (metric is TopKIntersection ? 0...1 : -1...1)
    #expect(range.contains(forward), "\(metric.name): \(forward)")
    // a and b share half their signal, so every metric sees them as closer than a and an
    // unrelated map.
    let unrelated = try #require(metric.score(Self.a, Self.field(seed: 303, isTransposed: true)))
    let isCloser =
      type(of: metric).direction == .higherIsMoreSimilar ? forward > unrelated : forward < unrelated
    #expect(isCloser, "\(metric.name): related \(forward), unrelated \(unrelated)")
  }

  /// Documented behavior on a constant map: the correlations are undefined, SSIM scales it to
  /// zeros (two constant maps score 1), NMSE compares it as zeros, top-k picks its first k.
  @Test func constantMaps() throws {
    let constant = Tensor(shape: [32, 32], repeating: 0.7)
    #expect(SpearmanRankCorrelation().score(Self.a, constant) == nil)
    #expect(PearsonCorrelation().score(Self.a, constant) == nil)
    #expect(HOGSimilarity().score(Self.a, constant) == nil)
    #expect(SSIM().score(constant, Tensor(shape: [32, 32], repeating: -3)) == 1)
    #expect(try #require(SSIM().score(Self.a, constant)) < 0.1)
    #expect(try #require(NormalizedMSE().score(constant, Self.a)) > 0)
    #expect(TopKIntersection(k: 20).score(constant, constant) == 1)
  }

  @Test func identifiersAndDirections() {
    let expected: [(String, ScoreDirection)] = [
      ("spearman", .higherIsMoreSimilar), ("spearman", .higherIsMoreSimilar),
      ("pearson", .higherIsMoreSimilar), ("pearson", .higherIsMoreSimilar),
      ("ssim", .higherIsMoreSimilar), ("ssim", .higherIsMoreSimilar),
      ("ssim", .higherIsMoreSimilar),
      ("hog", .higherIsMoreSimilar), ("hog", .higherIsMoreSimilar),
      ("nmse", .lowerIsMoreSimilar), ("top-k", .higherIsMoreSimilar),
    ]
    for (metric, (identifier, direction)) in zip(Self.metrics, expected) {
      #expect(type(of: metric).identifier == identifier)
      #expect(type(of: metric).direction == direction)
    }
    #expect(
      Self.metrics.map(\.name) == [
        "spearman", "spearman-abs", "pearson", "pearson-abs", "ssim", "ssim-abs", "ssim",
        "hog", "hog-abs", "nmse", "top-k",
      ])
  }
}
