/// Spearman's rank correlation between two maps: Pearson's r of their average ranks.
///
/// ```
/// ρ(a, b) = pearson(rank(a), rank(b))      rank = scipy.stats.rankdata(method: "average")
/// ```
/// With ``isAbsolute`` the maps are ranked by magnitude, `ρ(|a|, |b|)` (`"spearman-abs"`),
/// as in Adebayo et al.'s sanity checks, where the sign of an attribution is often unstable.
///
/// Reference: C. Spearman, "The proof and measurement of association between two things",
/// Am. J. Psychol. 15 (1904); used for sanity checks by J. Adebayo et al., "Sanity Checks for
/// Saliency Maps", NeurIPS 2018, arXiv:1810.03292.
///
/// **Defaults and deviations.** The maps are flattened in row-major order; their shapes must
/// match. Ties get the mean of the ranks they span, exactly as `scipy.stats.spearmanr`.
/// `-0` and `+0` are tied. A constant map (every rank tied) has no correlation and gives `nil`,
/// where scipy returns NaN; so does a map containing NaN.
///
/// **Properties.**
/// - `score(x, x) == 1`; symmetric; in [-1, 1].
/// - Invariant to any strictly increasing map of either argument (positive affine maps
///   included); `score(x, -x) = -1` (to rounding) when `x` has no ties.
/// - Ranks are exact (integers and half-integers); the correlation is computed in `Double`,
///   so scores agree with scipy to about 1e-15.
///
/// **Cost.** One sort of `n` 64-bit integer keys per map and three arrays per call.
public struct SpearmanRankCorrelation: SimilarityMetric, MagnitudeVariantMetric {
  /// `"spearman"`.
  public static let identifier = "spearman"
  /// Higher is more similar.
  public static let direction = ScoreDirection.higherIsMoreSimilar

  /// Whether magnitudes `|a|`, `|b|` are ranked instead of the signed values.
  public var isAbsolute: Bool

  /// Creates the metric.
  /// - Parameter absolute: Rank `|a|` and `|b|` (`"spearman-abs"`); `false` by default.
  public init(absolute: Bool = false) {
    self.isAbsolute = absolute
  }

  /// Spearman's ρ of the flattened maps.
  /// - Parameters:
  ///   - a: The first map.
  ///   - b: The second map, of the same shape.
  /// - Returns: ρ in [-1, 1], or `nil` when either map is constant or contains NaN.
  public func score(_ a: Tensor, _ b: Tensor) -> Double? {
    precondition(
      a.shape == b.shape, "SpearmanRankCorrelation: shapes \(a.shape) and \(b.shape) differ")
    let count = a.scalars.count
    guard count >= 2 else { return nil }
    var keys = [UInt64](repeating: 0, count: 2 * count)
    var ranksA = [Double](repeating: 0, count: count)
    var ranksB = [Double](repeating: 0, count: count)
    let isRanked = keys.withUnsafeMutableBufferPointer { keys in
      ranksA.withUnsafeMutableBufferPointer { ranksA in
        ranksB.withUnsafeMutableBufferPointer { ranksB in
          a.withUnsafeBufferPointer { values in
            Ranking.averageRanks(of: values, isAbsolute: isAbsolute, keys: keys, into: ranksA)
          }
            && b.withUnsafeBufferPointer { values in
              Ranking.averageRanks(of: values, isAbsolute: isAbsolute, keys: keys, into: ranksB)
            }
        }
      }
    }
    guard isRanked else { return nil }
    return ranksA.withUnsafeBufferPointer { x in
      ranksB.withUnsafeBufferPointer { y in Correlation.pearson(x, y) }
    }
  }
}
