import SanityChecker
import Testing

@Suite struct NormalizedMSETests {
  /// numpy: `mean((a/max|a| - b/max|b|)**2)` of `MetricTestData.pair(45)` in float64.
  @Test func matchesNumpyOnPatternPair() throws {
    let (a, b) = MetricTestData.tensors([45])
    #expect(abs(try #require(NormalizedMSE().score(a, b)) - 0.4773584707635611) < 1e-12)
  }

  @Test func handExamples() {
    let a = Tensor(shape: [4], scalars: [2, -1, 0, 1])
    // a/2 = [1, -0.5, 0, 0.5]; b/4 = [0.5, 0, 0, -1] → squared differences 0.25, 0.25, 0, 2.25.
    let b = Tensor(shape: [4], scalars: [2, 0, 0, -4])
    #expect(NormalizedMSE().score(a, b) == 0.6875)
    // Negation: 4 · mean(a²)/max|a|² = 4 · (4 + 1 + 0 + 1)/4 / 4 = 1.5.
    #expect(NormalizedMSE().score(a, a.scaled(by: -1)) == 1.5)
    // A zero map is compared as zeros: mean((a/2)²) = 1.5/4.
    #expect(NormalizedMSE().score(a, Tensor(shape: [4])) == 0.375)
    #expect(NormalizedMSE().score(Tensor(shape: [4]), Tensor(shape: [4])) == 0)
  }

  @Test func scaleInvarianceAndNaN() throws {
    let (a, b) = MetricTestData.tensors([45])
    let base = try #require(NormalizedMSE().score(a, b))
    #expect(
      abs(try #require(NormalizedMSE().score(a.scaled(by: 1e-4), b.scaled(by: 300))) - base) < 1e-6)
    #expect(NormalizedMSE().score(a, a.scaled(by: 17)) ?? 1 < 1e-12)
    var withNaN = a
    withNaN[0] = .nan
    #expect(NormalizedMSE().score(withNaN, b) == nil)
    #expect(NormalizedMSE.direction == .lowerIsMoreSimilar)
  }
}
