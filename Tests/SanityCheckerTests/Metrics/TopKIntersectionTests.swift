import SanityChecker
import Testing

@Suite struct TopKIntersectionTests {
  @Test func handExamples() {
    // Top-2 of |a| = {0, 3}; of |b| = {3, 1}: one of two shared.
    let a = Tensor(shape: [5], scalars: [-5, 1, 0.5, 4, 0])
    let b = Tensor(shape: [5], scalars: [0, 3, 1, -9, 2])
    #expect(TopKIntersection(k: 2).score(a, b) == 0.5)
    // Top-1: {0} vs {3}.
    #expect(TopKIntersection(k: 1).score(a, b) == 0)
    // Top-3: {0, 3, 1} vs {3, 1, 4}: two of three.
    #expect(TopKIntersection(k: 3).score(a, b) == 2.0 / 3.0)
    // k beyond the map is clamped: every position is in both sets.
    #expect(TopKIntersection(k: 50).score(a, b) == 1)
  }

  /// Equal magnitudes: the lower index ranks first, so {1, 2} (|3| twice) beats index 4.
  @Test func tiesPreferTheLowerIndex() {
    let a = Tensor(shape: [5], scalars: [0, 3, -3, 1, 3])
    let b = Tensor(shape: [5], scalars: [0, 1, 1, 0, 0])
    #expect(TopKIntersection(k: 2).score(a, b) == 1)
    // A map of zeros selects its first k positions, {0, 1}; b's top 2 is {1, 2}.
    let zeros = Tensor(shape: [5])
    #expect(TopKIntersection(k: 2).score(zeros, b) == 0.5)
  }

  @Test func invariancesAndNaN() {
    let a = TestSupportMaps.signal
    let b = TestSupportMaps.other
    let base = TopKIntersection(k: 10).score(a, b)
    #expect(TopKIntersection(k: 10).score(a.scaled(by: -3), b) == base)
    #expect(TopKIntersection(k: 10).score(a, a.scaled(by: -0.5)) == 1)
    var withNaN = a
    withNaN[2] = .nan
    #expect(TopKIntersection(k: 10).score(withNaN, b) == nil)
    #expect(TopKIntersection.identifier == "top-k")
  }
}

/// The pattern pair as tensors of 45 values.
private enum TestSupportMaps {
  static let signal = MetricTestData.tensors([45]).a
  static let other = MetricTestData.tensors([45]).b
}
