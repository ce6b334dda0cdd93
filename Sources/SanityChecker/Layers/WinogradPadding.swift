/// The zero-padded input of a ``WinogradPlane``: every 4×4 tile of the plane read without bounds
/// checks.
///
/// The padded item is `(2·TR + 2) × (2·TC + 2)` positions (`TR`, `TC`: tile rows and columns),
/// with input `(h, w)` at `(h + padTop, w + padLeft)` and zeros elsewhere (inputs beyond the
/// last tile are dropped). An input that already has this form (no padding before, no tile
/// past its end) is used as it is.
struct WinogradPadding: Sendable {
  /// The plane.
  let plane: WinogradPlane
  /// Padded rows per item.
  let height: Int
  /// Padded columns per item.
  let width: Int

  /// The padded extents of a plane.
  /// - Parameter plane: The plane.
  init(_ plane: WinogradPlane) {
    self.plane = plane
    self.height = 2 * plane.tileRows + 2
    self.width = 2 * plane.tileColumns + 2
  }

  /// Whether the input can be read as it is: no padding before and exactly the tiles' extent
  /// (a wider input would need its own row stride).
  private var isIdentity: Bool {
    plane.padTop == 0 && plane.padLeft == 0 && plane.height == height && plane.width == width
  }

  /// Calls `body` with the padded batch `[N, 2·TR + 2, 2·TC + 2, C]`.
  /// - Parameters:
  ///   - input: `[N, H, W, C]`.
  ///   - c: The channels, `C`.
  ///   - body: Reads the padded batch.
  func withTiles(
    _ input: UnsafeBufferPointer<Float>, channels c: Int, _ body: (UnsafePointer<Float>) -> Void
  ) {
    guard let x = input.baseAddress else { return }
    if isIdentity { return body(x) }
    let (batch, inputHeight, inputWidth) = (plane.batch, plane.height, plane.width)
    let (height, width) = (height, width)
    let count = batch * height * width * c
    WinogradScratch.with(count: count) { target in
      target.update(repeating: 0, count: count)
      // Input columns that land inside the padded row.
      let firstColumn = max(0, -plane.padLeft)
      let lastColumn = min(inputWidth, width - plane.padLeft)
      let rowCount = (lastColumn - firstColumn) * c
      for n in 0..<batch {
        for h in 0..<inputHeight {
          let row = h + plane.padTop
          guard row >= 0, row < height, rowCount > 0 else { continue }
          let source = x + ((n * inputHeight + h) * inputWidth + firstColumn) * c
          let destination = target + ((n * height + row) * width + firstColumn + plane.padLeft) * c
          destination.update(from: source, count: rowCount)
        }
      }
      body(UnsafePointer(target))
    }
  }
}
