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
          guard let rBase = r.baseAddress, let zBase = z.baseAddress, let outBase = out.baseAddress
          else { return }
          let (source, pre, target) = (
            UnsafeRawPointer(rBase), UnsafeRawPointer(zBase), UnsafeMutableRawPointer(outBase)
          )
          var i = 0
          while i + 8 <= r.count {
            let zi = pre.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            var denominator = zi
            denominator += SIMD8(repeating: -epsilon).replacing(with: epsilon, where: zi .>= 0)
            var ratio =
              source.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) / denominator
            ratio.replace(with: 0, where: denominator .== 0)
            target.storeBytes(of: ratio, toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
          }
          while i < r.count {
            let denominator = z[i] + (z[i] >= 0 ? epsilon : -epsilon)
            out[i] = denominator == 0 ? 0 : r[i] / denominator
            i += 1
          }
        }
      }
    }
  }

  /// `a ⊙ b`, elementwise.
  static func times(_ a: Tensor, _ b: Tensor) -> Tensor { a.multiplied(by: b) }
}
