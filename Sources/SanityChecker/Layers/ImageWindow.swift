/// A window `[top, H − bottom) × [left, W − right)` of the height and width of
/// `[N, H, W, C]` tensors, with the two copies between the window and the whole image.
struct ImageWindow {
  /// The whole height.
  let height: Int
  /// The whole width.
  let width: Int
  /// Scalars per pixel.
  let channels: Int
  /// Rows before the window.
  let top: Int
  /// Rows after the window.
  let bottom: Int
  /// Columns before the window.
  let left: Int
  /// Columns after the window.
  let right: Int

  /// The window's height.
  var keptHeight: Int { height - top - bottom }
  /// The window's width.
  var keptWidth: Int { width - left - right }

  /// `[N, H, W, C]` → `[N, H − top − bottom, W − left − right, C]`.
  func cropped(_ tensor: Tensor) -> Tensor {
    let batch = tensor.shape[0]
    return Tensor(shape: [batch, keptHeight, keptWidth, channels]) { out in
      tensor.withUnsafeBufferPointer { x in copy(batch, from: x, into: out, isCropping: true) }
    }
  }

  /// `[N, H − top − bottom, W − left − right, C]` → `[N, H, W, C]`, zeros outside the window.
  func padded(_ tensor: Tensor) -> Tensor {
    let batch = tensor.shape[0]
    var result = Tensor(shape: [batch, height, width, channels])
    result.withUnsafeMutableBufferPointer { out in
      tensor.withUnsafeBufferPointer { x in copy(batch, from: x, into: out, isCropping: false) }
    }
    return result
  }

  /// Copies each window row between the whole image and the window.
  private func copy(
    _ batch: Int, from x: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>,
    isCropping: Bool
  ) {
    let rowLength = keptWidth * channels
    for item in 0..<batch {
      for row in 0..<keptHeight {
        let whole = ((item * height + top + row) * width + left) * channels
        let window = (item * keptHeight + row) * rowLength
        for i in 0..<rowLength {
          if isCropping {
            out[window + i] = x[whole + i]
          } else {
            out[whole + i] = x[window + i]
          }
        }
      }
    }
  }
}
