/// How two motif columns (probabilities of A, C, G, T) are scored against each other.
///
/// ```
/// pearson:             r(q, t) = Σ (q_b − q̄)(t_b − t̄) / √(Σ (q_b − q̄)² · Σ (t_b − t̄)²)   (0 when either is uniform)
/// negativeEuclidean:   −‖q − t‖ = −√(‖q‖² + ‖t‖² − 2 q·t)                          (0 when the square is ≤ 0)
/// ```
/// Tomtom's Pearson correlation coefficient (`-dist pearson`, its default) and memesuite-lite's
/// only score (Gupta et al. 2007, doi:10.1186/gb-2007-8-2-r24; Schreiber, memesuite-lite). The
/// Euclidean form is computed in memesuite-lite's order of operations, so its scores agree with
/// it bit for bit. Both are symmetric; higher is more similar.
public enum ColumnSimilarity: String, Hashable, Sendable, CaseIterable {
  /// Pearson's correlation of the two columns.
  case pearson
  /// Minus the Euclidean distance of the two columns.
  case negativeEuclidean = "euclidean"

  /// The score of query column `q` against target column `t`.
  /// - Parameters:
  ///   - q: Four probabilities.
  ///   - t: Four probabilities.
  /// - Returns: The score.
  public func score(_ q: [Double], _ t: [Double]) -> Double {
    switch self {
    case .pearson:
      let (qMean, tMean) = ((q[0] + q[1] + q[2] + q[3]) / 4, (t[0] + t[1] + t[2] + t[3]) / 4)
      var (cross, qSquares, tSquares) = (0.0, 0.0, 0.0)
      for base in 0..<4 {
        cross += (q[base] - qMean) * (t[base] - tMean)
        qSquares += (q[base] - qMean) * (q[base] - qMean)
        tSquares += (t[base] - tMean) * (t[base] - tMean)
      }
      let denominator = (qSquares * tSquares).squareRoot()
      return denominator > 0 ? cross / denominator : 0
    case .negativeEuclidean:
      var z = Self.squaredNorm(q) + Self.squaredNorm(t)
      for base in 0..<4 { z -= (2 * q[base]) * t[base] }
      return z > 0 ? -z.squareRoot() : 0
    }
  }

  /// `((x0² + x1²) + x2²) + x3²`, numpy's order for a sum over four rows.
  static func squaredNorm(_ x: [Double]) -> Double {
    ((x[0] * x[0] + x[1] * x[1]) + x[2] * x[2]) + x[3] * x[3]
  }
}
