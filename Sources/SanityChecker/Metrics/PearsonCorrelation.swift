/// Pearson's correlation coefficient between two flattened maps.
///
/// ```
/// r(a, b) = Σ (a_i - ā)(b_i - b̄) / sqrt(Σ (a_i - ā)² · Σ (b_i - b̄)²)
/// ```
/// Computed in `Double` with two passes (means first), as `scipy.stats.pearsonr`.
///
/// Reference: K. Pearson, "Notes on regression and inheritance in the case of two parents",
/// Proc. R. Soc. London 58 (1895). Used as a map similarity by Adebayo et al., arXiv:1810.03292.
///
/// **Defaults and deviations.** Shapes must match; maps are flattened row-major. A constant map
/// gives `nil` where scipy returns NaN (and warns); so does a map containing NaN. With
/// ``isAbsolute`` the correlation of `|a|` and `|b|` is returned (`"pearson-abs"`).
///
/// **Properties.**
/// - `score(x, x) == 1`; symmetric; in [-1, 1] (clamped against rounding).
/// - Invariant to positive affine maps `x ↦ s·x + t` (s > 0) of either argument;
///   `score(x, -x) = -1` (to rounding).
/// - Agrees with scipy to about 1e-12 on `Float` maps.
public struct PearsonCorrelation: SimilarityMetric, MagnitudeVariantMetric {
  /// `"pearson"`.
  public static let identifier = "pearson"
  /// Higher is more similar.
  public static let direction = ScoreDirection.higherIsMoreSimilar

  /// Whether magnitudes `|a|`, `|b|` are correlated instead of the signed values.
  public var isAbsolute: Bool

  /// Creates the metric.
  /// - Parameter absolute: Correlate `|a|` and `|b|` (`"pearson-abs"`); `false` by default.
  public init(absolute: Bool = false) {
    self.isAbsolute = absolute
  }

  /// Pearson's r of the flattened maps.
  /// - Parameters:
  ///   - a: The first map.
  ///   - b: The second map, of the same shape.
  /// - Returns: r in [-1, 1], or `nil` when either map is constant or contains NaN.
  public func score(_ a: Tensor, _ b: Tensor) -> Double? {
    precondition(a.shape == b.shape, "PearsonCorrelation: shapes \(a.shape) and \(b.shape) differ")
    guard isAbsolute else {
      return a.withUnsafeBufferPointer { x in
        b.withUnsafeBufferPointer { y in Correlation.pearson(x, y) }
      }
    }
    let magnitudesA = a.scalars.map { abs($0) }
    let magnitudesB = b.scalars.map { abs($0) }
    return magnitudesA.withUnsafeBufferPointer { x in
      magnitudesB.withUnsafeBufferPointer { y in Correlation.pearson(x, y) }
    }
  }
}
