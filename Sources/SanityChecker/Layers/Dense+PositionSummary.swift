extension Dense: PositionSummaryLayer {
  /// The original pre-activation `z₀ = flat(x)·W + b` (kept in `prefix`) and `activation(z₀)`.
  func summary(of input: [Float], length: Int, channels: Int) -> PositionSummary {
    let z = preActivation(Tensor(shape: [1, input.count], scalars: input)).scalars
    var output = z
    output.withUnsafeMutableBufferPointer { activation.apply($0, width: outputUnits) }
    return PositionSummary(output: output, prefix: z)
  }

  /// `activation(z₀ + Σ_{p in window} (x'[p] − x[p])·W[p])`, the input read flattened `[L·C]`.
  ///
  /// Windows are taken in groups whose union spans at most twice a window, so one `sgemm` per
  /// group multiplies `[G, U·C]` changes by the `U·C` kernel rows they touch.
  func forward(
    _ windows: PositionWindows, original: [Float], summary: PositionSummary, length: Int
  ) -> [Float] {
    let (units, channels, width) = (outputUnits, windows.channels, windows.width)
    var rows = [Float](repeating: 0, count: windows.count * units)
    var first = 0
    while first < windows.count {
      var (lower, upper, end) = (windows.starts[first], windows.starts[first] + width, first + 1)
      while end < windows.count {
        let (start, stop) = (
          min(lower, windows.starts[end]), max(upper, windows.starts[end] + width)
        )
        guard stop - start <= 2 * width else { break }
        (lower, upper, end) = (start, stop, end + 1)
      }
      let (group, span) = (end - first, (upper - lower) * channels)
      var changes = [Float](repeating: 0, count: group * span)
      for g in 0..<group {
        let m = first + g
        let offset = (windows.starts[m] - lower) * channels
        let source = windows.starts[m] * channels
        for j in 0..<(width * channels) {
          changes[g * span + offset + j] =
            windows.values[m * width * channels + j] - original[source + j]
        }
      }
      for g in 0..<group {
        for u in 0..<units { rows[(first + g) * units + u] = summary.prefix[u] }
      }
      rows.withUnsafeMutableBufferPointer { rows in
        changes.withUnsafeBufferPointer { a in
          kernel.withUnsafeBufferPointer { w in
            let touched = UnsafeBufferPointer(
              rebasing: w[(lower * channels * units)..<(upper * channels * units)])
            let target = UnsafeMutableBufferPointer(rebasing: rows[(first * units)..<(end * units)])
            BLAS.gemm(m: group, n: units, k: span, a: a, b: touched, beta: 1, c: target)
          }
        }
      }
      first = end
    }
    rows.withUnsafeMutableBufferPointer { activation.apply($0, width: units) }
    return rows
  }
}
