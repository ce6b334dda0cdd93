import SanityChecker
import SanityTestSupport
import Testing

@Suite struct SpearmanRankCorrelationTests {
  /// scipy 1.17.1: `spearmanr(a, b)` and `spearmanr(|a|, |b|)` for `MetricTestData.pair(45)`.
  @Test func matchesScipyOnPatternPair() throws {
    let (a, b) = MetricTestData.tensors([45])
    let signed = try #require(SpearmanRankCorrelation().score(a, b))
    let magnitude = try #require(SpearmanRankCorrelation(absolute: true).score(a, b))
    #expect(abs(signed - 0.2488801054018445) < 1e-12)
    #expect(abs(magnitude - 0.05942028985507245) < 1e-12)
  }

  /// Ties get average ranks: `rankdata([1,2,2,3,3,3,0,-0,5]) = [3,4.5,4.5,7,7,7,1.5,1.5,9]`
  /// (−0 ties with +0), and scipy's ρ against `[3,1,4,1,5,9,2,6,5]` is 0.17675041075329084.
  @Test func tiesGetAverageRanksAsScipy() throws {
    let a = Tensor(shape: [9], scalars: [1, 2, 2, 3, 3, 3, 0, -0.0, 5])
    let b = Tensor(shape: [9], scalars: [3, 1, 4, 1, 5, 9, 2, 6, 5])
    let rho = try #require(SpearmanRankCorrelation().score(a, b))
    #expect(abs(rho - 0.17675041075329084) < 1e-12)
    // The ranks of scipy's rank vector are itself, so a correlates perfectly with it.
    let ranks = Tensor(shape: [9], scalars: [3, 4.5, 4.5, 7, 7, 7, 1.5, 1.5, 9])
    #expect(SpearmanRankCorrelation().score(a, ranks) == 1)
    #expect(PearsonCorrelation().score(ranks, ranks) == 1)
  }

  @Test func strictlyIncreasingMapsDoNotChangeRho() throws {
    let (a, b) = MetricTestData.tensors([45])
    let metric = SpearmanRankCorrelation()
    let base = try #require(metric.score(a, b))
    let cubed = Tensor(shape: [45], scalars: b.scalars.map { $0 * $0 * $0 + 2 })
    let affine = a.scaled(by: 3.5).linearCombination(1, Tensor(shape: [45], repeating: -7), 1)
    #expect(abs(try #require(metric.score(a, cubed)) - base) < 1e-12)
    #expect(abs(try #require(metric.score(affine, b)) - base) < 1e-12)
  }

  @Test func reversalGivesMinusOne() throws {
    let (a, _) = MetricTestData.tensors([45])
    let distinct = Tensor(
      shape: [45], scalars: a.scalars.enumerated().map { Float($0.offset) * 1e-3 + $0.element })
    let rho = try #require(SpearmanRankCorrelation().score(distinct, distinct.scaled(by: -1)))
    #expect(abs(rho + 1) < 1e-12)
  }

  @Test func undefinedCasesGiveNil() {
    let (a, _) = MetricTestData.tensors([45])
    let constant = Tensor(shape: [45], repeating: 0.25)
    var withNaN = a
    withNaN[3] = .nan
    #expect(SpearmanRankCorrelation().score(a, constant) == nil)
    #expect(SpearmanRankCorrelation().score(constant, a) == nil)
    #expect(SpearmanRankCorrelation().score(a, withNaN) == nil)
    #expect(
      SpearmanRankCorrelation().score(
        Tensor(shape: [1], scalars: [1]), Tensor(shape: [1], scalars: [2])) == nil)
    // |x| of a sign-alternating constant-magnitude map is constant.
    let alternating = Tensor(shape: [6], scalars: [1, -1, 1, -1, 1, -1])
    #expect(SpearmanRankCorrelation(absolute: true).score(alternating, alternating) == nil)
    #expect(SpearmanRankCorrelation().score(alternating, alternating) == 1)
  }

  @Test func batchScoresEqualSingleScores() throws {
    let reference = TestSupport.uniform([101, 4], seed: 11)
    let maps =
      (0..<5).map { TestSupport.uniform([101, 4], seed: 20 + UInt64($0)) } + [
        Tensor(shape: [101, 4])
      ]
    for metric in [SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true)] {
      let batch = metric.scores(reference, against: maps)
      #expect(batch == maps.map { metric.score(reference, $0) })
      let last = try #require(batch.last)
      #expect(last == nil)
    }
    #expect(
      SpearmanRankCorrelation().scores(Tensor(shape: [101, 4]), against: maps).allSatisfy {
        $0 == nil
      })
  }

  @Test func namesFollowTheOption() {
    #expect(SpearmanRankCorrelation.identifier == "spearman")
    #expect(SpearmanRankCorrelation().name == "spearman")
    #expect(SpearmanRankCorrelation(absolute: true).name == "spearman-abs")
    #expect(SpearmanRankCorrelation.direction == .higherIsMoreSimilar)
  }
}
