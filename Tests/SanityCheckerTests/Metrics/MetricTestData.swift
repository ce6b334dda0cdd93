import SanityChecker

/// Deterministic maps whose values Python reproduces bit for bit (integer arithmetic, one
/// single-precision division), so reference values can be computed with scipy/skimage.
enum MetricTestData {
  /// `Float((i·multiplier + offset) mod modulus) / modulus - 0.5` for i in 0..<count, which is
  /// numpy's `((i*m + o) % n).astype(float32) / float32(n) - float32(0.5)`.
  static func pattern(_ count: Int, multiplier: Int, offset: Int, modulus: Int) -> [Float] {
    (0..<count).map { Float(($0 * multiplier + offset) % modulus) / Float(modulus) - 0.5 }
  }

  /// The pair used by the hand-checked references: `a` and `b = pattern' + 0.3·a`.
  static func pair(_ count: Int) -> (a: [Float], b: [Float]) {
    let a = pattern(count, multiplier: 7919, offset: 0, modulus: 101)
    let noise = pattern(count, multiplier: 104_729, offset: 13, modulus: 97)
    return (a, zip(noise, a).map { $0 + Float(0.3) * $1 })
  }

  /// The pair of length 45 as tensors of the given shape.
  static func tensors(_ shape: Shape) -> (a: Tensor, b: Tensor) {
    let (a, b) = pair(shape.count)
    return (Tensor(shape: shape, scalars: a), Tensor(shape: shape, scalars: b))
  }
}
