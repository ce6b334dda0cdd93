/// Pearson's correlation coefficient over buffers, in `Double`, shared by the metrics.
enum Correlation {
  /// Pearson's r of two equally long series, or `nil` when either has zero variance.
  ///
  /// ```
  /// r = Σ (x_i - x̄)(y_i - ȳ) / sqrt(Σ (x_i - x̄)² · Σ (y_i - ȳ)²)
  /// ```
  /// Two passes (means first) keep the result accurate for maps with a large offset. The
  /// result is clamped to [-1, 1], as scipy does.
  /// - Parameters:
  ///   - x: The first series.
  ///   - y: The second series, as long as `x`.
  /// - Returns: r in [-1, 1], or `nil` for constant series, NaN values or fewer than 2 values.
  static func pearson<Scalar: BinaryFloatingPoint>(
    _ x: UnsafeBufferPointer<Scalar>, _ y: UnsafeBufferPointer<Scalar>
  ) -> Double? {
    let count = x.count
    precondition(count == y.count, "Correlation.pearson: \(count) values vs \(y.count)")
    guard count >= 2 else { return nil }
    var sumX = 0.0
    var sumY = 0.0
    for i in 0..<count {
      sumX += Double(x[i])
      sumY += Double(y[i])
    }
    let meanX = sumX / Double(count)
    let meanY = sumY / Double(count)
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in 0..<count {
      let dx = Double(x[i]) - meanX
      let dy = Double(y[i]) - meanY
      sxy += dx * dy
      sxx += dx * dx
      syy += dy * dy
    }
    guard sxx > 0, syy > 0 else { return nil }
    // sqrt(fl(s·s)) == s in IEEE arithmetic, so score(x, x) is exactly 1.
    let r = sxy / (sxx * syy).squareRoot()
    guard r.isFinite else { return nil }
    return min(1, max(-1, r))
  }
}
