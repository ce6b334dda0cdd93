import Foundation

/// Histogram-of-oriented-gradients (HOG) features of a 2-D map, as `skimage.feature.hog`.
///
/// For a `rows × columns` map `x`:
/// ```
/// g_row[r, c] = x[r+1, c] - x[r-1, c]     (0 on the first and last row)
/// g_col[r, c] = x[r, c+1] - x[r, c-1]     (0 on the first and last column)
/// magnitude   = hypot(g_col, g_row)
/// orientation = degrees(atan2(g_row, g_col)) mod 180          (unsigned gradients)
/// cell histogram[bin] = Σ magnitude over the cell's pixels whose orientation is in the
///                       bin [bin·180/B, (bin+1)·180/B), divided by the cell's pixel count
/// block = the cellsPerBlock² neighbouring cell histograms, L2-Hys normalized:
///         v ← v / sqrt(|v|² + ε²);  v ← min(v, 0.2);  v ← v / sqrt(|v|² + ε²),  ε = 1e-5
/// features = every block (stride one cell), row-major: block row, block column,
///            cell row, cell column, bin
/// ```
/// Reference: N. Dalal and B. Triggs, "Histograms of Oriented Gradients for Human Detection",
/// CVPR 2005, doi:10.1109/CVPR.2005.177. Adebayo et al. (arXiv:1810.03292) compare saliency
/// maps through their HOG features.
///
/// **Defaults and deviations.** The defaults are skimage's: 9 orientations, 8 × 8 pixels per
/// cell, 3 × 3 cells per block, `block_norm="L2-Hys"`, no square-root transform. As skimage,
/// each pixel votes into one bin (no interpolation between bins or cells), pixels beyond the
/// last whole cell are ignored, and cell sums are accumulated in single precision. Cells are
/// square here (skimage also allows rectangles).
///
/// **Properties.**
/// - Gradients remove constant offsets; L2-Hys removes positive scale (up to `ε`).
/// - Orientations are taken modulo 180°, so a map and its negation have the same features.
/// - Agrees with skimage 0.26 to about 1e-12 (tested on MNIST saliency maps).
public struct HOGDescriptor: Hashable, Sendable {
  /// The number of orientation bins over [0°, 180°).
  public var orientations: Int
  /// The side of a square cell, in pixels.
  public var pixelsPerCell: Int
  /// The side of a square block, in cells.
  public var cellsPerBlock: Int

  /// Creates a descriptor (skimage's defaults unless given).
  /// - Parameters:
  ///   - orientations: Orientation bins, at least 1 (9).
  ///   - pixelsPerCell: Cell side in pixels, at least 1 (8).
  ///   - cellsPerBlock: Block side in cells, at least 1 (3).
  public init(orientations: Int = 9, pixelsPerCell: Int = 8, cellsPerBlock: Int = 3) {
    precondition(
      orientations >= 1 && pixelsPerCell >= 1 && cellsPerBlock >= 1,
      "HOGDescriptor: orientations \(orientations), pixelsPerCell \(pixelsPerCell) and "
        + "cellsPerBlock \(cellsPerBlock) must all be at least 1")
    self.orientations = orientations
    self.pixelsPerCell = pixelsPerCell
    self.cellsPerBlock = cellsPerBlock
  }

  /// The HOG features of a map of shape `[H, W]` or `[H, W, 1]`, used as it is (not rescaled).
  /// - Parameter map: The map.
  /// - Returns: The features, or `nil` when the map is smaller than one block or not 2-D.
  public func features(of map: Tensor) -> [Double]? {
    guard let extents = MapGeometry.spatialExtents(of: map.shape), extents.count == 2 else {
      return nil
    }
    return features(of: map.scalars.map { Double($0) }, rows: extents[0], columns: extents[1])
  }

  /// The HOG features of a row-major `rows × columns` map.
  /// - Parameters:
  ///   - pixels: `rows · columns` values, row-major.
  ///   - rows: The map's height.
  ///   - columns: The map's width.
  /// - Returns: The features, or `nil` when the map is smaller than one block.
  public func features(of pixels: [Double], rows: Int, columns: Int) -> [Double]? {
    precondition(
      pixels.count == rows * columns,
      "HOGDescriptor: \(pixels.count) pixels for \(rows) × \(columns)")
    let cellRows = rows / pixelsPerCell
    let cellColumns = columns / pixelsPerCell
    let blockRows = cellRows - cellsPerBlock + 1
    let blockColumns = cellColumns - cellsPerBlock + 1
    guard blockRows > 0, blockColumns > 0 else { return nil }
    let histogram = cellHistograms(pixels, rows: rows, columns: columns)
    let blockLength = cellsPerBlock * cellsPerBlock * orientations
    var features = [Double](repeating: 0, count: blockRows * blockColumns * blockLength)
    var block = [Double](repeating: 0, count: blockLength)
    for blockRow in 0..<blockRows {
      for blockColumn in 0..<blockColumns {
        var at = 0
        for cellRow in blockRow..<(blockRow + cellsPerBlock) {
          for cellColumn in blockColumn..<(blockColumn + cellsPerBlock) {
            let cell = (cellRow * cellColumns + cellColumn) * orientations
            for bin in 0..<orientations {
              block[at] = histogram[cell + bin]
              at += 1
            }
          }
        }
        Self.normalizeL2Hys(&block)
        let offset = (blockRow * blockColumns + blockColumn) * blockLength
        features.replaceSubrange(offset..<(offset + blockLength), with: block)
      }
    }
    return features
  }

  /// L2-Hys block normalization: L2, clip at 0.2, L2 again (`ε = 1e-5`).
  static func normalizeL2Hys(_ block: inout [Double]) {
    let epsilonSquared = 1e-5 * 1e-5
    let norm = (block.reduce(0) { $0 + $1 * $1 } + epsilonSquared).squareRoot()
    for i in block.indices { block[i] = min(block[i] / norm, 0.2) }
    let clippedNorm = (block.reduce(0) { $0 + $1 * $1 } + epsilonSquared).squareRoot()
    for i in block.indices { block[i] /= clippedNorm }
  }
}
