extension Conv1D: IncrementalLocalLayer {
  func preActivation(of input: Tensor) -> [Float] {
    preActivationOutput(input).scalars
  }

  /// `z' = z + Σ_t scatter(ΔX·K[t])`: one `sgemm` `[M·W, C] × [C, O]` per tap on the changes
  /// `ΔX = x' − x`, each row added to the output its tap reaches (legend as in ``Conv1D``).
  func forward(
    change: PositionWindows, original: [Float], preActivation z0: [Float], inputLength: Int,
    outputStarts: [Int],
    outputWidth: Int
  ) -> PositionWindows {
    let axis = axis(inputLength: inputLength)
    let (taps, channels, filters) = (kernelShape[0], kernelShape[1], kernelShape[2])
    let (count, width) = (change.count, change.width)
    let rows = count * width
    let span = width * channels
    let delta = [Float](unsafeUninitializedCapacity: rows * channels) { d, initialized in
      change.values.withUnsafeBufferPointer { values in
        original.withUnsafeBufferPointer { original in
          for m in 0..<count {
            let source = change.starts[m] * channels
            for j in 0..<span { d[m * span + j] = values[m * span + j] - original[source + j] }
          }
        }
      }
      initialized = rows * channels
    }
    var z = [Float]()
    z.reserveCapacity(count * outputWidth * filters)
    for m in 0..<count {
      let from = outputStarts[m] * filters
      z.append(contentsOf: z0[from..<(from + outputWidth * filters)])
    }
    var product = [Float](repeating: 0, count: rows * filters)
    for t in 0..<taps {
      delta.withUnsafeBufferPointer { a in
        kernel.withUnsafeBufferPointer { k in
          product.withUnsafeMutableBufferPointer { c in
            let tap = UnsafeBufferPointer(
              rebasing: k[(t * channels * filters)..<((t + 1) * channels * filters)])
            BLAS.gemm(m: rows, n: filters, k: channels, a: a, b: tap, c: c)
          }
        }
      }
      product.withUnsafeBufferPointer { p in
        z.withUnsafeMutableBufferPointer { z in
          guard let z = z.baseAddress, let p = p.baseAddress else { return }
          for m in 0..<count {
            for j in 0..<width {
              // Output q reads input q·s − pad + t·d; solve for q at p = start + j.
              let numerator = change.starts[m] + j + axis.padBefore - t * axis.dilation
              guard numerator >= 0, numerator % axis.stride == 0 else { continue }
              let local = numerator / axis.stride - outputStarts[m]
              guard local >= 0, local < outputWidth else { continue }
              let target = z + (m * outputWidth + local) * filters
              let source = p + (m * width + j) * filters
              for o in 0..<filters { target[o] += source[o] }
            }
          }
        }
      }
    }
    z.withUnsafeMutableBufferPointer { activation.apply($0, width: filters) }
    return PositionWindows(values: z, starts: outputStarts, width: outputWidth, channels: filters)
  }
}
