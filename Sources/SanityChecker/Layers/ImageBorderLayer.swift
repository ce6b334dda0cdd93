/// A layer that removes or adds rows and columns at the four borders of an image
/// (``Cropping2D``, ``ZeroPadding2D``): both move pixels between a whole image and the window
/// `[top, H − bottom) × [left, W − right)` of it.
protocol ImageBorderLayer: Layer {
  /// Rows at the top.
  var top: Int { get }
  /// Rows at the bottom.
  var bottom: Int { get }
  /// Columns at the left.
  var left: Int { get }
  /// Columns at the right.
  var right: Int { get }
}

extension ImageBorderLayer {
  /// Traps unless every border is ≥ 0 (a programmer error; the model readers check first).
  /// - Parameters:
  ///   - name: The layer's name, for the message.
  ///   - noun: What the borders are (`cropping`, `padding`), for the message.
  ///   - borders: `top`, `bottom`, `left` and `right`.
  static func checkBorders(
    name: String, noun: String, _ borders: (top: Int, bottom: Int, left: Int, right: Int)
  ) {
    let (top, bottom, left, right) = borders
    precondition(
      min(top, bottom, left, right) >= 0,
      "\(Self.self) '\(name)': negative \(noun) \(top), \(bottom), \(left), \(right)")
  }

  /// The window of the layer's borders in a whole image of `height` × `width`.
  /// - Parameters:
  ///   - height: The whole image's height.
  ///   - width: The whole image's width.
  ///   - channels: Scalars per pixel.
  /// - Returns: The window between the whole image and the kept (or original) pixels.
  func window(height: Int, width: Int, channels: Int) -> ImageWindow {
    ImageWindow(
      height: height, width: width, channels: channels, top: top, bottom: bottom, left: left,
      right: right)
  }
}
