import Foundation

/// How Integrated Gradients discretizes its path integral over α ∈ [0, 1].
public enum IntegrationRule: String, Hashable, Sendable, CaseIterable {
  /// Captum's `riemann_trapezoid`: α_k = linspace(0, 1, n), w_k = 1/n with the first and last
  /// halved. **Deviation kept for parity:** Σw = 1 − 1/n (0.98 at n = 50), as Captum does.
  case riemannTrapezoid = "riemann-trapezoid"
  /// Captum's default `gausslegendre`: α_k = (1 + t_k)/2, w_k = v_k/2 with Gauss–Legendre nodes t and weights v.
  case gaussLegendre = "gauss-legendre"

  /// The nodes α_k and weights w_k for `steps` points.
  /// - Parameter steps: The number of points (≥ 2 for the trapezoid).
  /// - Returns: Parallel arrays of nodes and weights.
  public func nodes(steps: Int) -> (alphas: [Double], weights: [Double]) {
    switch self {
    case .riemannTrapezoid:
      precondition(steps >= 2, "riemann-trapezoid needs at least 2 steps")
      let alphas = (0..<steps).map { Double($0) / Double(steps - 1) }
      var weights = [Double](repeating: 1 / Double(steps), count: steps)
      weights[0] /= 2
      weights[steps - 1] /= 2
      return (alphas, weights)
    case .gaussLegendre:
      let (points, pointWeights) = Self.legendre(steps)
      return (points.map { (1 + $0) / 2 }, pointWeights.map { $0 / 2 })
    }
  }

  /// Gauss–Legendre nodes (ascending) and weights on [−1, 1], by Newton's method on P_n.
  static func legendre(_ n: Int) -> ([Double], [Double]) {
    var points = [Double](repeating: 0, count: n)
    var weights = [Double](repeating: 0, count: n)
    for i in 0..<((n + 1) / 2) {
      var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
      var derivative = 0.0
      for _ in 0..<100 {
        var (previous, current) = (1.0, x)
        for k in 2...max(2, n) where n >= 2 {
          let next = ((2 * Double(k) - 1) * x * current - (Double(k) - 1) * previous) / Double(k)
          (previous, current) = (current, next)
        }
        if n == 1 { (previous, current) = (1.0, x) }
        derivative = Double(n) * (x * current - previous) / (x * x - 1)
        let step = current / derivative
        x -= step
        if abs(step) < 1e-15 { break }
      }
      points[i] = -x
      points[n - 1 - i] = x
      weights[i] = 2 / ((1 - x * x) * derivative * derivative)
      weights[n - 1 - i] = weights[i]
    }
    return (points, weights)
  }
}
