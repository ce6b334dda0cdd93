/// Adds rows and columns of zeros around an image, as Keras `ZeroPadding2D` (and an ONNX `Pad`
/// along the height and width with constant 0).
///
/// Shapes: input `[N, H, W, C]`, output `[N, top + H + bottom, left + W + right, C]`.
///
/// Backward under every rule (gradient, Guided Backprop, DeconvNet, ε-LRP): the signal at the
/// original pixels (the padding has no input to receive a signal). Padding only moves values,
/// so ε-LRP conserves the relevance that reaches original pixels and DeepLIFT multipliers pass
/// as the gradient (the step is linear).
public struct ZeroPadding2D: Layer, ImageBorderLayer {
  /// The layer's name.
  public var name: String
  /// Rows added at the top.
  public var top: Int
  /// Rows added at the bottom.
  public var bottom: Int
  /// Columns added at the left.
  public var left: Int
  /// Columns added at the right.
  public var right: Int

  /// Creates a padding layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - top: Rows added at the top (≥ 0).
  ///   - bottom: Rows added at the bottom (≥ 0).
  ///   - left: Columns added at the left (≥ 0).
  ///   - right: Columns added at the right (≥ 0).
  public init(name: String, top: Int, bottom: Int, left: Int, right: Int) {
    Self.checkBorders(name: name, noun: "padding", (top, bottom, left, right))
    self.name = name
    self.top = top
    self.bottom = bottom
    self.left = left
    self.right = right
  }

  /// `[top + H + bottom, left + W + right, C]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` unless the input is
  ///   `[H, W, C]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input.rank == 3 else {
      throw .shapeMismatch(layer: name, expected: "[H, W, C]", actual: input)
    }
    return [top + input[0] + bottom, left + input[1] + right, input[2]]
  }

  /// The input between zero rows and columns.
  public func forward(_ input: Tensor) -> Tensor {
    window(
      height: input.shape[1] + top + bottom, width: input.shape[2] + left + right,
      channels: input.shape[3]
    ).padded(input)
  }

  /// The signal at the original pixels (every rule).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return window(height: output.shape[1], width: output.shape[2], channels: output.shape[3])
        .cropped(signal)
    }
  }
}
