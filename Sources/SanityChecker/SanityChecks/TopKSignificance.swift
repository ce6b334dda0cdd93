import Foundation

/// The exact one-sided test of top-k-in-motif against chance, and Holm's correction across
/// methods.
///
/// ```
/// per item i:  h_i = |top_k ∩ planted|,  under H0 h_i ~ Hypergeometric(L_i, m_i, k_i)
///              (the k_i top positions are k_i distinct positions drawn uniformly from L_i,
///               m_i of which are planted)
/// H = Σ_i h_i;  p = P(H ≥ H_observed) under H0, items independent
/// ```
/// The null distribution of H is the convolution of the items' hypergeometric distributions,
/// computed exactly (no normal approximation): this is the permutation test over positions,
/// evaluated analytically. It is exact where a binomial test with p = m/L is conservative (drawing
/// without replacement varies less). Holm's step-down correction (Holm 1979, *Scand. J. Stat.*
/// 6:65) then controls the family-wise error over the methods of one comparison:
/// ```
/// p_(1) ≤ … ≤ p_(n):  p̃_(j) = max_{i ≤ j} min(1, (n − i + 1) · p_(i))
/// ```
/// **Defaults.** Significance level 0.01 after correction. Probabilities below 1e-300 are
/// dropped from the convolution's tails; a p-value that small is written as 0.
public enum TopKSignificance {
  /// One item's draw: L positions, m planted, k top positions, h of them planted.
  public struct Draw: Hashable, Codable, Sendable {
    /// The number of positions L.
    public var length: Int
    /// The number of planted positions m.
    public var planted: Int
    /// The number of top positions k.
    public var k: Int
    /// The planted positions among the top k.
    public var hits: Int

    /// Creates a draw.
    /// - Parameters:
    ///   - length: L.
    ///   - planted: m.
    ///   - k: k.
    ///   - hits: h.
    public init(length: Int, planted: Int, k: Int, hits: Int) {
      self.length = length
      self.planted = planted
      self.k = k
      self.hits = hits
    }
  }

  /// The significance level after correction.
  public static let level = 0.01

  /// The one-sided p-value P(H ≥ Σ h_i) of the items' draws.
  /// - Parameter draws: One per item with a defined recovery.
  /// - Returns: The p-value, NaN without draws.
  public static func pValue(_ draws: [Draw]) -> Double {
    guard !draws.isEmpty else { return .nan }
    var distribution = [1.0]
    var offset = 0
    for draw in draws {
      let pmf = hypergeometric(draw)
      var next = [Double](repeating: 0, count: distribution.count + pmf.count - 1)
      for (i, a) in distribution.enumerated() where a > 0 {
        for (j, b) in pmf.enumerated() { next[i + j] += a * b }
      }
      // Drop the tails' underflowing ends so the support grows like the spread, not like Σ k.
      let first = next.firstIndex { $0 > 1e-300 } ?? 0
      let last = next.lastIndex { $0 > 1e-300 } ?? (next.count - 1)
      distribution = Array(next[first...last])
      offset += first
    }
    let observed = draws.reduce(0) { $0 + $1.hits }
    let start = observed - offset
    guard start < distribution.count else { return 0 }
    return min(1, distribution[max(0, start)...].reduce(0, +))
  }

  /// P(h) for h = 0 … min(k, m) of one draw.
  static func hypergeometric(_ draw: Draw) -> [Double] {
    let (length, planted) = (draw.length, min(draw.planted, draw.length))
    let k = min(draw.k, length)
    guard k > 0 else { return [1] }
    let total = logChoose(length, k)
    return (0...min(k, planted)).map { h in
      guard k - h <= length - planted else { return 0 }
      return exp(logChoose(planted, h) + logChoose(length - planted, k - h) - total)
    }
  }

  /// log C(n, k).
  static func logChoose(_ n: Int, _ k: Int) -> Double {
    lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
  }

  /// Holm's adjusted p-values, in the input's order (NaN stays NaN and is not counted).
  /// - Parameter pValues: The family's p-values.
  /// - Returns: The adjusted p-values.
  public static func holm(_ pValues: [Double]) -> [Double] {
    let defined = pValues.indices.filter { !pValues[$0].isNaN }.sorted { pValues[$0] < pValues[$1] }
    var adjusted = pValues
    var running = 0.0
    for (rank, index) in defined.enumerated() {
      running = max(running, min(1, Double(defined.count - rank) * pValues[index]))
      adjusted[index] = running
    }
    return adjusted
  }
}
