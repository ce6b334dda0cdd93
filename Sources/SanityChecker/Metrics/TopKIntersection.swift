/// The fraction of the `k` largest-magnitude positions of one map that are also among the `k`
/// largest-magnitude positions of the other.
///
/// ```
/// topk(a, b) = |top_k(|a|) ∩ top_k(|b|)| / k
/// ```
/// Reference: the top-k intersection of an attribution with a reference set of features is
/// used by Quantus (`TopKIntersection`; Theiner et al., "Interpretable Semantic Photo
/// Geolocation", WACV 2022, arXiv:2104.14995); here the reference set is the other map's
/// top k, a rank-based overlap between two attributions.
///
/// **Defaults and deviations.** Positions are flat row-major indices. Among equal magnitudes the
/// lower index ranks first, so the top k is always exactly `k` positions and the score is
/// deterministic (a map of zeros selects its first `k` positions). `k` larger than the map
/// is clamped to the map's size (the score is then 1). A map containing NaN gives `nil`.
///
/// **Properties.**
/// - `score(x, x) == 1`; symmetric; in {0, 1/k, …, 1}.
/// - Invariant to negation and to scaling by any nonzero factor (only `|·|` ranks matter);
///   not to shifts.
public struct TopKIntersection: SimilarityMetric {
  /// `"top-k"`.
  public static let identifier = "top-k"
  /// Higher is more similar.
  public static let direction = ScoreDirection.higherIsMoreSimilar

  /// The number of top positions compared.
  public var k: Int

  /// Creates the metric.
  /// - Parameter k: The number of top positions, at least 1.
  public init(k: Int) {
    precondition(k >= 1, "TopKIntersection: k is \(k); expected at least 1")
    self.k = k
  }

  /// The overlap of the two top-k sets, as a fraction of k.
  /// - Parameters:
  ///   - a: The first map.
  ///   - b: The second map, of the same shape.
  /// - Returns: The fraction in [0, 1], or `nil` for empty maps or maps containing NaN.
  public func score(_ a: Tensor, _ b: Tensor) -> Double? {
    precondition(a.shape == b.shape, "TopKIntersection: shapes \(a.shape) and \(b.shape) differ")
    let count = a.scalars.count
    guard count > 0 else { return nil }
    let selected = min(k, count)
    var keys = [UInt64](repeating: 0, count: 2 * count)
    var isTopInA = [Bool](repeating: false, count: count)
    let hits: Int? = keys.withUnsafeMutableBufferPointer { keys in
      guard let topA = Self.topIndices(of: a, count: selected, keys: keys) else { return nil }
      for index in topA { isTopInA[index] = true }
      guard let topB = Self.topIndices(of: b, count: selected, keys: keys) else { return nil }
      return topB.reduce(0) { $0 + (isTopInA[$1] ? 1 : 0) }
    }
    return hits.map { Double($0) / Double(selected) }
  }

  /// The indices of the `count` largest magnitudes, the lower index first among equals.
  private static func topIndices(
    of map: Tensor, count selected: Int, keys: UnsafeMutableBufferPointer<UInt64>
  ) -> [Int]? {
    map.withUnsafeBufferPointer { values -> [Int]? in
      let count = values.count
      let sorted = UnsafeMutableBufferPointer(rebasing: keys[0..<count])
      for index in 0..<count {
        let magnitude = abs(values[index])
        if magnitude.isNaN { return nil }
        // Ascending order of -|v| is descending order of |v|; ties stay in index order.
        sorted[index] = Ranking.sortKey(-magnitude, index: index)
      }
      Ranking.sortByValue(sorted, scratch: UnsafeMutableBufferPointer(rebasing: keys[count...]))
      return (0..<selected).map { Ranking.index(sorted[$0]) }
    }
  }
}
