import SanityChecker
import SanityTestSupport
import Testing

/// Spearman on maps dominated by exact zeros (Gradient × Input on one-hot DNA) against a
/// direct computation: average ranks by counting, then Pearson, in `Double`.
@Suite struct SpearmanZeroBlockTests {
  /// `rank(v_i) = 1 + #{v_j < v_i} + (#{v_j == v_i} − 1)/2`, O(n²).
  static func ranks(_ values: [Float]) -> [Double] {
    values.map { v in
      let below = values.filter { $0 < v }.count
      let equal = values.filter { $0 == v }.count
      return Double(1 + below) + Double(equal - 1) / 2
    }
  }

  static func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let (mx, my) = (x.reduce(0, +) / Double(x.count), y.reduce(0, +) / Double(y.count))
    let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    let syy = y.reduce(0) { $0 + ($1 - my) * ($1 - my) }
    return sxy / (sxx * syy).squareRoot()
  }

  /// Maps of 404 values with 3/4 zeros (some -0), ties among the nonzero values, both signs;
  /// raw and absolute.
  ///
  /// Agreement to 1e-12 (both are exact ranks, Pearson in Double).
  @Test(arguments: [UInt64(1), 2, 3, 4])
  func matchesDirectRanks(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    func map() -> [Float] {
      (0..<404).map { index in
        if index % 4 != 0 { return index % 8 == 1 ? -0.0 : 0 }
        return Float(generator.index(below: 9) - 4) / 4  // ties, negatives, and some zeros
      }
    }
    let (a, b) = (map(), map())
    for isAbsolute in [false, true] {
      let (x, y) = isAbsolute ? (a.map(abs), b.map(abs)) : (a, b)
      let expected = Self.pearson(Self.ranks(x), Self.ranks(y))
      let metric = SpearmanRankCorrelation(absolute: isAbsolute)
      let score = metric.score(
        Tensor(shape: [101, 4], scalars: a), Tensor(shape: [101, 4], scalars: b))
      #expect(abs((score ?? .nan) - expected) < 1e-12, "absolute \(isAbsolute)")
      let batch = metric.scores(
        Tensor(shape: [101, 4], scalars: a), against: [Tensor(shape: [101, 4], scalars: b)])
      #expect(batch == [score])
    }
  }
}
