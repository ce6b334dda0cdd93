/// The mean squared error of two maps, each divided by its largest magnitude.
///
/// ```
/// nmse(a, b) = mean_i (a_i / max|a| - b_i / max|b|)²      (a map of zeros stays zeros)
/// ```
/// Dividing each map by its own `max|·|` removes the scale, which differs by orders of
/// magnitude between an original and a randomized model, and keeps the sign, so the score is
/// in [0, 4]: 0 for maps equal up to a positive factor, 4 only for `b = -a` with every
/// `|a_i| = max|a|`.
///
/// Reference: the MSE is one of Quantus' similarity functions (`similarity_func.mse`) and the
/// normalization is its `normalise_by_max` (A. Hedström et al., "Quantus", JMLR 24(34), 2023,
/// arXiv:2202.06861).
///
/// **Defaults and deviations.** Shapes must match; an all-zero map is compared as zeros (not
/// `nil`); a map containing NaN gives `nil`.
///
/// **Properties.**
/// - `score(x, x) == 0`; symmetric; in [0, 4]; lower is more similar.
/// - Invariant to positive scaling of either argument (not to shifts).
/// - `score(x, -x) = 4 · mean(x_i²) / max|x|²`.
public struct NormalizedMSE: SimilarityMetric {
  /// `"nmse"`.
  public static let identifier = "nmse"
  /// Lower is more similar.
  public static let direction = ScoreDirection.lowerIsMoreSimilar

  /// Creates the metric.
  public init() {}

  /// The normalized mean squared error.
  /// - Parameters:
  ///   - a: The first map.
  ///   - b: The second map, of the same shape.
  /// - Returns: The score in [0, 4], or `nil` for empty maps or maps containing NaN.
  public func score(_ a: Tensor, _ b: Tensor) -> Double? {
    precondition(a.shape == b.shape, "NormalizedMSE: shapes \(a.shape) and \(b.shape) differ")
    let count = a.scalars.count
    guard count > 0 else { return nil }
    return a.withUnsafeBufferPointer { x in
      b.withUnsafeBufferPointer { y in
        let scaleX = Self.inverseMaximumMagnitude(x)
        let scaleY = Self.inverseMaximumMagnitude(y)
        var total = 0.0
        for i in 0..<count {
          let difference = Double(x[i]) * scaleX - Double(y[i]) * scaleY
          total += difference * difference
        }
        let mean = total / Double(count)
        return mean.isNaN ? nil : mean
      }
    }
  }

  /// `1 / max|v|`, or 0 for a map of zeros (which then stays zeros).
  private static func inverseMaximumMagnitude(_ values: UnsafeBufferPointer<Float>) -> Double {
    var largest = 0.0
    for value in values {
      let magnitude = Double(abs(value))
      if magnitude.isNaN { return .nan }
      largest = max(largest, magnitude)
    }
    return largest > 0 ? 1 / largest : 0
  }
}
