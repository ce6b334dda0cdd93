/// The im2col and col2im kernels that turn a convolution into one matrix product.
///
/// The column matrix has one row per output position and one column per (tap, channel):
///
/// ```
/// columns[(n·OH + oh)·OW + ow, (kh·KW + kw)·C + c]
///   = x[n, oh·sh − pt + kh·dh, ow·sw − pl + kw·dw, c]
/// ```
///
/// with zeros where the input index falls in the padding. This column order matches a Keras
/// kernel `[KH, KW, C, O]` read as a `[KH·KW·C, O]` matrix, so the forward pass is
/// `columns × kernel`. ``accumulate(_:into:_:)`` is the adjoint (col2im): it adds every column
/// entry back to the input position it was copied from and drops the padding.
///
/// Legend for both kernels: `n` item, `oh`/`ow` output row/column, `kh`/`kw` kernel tap,
/// `ih`/`iw` input row/column, `C` channels, `sh`/`sw` strides, `dh`/`dw` dilations,
/// `pt`/`pl` padding before (top/left).
enum Im2Col {
  /// Writes the column matrix of `input`.
  /// - Parameters:
  ///   - input: `[N, H, W, C]`, row-major.
  ///   - columns: `[N·OH·OW, KH·KW·C]`; fully overwritten.
  ///   - geometry: The window geometry.
  static func columns(
    from input: UnsafeBufferPointer<Float>, into columns: UnsafeMutableBufferPointer<Float>,
    _ geometry: WindowGeometry
  ) {
    precondition(
      input.count == geometry.inputCount, "im2col: input \(input.count) != \(geometry.inputCount)")
    let rowWidth = geometry.columnWidth
    precondition(
      columns.count == geometry.outputPositions * rowWidth, "im2col: columns size mismatch")
    guard let x = input.baseAddress, let out = columns.baseAddress else { return }
    let c = geometry.channels
    forEachTap(geometry) { column, pixel, isInside in
      if isInside {
        (out + column).update(from: x + pixel, count: c)
      } else {
        (out + column).update(repeating: 0, count: c)
      }
    }
  }

  /// Adds a column-matrix gradient back onto the input positions (col2im, scatter-add).
  /// - Parameters:
  ///   - columns: `[N·OH·OW, KH·KW·C]`.
  ///   - input: `[N, H, W, C]`; entries are *added to*, so pass zeros for a fresh result.
  ///   - geometry: The window geometry.
  static func accumulate(
    _ columns: UnsafeBufferPointer<Float>, into input: UnsafeMutableBufferPointer<Float>,
    _ geometry: WindowGeometry
  ) {
    precondition(
      input.count == geometry.inputCount, "col2im: input \(input.count) != \(geometry.inputCount)")
    let rowWidth = geometry.columnWidth
    precondition(
      columns.count == geometry.outputPositions * rowWidth, "col2im: columns size mismatch")
    guard let x = input.baseAddress, let source = columns.baseAddress else { return }
    let c = geometry.channels
    forEachTap(geometry) { column, pixel, isInside in
      guard isInside else { return }
      let (target, tap) = (x + pixel, source + column)
      for channel in 0..<c { target[channel] += tap[channel] }
    }
  }

  /// Visits every (output position, kernel tap) pair in column-matrix order, the one loop nest
  /// of both kernels.
  /// - Parameters:
  ///   - geometry: The window geometry.
  ///   - body: Called with the offset of the tap's `C` entries in the column matrix
  ///     (`row·KH·KW·C + (kh·KW + kw)·C`), the offset of the input pixel it reads
  ///     (`((n·H + ih)·W + iw)·C`), and whether that pixel is inside the input (else the offset
  ///     is meaningless: the tap reads padding).
  @inline(__always)
  private static func forEachTap(
    _ geometry: WindowGeometry, _ body: (_ column: Int, _ pixel: Int, _ isInside: Bool) -> Void
  ) {
    let (hAxis, wAxis, c) = (geometry.height, geometry.width, geometry.channels)
    let rowWidth = geometry.columnWidth
    var row = 0
    for n in 0..<geometry.batch {
      let itemBase = n * hAxis.input * wAxis.input * c
      for oh in 0..<hAxis.output {
        let ih0 = oh * hAxis.stride - hAxis.padBefore
        for ow in 0..<wAxis.output {
          let iw0 = ow * wAxis.stride - wAxis.padBefore
          var column = row * rowWidth
          for kh in 0..<hAxis.kernel {
            let ih = ih0 + kh * hAxis.dilation
            let isRowInside = ih >= 0 && ih < hAxis.input
            for kw in 0..<wAxis.kernel {
              let iw = iw0 + kw * wAxis.dilation
              let isInside = isRowInside && iw >= 0 && iw < wAxis.input
              body(column, itemBase + (ih * wAxis.input + iw) * c, isInside)
              column += c
            }
          }
          row += 1
        }
      }
    }
  }
}
