/// Removes rows and columns from the borders of an image, as Keras `Cropping2D` (and an ONNX
/// `Slice` along the height and width).
///
/// Shapes: input `[N, H, W, C]`, output `[N, H − top − bottom, W − left − right, C]`.
///
/// Backward under every rule (gradient, Guided Backprop, DeconvNet, ε-LRP): the signal is put
/// back at the kept pixels and the cropped ones get 0, since they do not reach the output.
/// Cropping only moves values, so ε-LRP conserves relevance and DeepLIFT multipliers pass as
/// the gradient (the step is linear).
public struct Cropping2D: Layer, ImageBorderLayer {
  /// The layer's name.
  public var name: String
  /// Rows removed at the top.
  public var top: Int
  /// Rows removed at the bottom.
  public var bottom: Int
  /// Columns removed at the left.
  public var left: Int
  /// Columns removed at the right.
  public var right: Int

  /// Creates a cropping layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - top: Rows removed at the top (≥ 0).
  ///   - bottom: Rows removed at the bottom (≥ 0).
  ///   - left: Columns removed at the left (≥ 0).
  ///   - right: Columns removed at the right (≥ 0).
  public init(name: String, top: Int, bottom: Int, left: Int, right: Int) {
    Self.checkBorders(name: name, noun: "cropping", (top, bottom, left, right))
    self.name = name
    self.top = top
    self.bottom = bottom
    self.left = left
    self.right = right
  }

  /// `[H − top − bottom, W − left − right, C]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` unless the input is
  ///   `[H, W, C]` with something left after cropping.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input.rank == 3, input[0] > top + bottom, input[1] > left + right else {
      throw .shapeMismatch(
        layer: name, expected: "[H, W, C] with H > \(top + bottom), W > \(left + right)",
        actual: input)
    }
    return [input[0] - top - bottom, input[1] - left - right, input[2]]
  }

  /// The kept pixels.
  public func forward(_ input: Tensor) -> Tensor { window(input.shape).cropped(input) }

  /// The signal at the kept pixels, zeros at the cropped ones (every rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return window(input.shape).padded(signal)
    }
  }

  /// The window for an input of `shape` (`[N, H, W, C]`).
  private func window(_ shape: Shape) -> ImageWindow {
    window(height: shape[1], width: shape[2], channels: shape[3])
  }
}
