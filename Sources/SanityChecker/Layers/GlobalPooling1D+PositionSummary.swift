extension GlobalMaxPooling1D: PositionSummaryLayer {
  /// Prefix and suffix maxima: `prefix[q] = max_{p < q} x[p]`, `suffix[q] = max_{p ≥ q} x[p]`.
  func summary(of input: [Float], length: Int, channels: Int) -> PositionSummary {
    PositionSummary.scanned(input, length: length, channels: channels, isMaximum: true)
  }

  /// `max(prefix[s], suffix[s + W], max of the window)`: exact, as max is order-free.
  func forward(
    _ windows: PositionWindows, original: [Float], summary: PositionSummary, length: Int
  ) -> [Float] {
    summary.reduced(windows, length: length, isMaximum: true)
  }
}

extension GlobalAveragePooling1D: PositionSummaryLayer {
  /// Prefix and suffix sums.
  func summary(of input: [Float], length: Int, channels: Int) -> PositionSummary {
    PositionSummary.scanned(input, length: length, channels: channels, isMaximum: false)
  }

  /// `(prefix[s] + suffix[s + W] + Σ window) / L`.
  func forward(
    _ windows: PositionWindows, original: [Float], summary: PositionSummary, length: Int
  ) -> [Float] {
    summary.reduced(windows, length: length, isMaximum: false)
  }
}

extension PositionSummary {
  /// Prefix and suffix maxima (or sums) of `[L, C]`, and the whole reduction as the output.
  static func scanned(_ input: [Float], length: Int, channels: Int, isMaximum: Bool)
    -> PositionSummary
  {
    let identity: Float = isMaximum ? -.infinity : 0
    var prefix = [Float](repeating: identity, count: (length + 1) * channels)
    var suffix = [Float](repeating: identity, count: (length + 1) * channels)
    for p in 0..<length {
      for c in 0..<channels {
        let (old, value) = (prefix[p * channels + c], input[p * channels + c])
        prefix[(p + 1) * channels + c] = isMaximum ? max(old, value) : old + value
      }
    }
    for p in stride(from: length - 1, through: 0, by: -1) {
      for c in 0..<channels {
        let (old, value) = (suffix[(p + 1) * channels + c], input[p * channels + c])
        suffix[p * channels + c] = isMaximum ? max(old, value) : old + value
      }
    }
    let scale: Float = isMaximum ? 1 : 1 / Float(length)
    let output = (0..<channels).map { prefix[length * channels + $0] * scale }
    return PositionSummary(output: output, prefix: prefix, suffix: suffix)
  }

  /// Each window combined with the reductions before and after it.
  func reduced(_ windows: PositionWindows, length: Int, isMaximum: Bool) -> [Float] {
    let channels = windows.channels
    let scale: Float = isMaximum ? 1 : 1 / Float(length)
    var rows = [Float](repeating: 0, count: windows.count * channels)
    for m in 0..<windows.count {
      let (start, end) = (windows.starts[m], windows.starts[m] + windows.width)
      for c in 0..<channels {
        let (before, after) = (prefix[start * channels + c], suffix[end * channels + c])
        var value = isMaximum ? max(before, after) : before + after
        for j in 0..<windows.width {
          let x = windows.values[(m * windows.width + j) * channels + c]
          value = isMaximum ? max(value, x) : value + x
        }
        rows[m * channels + c] = value * scale
      }
    }
    return rows
  }
}
