/// Average pooling over windows of an image, as Keras `AveragePooling2D`.
///
/// Shapes: input `[N, H, W, C]`, output `[N, OH, OW, C]` with `OH`, `OW` from ``Padding``
/// (dilation 1). Windows of `PH × PW` inputs move by `strides`, each channel separately:
///
/// ```
/// y[n, oh, ow, c] = (1/K) · Σ over the real (h, w) of window (oh, ow) of x[n, h, w, c]
/// ```
///
/// `K` counts only real inputs, so with `same` padding the border windows average fewer
/// inputs, as Keras does. Backward: the gradient, Guided Backprop, DeconvNet and ε-LRP with
/// ``PoolingRedistribution/even`` spread `s/K`; ε-LRP with
/// ``PoolingRedistribution/proportional`` gives `x_i·R / (Σx + ε·sign Σx)` (ε is added to the
/// window's sum, `sign(0) = +1`).
public struct AveragePooling2D: Layer {
  /// The layer's name.
  public var name: String
  /// The window extents `[PH, PW]`.
  public let poolSize: [Int]
  /// The window steps `[sh, sw]` (default: `poolSize`).
  public let strides: [Int]
  /// The padding mode.
  public let padding: Padding

  /// Creates a 2-D average-pooling layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - poolSize: The window extents `[PH, PW]`, each ≥ 1.
  ///   - strides: The window steps `[sh, sw]`, each ≥ 1, or `nil` for `poolSize` (the Keras
  ///     default).
  ///   - padding: The padding mode.
  public init(name: String, poolSize: [Int], strides: [Int]? = nil, padding: Padding = .valid) {
    self.name = name
    self.poolSize = poolSize
    self.strides = Pooling.checkedStrides(
      strides, poolSize: poolSize, layer: "AveragePooling2D '\(name)'")
    self.padding = padding
  }

  private func pooling(_ shape: Shape) -> Pooling {
    Pooling.twoDimensional(shape, size: poolSize, strides: strides, padding: padding)
  }

  /// `[OH, OW, C]` for an input `[H, W, C]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try Pooling.outputShape(
      layer: name, input: input, size: poolSize, strides: strides, padding: padding)
  }

  /// The window means, `[N, OH, OW, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    let pooling = pooling(input.shape)
    let geometry = pooling.geometry
    return pooling.average(
      input,
      shape: [geometry.batch, geometry.height.output, geometry.width.output, geometry.channels])
  }

  /// Spreads the signal evenly (`s/K`), or proportionally to the inputs for ε-LRP `.proportional`.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    pooling(input.shape).averageBackward(signal, input: input, rule: rule)
  }
}
