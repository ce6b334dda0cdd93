import Foundation

extension HOGDescriptor {
  /// The orientation histogram of every whole cell, `[cellRows, cellColumns, orientations]`.
  ///
  /// Mirrors skimage's `_hoghistogram.hog_histograms`: bin edges are single-precision
  /// multiples of `180/B`, a pixel falls in bin `b` when `edge(b) ≤ θ < edge(b+1)` (so a
  /// rounding result of exactly 180° falls in none), and each bin sums its magnitudes in
  /// `Float`, in row-major pixel order, before dividing by the cell's pixel count.
  /// - Parameters:
  ///   - pixels: The map, row-major.
  ///   - rows: The map's height.
  ///   - columns: The map's width.
  /// - Returns: The cell histograms, row-major.
  func cellHistograms(_ pixels: [Double], rows: Int, columns: Int) -> [Double] {
    let cellRows = rows / pixelsPerCell
    let cellColumns = columns / pixelsPerCell
    let binWidth = Float(180.0 / Double(orientations))
    let edges = (0...orientations).map { Double(binWidth * Float($0)) }
    var sums = [Float](repeating: 0, count: cellRows * cellColumns * orientations)
    for row in 0..<(cellRows * pixelsPerCell) {
      for column in 0..<(cellColumns * pixelsPerCell) {
        let gradientRow =
          row == 0 || row == rows - 1
          ? 0 : pixels[(row + 1) * columns + column] - pixels[(row - 1) * columns + column]
        let gradientColumn =
          column == 0 || column == columns - 1
          ? 0 : pixels[row * columns + column + 1] - pixels[row * columns + column - 1]
        let magnitude = hypot(gradientColumn, gradientRow)
        var degrees = fmod(atan2(gradientRow, gradientColumn) * (180 / Double.pi), 180)
        if degrees < 0 { degrees += 180 }
        guard let bin = Self.bin(of: degrees, edges: edges) else { continue }
        let cell = (row / pixelsPerCell) * cellColumns + column / pixelsPerCell
        let at = cell * orientations + bin
        sums[at] = Float(Double(sums[at]) + magnitude)
      }
    }
    let area = Float(pixelsPerCell * pixelsPerCell)
    return sums.map { Double($0 / area) }
  }

  /// The bin `b` with `edges[b] ≤ degrees < edges[b + 1]`, or `nil` when there is none.
  static func bin(of degrees: Double, edges: [Double]) -> Int? {
    let count = edges.count - 1
    guard degrees >= edges[0], degrees < edges[count] else { return nil }
    var bin = min(count - 1, max(0, Int(degrees / edges[1])))
    while degrees < edges[bin] { bin -= 1 }
    while degrees >= edges[bin + 1] { bin += 1 }
    return bin
  }
}
