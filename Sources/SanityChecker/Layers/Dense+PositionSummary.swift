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
  /// One `sgemm` per input position `p` multiplies the changes at `p` of the windows that cover
  /// it and change it, `[G_p, C]`, by the `C` kernel rows of `p`, `W[p]`:
  ///
  /// ```
  /// z[m] = z₀ + Σ_p Δx[m, p]·W[p]    (p ascending over window m; rows with Δx[m, p] = 0 skipped)
  /// ```
  ///
  /// Each change meets only its own kernel rows (no zero padding between windows of different
  /// starts is multiplied), and each `W[p]` is read once per call, for all windows at once.
  func forward(
    _ windows: PositionWindows, original: [Float], summary: PositionSummary, length: Int
  ) -> [Float] {
    let (units, channels, width, count) = (
      outputUnits, windows.channels, windows.width, windows.count
    )
    var rows = [Float]()
    rows.reserveCapacity(count * units)
    for _ in 0..<count { rows.append(contentsOf: summary.prefix) }
    guard let lower = windows.starts.min(), let last = windows.starts.max() else { return rows }
    var changes = [Float](repeating: 0, count: count * channels)
    var product = [Float](repeating: 0, count: count * units)
    var members = [Int]()
    members.reserveCapacity(count)
    for position in lower..<(last + width) {
      members.removeAll(keepingCapacity: true)
      windows.values.withUnsafeBufferPointer { values in
        original.withUnsafeBufferPointer { original in
          changes.withUnsafeMutableBufferPointer { changes in
            guard let values = values.baseAddress, let changes = changes.baseAddress,
              let base = original.baseAddress.map({ $0 + position * channels })
            else { return }
            for (m, start) in windows.starts.enumerated()
            where (0..<width).contains(position - start) {
              let from = values + (m * width + position - start) * channels
              let row = changes + members.count * channels
              for c in 0..<channels { row[c] = from[c] - base[c] }
              if !SIMDRows.isZero(row, count: channels) { members.append(m) }
            }
          }
        }
      }
      guard !members.isEmpty else { continue }
      changes.withUnsafeBufferPointer { a in
        kernel.withUnsafeBufferPointer { w in
          product.withUnsafeMutableBufferPointer { c in
            let rowsOfPosition = UnsafeBufferPointer(
              rebasing: w[(position * channels * units)..<((position + 1) * channels * units)])
            BLAS.gemm(m: members.count, n: units, k: channels, a: a, b: rowsOfPosition, c: c)
          }
        }
      }
      rows.withUnsafeMutableBufferPointer { rows in
        product.withUnsafeBufferPointer { product in
          guard let rows = rows.baseAddress, let product = product.baseAddress else { return }
          for (g, m) in members.enumerated() {
            let (target, source) = (rows + m * units, product + g * units)
            for u in 0..<units { target[u] += source[u] }
          }
        }
      }
    }
    rows.withUnsafeMutableBufferPointer { activation.apply($0, width: units) }
    return rows
  }
}
