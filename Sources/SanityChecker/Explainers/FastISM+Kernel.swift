extension FastISM {
  /// Per-sequence workspace, allocated once per chunk.
  struct Scratch {
    var z: [Float]  // [P, F] pre-activations
    var prefix: [Float]  // [P + 1, F] max (or sum) of activations before q
    var suffix: [Float]  // [P + 1, F] max (or sum) of activations from q on
    var old: [Float]  // [K, F] the observed column's contribution per tap

    init(positions: Int, filters: Int, width: Int) {
      z = [Float](repeating: 0, count: positions * filters)
      prefix = [Float](repeating: 0, count: (positions + 1) * filters)
      suffix = [Float](repeating: 0, count: (positions + 1) * filters)
      old = [Float](repeating: 0, count: width * filters)
    }
  }

  /// Writes the pooled vector of every mutant (`L·4` rows) and of the original (last row).
  ///
  /// Legend: P output positions, F filters, K kernel width, l input position, q output position,
  /// k = l + padBefore − q the kernel tap that sees l from q.
  func pooledMutants(x: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>, scratch: inout Scratch) {
    let (P, F, K) = (positions, filters, kernelWidth)
    let isMax = pooling == .maximum
    let identity: Float = isMax ? -.infinity : 0
    kernel.withUnsafeBufferPointer { w in
      scratch.z.withUnsafeMutableBufferPointer { z in
        // Pre-activations z[q, f] = bias[f] + Σ_k Σ_c x[q + k − pad, c] · w[k, c, f].
        for q in 0..<P {
          for f in 0..<F { z[q * F + f] = bias[f] }
          for k in 0..<K {
            let l = q + k - padBefore
            guard l >= 0, l < length else { continue }
            for c in 0..<4 {
              let value = x[l * 4 + c]
              if value == 0 { continue }
              let row = (k * 4 + c) * F
              for f in 0..<F { z[q * F + f] += value * w[row + f] }
            }
          }
        }
        scratch.prefix.withUnsafeMutableBufferPointer { prefix in
          scratch.suffix.withUnsafeMutableBufferPointer { suffix in
            for f in 0..<F {
              prefix[f] = identity
              suffix[P * F + f] = identity
            }
            for q in 0..<P {
              for f in 0..<F {
                let a = activate(z[q * F + f])
                prefix[(q + 1) * F + f] = isMax ? max(prefix[q * F + f], a) : prefix[q * F + f] + a
              }
            }
            for q in stride(from: P - 1, through: 0, by: -1) {
              for f in 0..<F {
                let a = activate(z[q * F + f])
                suffix[q * F + f] = isMax ? max(suffix[(q + 1) * F + f], a) : suffix[(q + 1) * F + f] + a
              }
            }
            let scale: Float = isMax ? 1 : 1 / Float(P)
            let originalRow = length * 4 * F
            for f in 0..<F { out[originalRow + f] = prefix[P * F + f] * scale }
            scratch.old.withUnsafeMutableBufferPointer { old in
              for l in 0..<length {
                let first = max(0, l + padBefore - (K - 1))
                let last = min(P - 1, l + padBefore)
                for k in 0..<K {
                  for f in 0..<F {
                    var contribution: Float = 0
                    for c in 0..<4 { contribution += x[l * 4 + c] * w[(k * 4 + c) * F + f] }
                    old[k * F + f] = contribution
                  }
                }
                for base in 0..<4 {
                  let row = (l * 4 + base) * F
                  guard first <= last else {
                    for f in 0..<F { out[row + f] = out[originalRow + f] }
                    continue
                  }
                  for f in 0..<F {
                    out[row + f] = isMax ? max(prefix[first * F + f], suffix[(last + 1) * F + f])
                      : prefix[first * F + f] + suffix[(last + 1) * F + f]
                  }
                  for q in first...last {
                    let k = l + padBefore - q
                    let column = (k * 4 + base) * F
                    for f in 0..<F {
                      let a = activate(z[q * F + f] + w[column + f] - old[k * F + f])
                      out[row + f] = isMax ? max(out[row + f], a) : out[row + f] + a
                    }
                  }
                  if !isMax { for f in 0..<F { out[row + f] *= scale } }
                }
              }
            }
          }
        }
      }
    }
  }

  @inline(__always) private func activate(_ z: Float) -> Float {
    isRectified ? max(z, 0) : z
  }
}
