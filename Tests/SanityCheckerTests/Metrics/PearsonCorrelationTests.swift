import SanityChecker
import Testing

@Suite struct PearsonCorrelationTests {
  /// scipy 1.17.1: `pearsonr` of `MetricTestData.pair(45)` in float64, signed and absolute.
  @Test func matchesScipyOnPatternPair() throws {
    let (a, b) = MetricTestData.tensors([45])
    #expect(abs(try #require(PearsonCorrelation().score(a, b)) - 0.25813647511633625) < 1e-12)
    #expect(
      abs(try #require(PearsonCorrelation(absolute: true).score(a, b)) - 0.06653350766571381)
        < 1e-12)
  }

  @Test func positiveAffineMapsDoNotChangeR() throws {
    let (a, b) = MetricTestData.tensors([9, 5])
    let base = try #require(PearsonCorrelation().score(a, b))
    let moved = b.scaled(by: 250).linearCombination(1, Tensor(shape: [9, 5], repeating: 40), 1)
    #expect(abs(try #require(PearsonCorrelation().score(a, moved)) - base) < 1e-6)
  }

  @Test func negationGivesMinusOneAndConstantGivesNil() throws {
    let (a, _) = MetricTestData.tensors([45])
    #expect(abs(try #require(PearsonCorrelation().score(a, a.scaled(by: -1))) + 1) < 1e-12)
    #expect(PearsonCorrelation().score(a, Tensor(shape: [45], repeating: 3)) == nil)
    #expect(PearsonCorrelation(absolute: true).name == "pearson-abs")
  }
}
