import SanityChecker
import Testing

/// Deterministic test tensors and finite-difference checks shared by the test targets.
public enum TestSupport {
  /// A tensor of uniform deviates in [low, high), from a fixed seed.
  public static func uniform(_ shape: Shape, seed: UInt64, low: Float = -1, high: Float = 1)
    -> Tensor
  {
    var generator = SeededGenerator(seed: seed)
    return Tensor(
      shape: shape, scalars: (0..<shape.count).map { _ in generator.uniform(low, high) })
  }

  /// ⟨v, f(x)⟩ in Double.
  public static func dot(_ a: Tensor, _ b: Tensor) -> Double {
    zip(a.scalars, b.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
  }

  /// Central finite differences of `⟨v, f(x)⟩` with respect to every scalar of `x`.
  /// - Parameters:
  ///   - x: The point.
  ///   - step: The step h.
  ///   - v: The projection vector, of f's output shape.
  ///   - f: The function.
  /// - Returns: The numerical gradient, of x's shape.
  public static func numericalGradient(
    at x: Tensor, step: Float = 1e-2, projection v: Tensor, _ f: (Tensor) -> Tensor
  ) -> Tensor {
    var gradient = [Float](repeating: 0, count: x.scalars.count)
    for i in 0..<x.scalars.count {
      var plus = x.scalars
      var minus = x.scalars
      plus[i] += step
      minus[i] -= step
      let difference =
        dot(v, f(Tensor(shape: x.shape, scalars: plus)))
        - dot(v, f(Tensor(shape: x.shape, scalars: minus)))
      gradient[i] = Float(difference / (2 * Double(step)))
    }
    return Tensor(shape: x.shape, scalars: gradient)
  }

  /// Expects `actual ≈ expected` within `tolerance × max|expected|`; reports the worst index.
  public static func expectClose(
    _ actual: Tensor, _ expected: Tensor, relativeTolerance tolerance: Float,
    _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      actual.shape == expected.shape, "\(what): shape \(actual.shape) != \(expected.shape)",
      sourceLocation: sourceLocation)
    guard actual.shape == expected.shape else { return }
    var worst = (difference: Float(0), index: 0)
    for i in 0..<actual.scalars.count {
      let difference = abs(actual.scalars[i] - expected.scalars[i])
      if !(difference <= worst.difference) { worst = (difference, i) }
    }
    let scale = max(1e-12, expected.maximumMagnitude)
    #expect(
      worst.difference <= tolerance * scale,
      "\(what): max |difference| \(worst.difference) at flat index \(worst.index) (actual \(actual.scalars[worst.index]), expected \(expected.scalars[worst.index])) exceeds \(tolerance) × \(scale)",
      sourceLocation: sourceLocation)
  }
}
