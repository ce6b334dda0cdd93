import Foundation

/// The Shannon entropy (in nats) of a map's magnitudes, a complexity measure of attributions.
///
/// Two readings of "the distribution of a map" are offered:
/// ```
/// normalizedMagnitudes:  p_i = |a_i| / Σ_j |a_j|,                 H = -Σ p_i ln p_i
/// histogram(bins: B):    p_b = #{i : |a_i| in bin b} / n,          H = -Σ p_b ln p_b
///                        (B equal-width bins over [min|a|, max|a|], as numpy.histogram)
/// ```
/// The first measures how spread the attribution mass is: `ln n` for a uniform map, 0 for a
/// map with one nonzero value. The second is Quantus' `discrete_entropy`, the complexity
/// function of its efficient MPRT (100 bins there), applied to `|a|`: it measures how spread
/// the *values* are, so a uniform map scores 0.
///
/// Reference: efficient MPRT, A. Hedström et al., "Sanity Checks Revisited: An Exploration to
/// Repair the Model Parameter Randomisation Test", XAI in Action workshop, NeurIPS 2023,
/// arXiv:2401.06465. The check compares the entropy of the explanation before and after full
/// randomization.
///
/// **Defaults and deviations.** The default is ``Distribution/normalizedMagnitudes``. A map
/// of zeros has no mass distribution and gives `nil` there; its histogram entropy is 0 (numpy
/// puts a constant map in one bin). A map containing NaN gives `nil` for both.
///
/// **Properties.**
/// - `0 ≤ H ≤ ln n` for normalized magnitudes, `0 ≤ H ≤ ln B` for histograms.
/// - Invariant to scaling the map by any nonzero factor, to negation and to reordering.
public struct DiscreteEntropy: Hashable, Sendable {
  /// Which distribution of the map the entropy is taken of.
  public enum Distribution: Hashable, Sendable {
    /// `p_i = |a_i| / Σ |a_j|`: the map's mass distribution over its positions.
    case normalizedMagnitudes
    /// The fraction of positions whose `|a_i|` falls in each of `bins` equal-width bins.
    case histogram(bins: Int)
  }

  /// The distribution whose entropy is computed.
  public var distribution: Distribution

  /// Creates the measure.
  /// - Parameter distribution: ``Distribution/normalizedMagnitudes`` by default.
  public init(_ distribution: Distribution = .normalizedMagnitudes) {
    if case .histogram(let bins) = distribution {
      precondition(bins >= 1, "DiscreteEntropy: \(bins) bins; expected at least 1")
    }
    self.distribution = distribution
  }

  /// The entropy of the map, in nats.
  /// - Parameter map: The map (any shape; flattened).
  /// - Returns: The entropy, or `nil` for an empty map, a map containing NaN, or (for
  ///   normalized magnitudes) a map of zeros.
  public func entropy(of map: Tensor) -> Double? {
    let magnitudes = map.scalars.map { Double(abs($0)) }
    guard !magnitudes.isEmpty, !magnitudes.contains(where: \.isNaN) else { return nil }
    switch distribution {
    case .normalizedMagnitudes:
      let total = magnitudes.reduce(0, +)
      guard total > 0 else { return nil }
      return Self.shannon(magnitudes, total: total)
    case .histogram(let bins):
      let counts = Self.histogram(magnitudes, bins: bins).map(Double.init)
      return Self.shannon(counts, total: Double(magnitudes.count))
    }
  }

  /// `-Σ (w/total) ln(w/total)` over the positive weights.
  static func shannon(_ weights: [Double], total: Double) -> Double {
    var entropy = 0.0
    for weight in weights where weight > 0 {
      let p = weight / total
      entropy -= p * log(p)
    }
    return max(0, entropy)
  }

  /// Counts per bin, as `numpy.histogram(values, bins)`: equal-width bins over
  /// `[min, max]` (`[v - 0.5, v + 0.5]` for constant values), the last bin closed.
  static func histogram(_ values: [Double], bins: Int) -> [Int] {
    var low = values.min() ?? 0
    var high = values.max() ?? 0
    if low == high {
      low -= 0.5
      high += 0.5
    }
    // numpy.linspace: start + i·step, with the last edge set to `high` exactly.
    let step = (high - low) / Double(bins)
    let edges = (0...bins).map { $0 == bins ? high : low + Double($0) * step }
    var counts = [Int](repeating: 0, count: bins)
    for value in values {
      var bin = min(bins - 1, Int((value - low) / (high - low) * Double(bins)))
      if value < edges[bin] { bin -= 1 }
      if bin < bins - 1 && value >= edges[bin + 1] { bin += 1 }
      counts[bin] += 1
    }
    return counts
  }
}
