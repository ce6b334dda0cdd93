/// The elementwise pieces of the ε-LRP z-rule, shared by every linear layer.
///
/// For a linear layer `z = W x + b`, the rule is `R_in = x ⊙ Wᵀ(R_out / (z + ε·sign z))`
/// with `sign(0) = +1`, as zennit 0.5.1's `Epsilon` rule computes it.
enum EpsilonLRP {
  /// `R / (z + ε·sign z)`, elementwise, with `sign(0) = +1`.
  static func stabilizedRatio(_ relevance: Tensor, _ z: Tensor, epsilon: Float) -> Tensor {
    Tensor(shape: relevance.shape) { out in
      relevance.withUnsafeBufferPointer { r in
        z.withUnsafeBufferPointer { z in
          for i in 0..<r.count {
            let denominator = z[i] + (z[i] >= 0 ? epsilon : -epsilon)
            out[i] = denominator == 0 ? 0 : r[i] / denominator
          }
        }
      }
    }
  }

  /// `a ⊙ b`, elementwise.
  static func times(_ a: Tensor, _ b: Tensor) -> Tensor {
    precondition(a.shape == b.shape, "EpsilonLRP.times: \(a.shape) != \(b.shape)")
    return Tensor(shape: a.shape) { out in
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          for i in 0..<a.count { out[i] = a[i] * b[i] }
        }
      }
    }
  }
}
