extension SSIM {
  /// The mean of the SSIM map over the window positions inside a `rows × columns` map.
  ///
  /// Separable: a horizontal pass filters the five statistics `x, y, x², y², x·y` over each
  /// row, then a vertical pass finishes each window. Only the positions whose window lies
  /// inside the map are computed, which is exactly skimage's cropped region, so no boundary
  /// mode is involved.
  /// - Parameters:
  ///   - x: The first scaled map, row-major, `rows · columns` values.
  ///   - y: The second scaled map.
  ///   - rows: The map's height (1 for a signal).
  ///   - columns: The map's width (the length of a signal).
  ///   - rowWeights: Vertical window weights (`[1]` for a signal).
  ///   - columnWeights: Horizontal window weights.
  ///   - covarianceNorm: `NP / (NP - 1)`, the sample-covariance correction.
  /// - Returns: The mean of `S(p)` over the valid positions.
  static func meanSSIM(
    _ x: [Double], _ y: [Double], rows: Int, columns: Int,
    rowWeights: [Double], columnWeights: [Double], covarianceNorm: Double
  ) -> Double {
    let validRows = rows - rowWeights.count + 1
    let validColumns = columns - columnWeights.count + 1
    let planeSize = rows * validColumns
    // Five horizontally filtered planes, one after another: x, y, xx, yy, xy.
    var planes = [Double](repeating: 0, count: 5 * planeSize)
    planes.withUnsafeMutableBufferPointer { planes in
      for row in 0..<rows {
        for column in 0..<validColumns {
          var sums = (0.0, 0.0, 0.0, 0.0, 0.0)
          for (offset, weight) in columnWeights.enumerated() {
            let u = x[row * columns + column + offset]
            let v = y[row * columns + column + offset]
            sums.0 += weight * u
            sums.1 += weight * v
            sums.2 += weight * u * u
            sums.3 += weight * v * v
            sums.4 += weight * u * v
          }
          let at = row * validColumns + column
          planes[at] = sums.0
          planes[planeSize + at] = sums.1
          planes[2 * planeSize + at] = sums.2
          planes[3 * planeSize + at] = sums.3
          planes[4 * planeSize + at] = sums.4
        }
      }
    }
    let c1 = (k1 * 1.0) * (k1 * 1.0)
    let c2 = (k2 * 1.0) * (k2 * 1.0)
    var total = 0.0
    for row in 0..<validRows {
      for column in 0..<validColumns {
        var means = (0.0, 0.0, 0.0, 0.0, 0.0)
        for (offset, weight) in rowWeights.enumerated() {
          let at = (row + offset) * validColumns + column
          means.0 += weight * planes[at]
          means.1 += weight * planes[planeSize + at]
          means.2 += weight * planes[2 * planeSize + at]
          means.3 += weight * planes[3 * planeSize + at]
          means.4 += weight * planes[4 * planeSize + at]
        }
        let (ux, uy) = (means.0, means.1)
        let vx = covarianceNorm * (means.2 - ux * ux)
        let vy = covarianceNorm * (means.3 - uy * uy)
        let vxy = covarianceNorm * (means.4 - ux * uy)
        let numerator = (2 * ux * uy + c1) * (2 * vxy + c2)
        let denominator = (ux * ux + uy * uy + c1) * (vx + vy + c2)
        total += numerator / denominator
      }
    }
    return total / Double(validRows * validColumns)
  }
}
