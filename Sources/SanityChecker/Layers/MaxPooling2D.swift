/// Max pooling over windows of an image, as Keras `MaxPooling2D`.
///
/// Shapes: input `[N, H, W, C]`, output `[N, OH, OW, C]` with `OH`, `OW` from ``Padding``
/// (dilation 1). Windows of `PH × PW` inputs move by `strides`, each channel separately:
///
/// ```
/// y[n, oh, ow, c] = max over the real (h, w) of window (oh, ow) of x[n, h, w, c]
/// ```
///
/// Every backward rule routes the signal to the window's *first* maximum in row-major scan
/// order (winner takes all, also for ε-LRP); with `same` padding the padding is never selected.
public struct MaxPooling2D: Layer {
  /// The layer's name.
  public var name: String
  /// The window extents `[PH, PW]`.
  public let poolSize: [Int]
  /// The window steps `[sh, sw]` (default: `poolSize`).
  public let strides: [Int]
  /// The padding mode.
  public let padding: Padding

  /// Creates a 2-D max-pooling layer.
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
      strides, poolSize: poolSize, layer: "MaxPooling2D '\(name)'")
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

  /// The window maxima, `[N, OH, OW, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    let pooling = pooling(input.shape)
    let geometry = pooling.geometry
    return pooling.maximum(
      input,
      shape: [geometry.batch, geometry.height.output, geometry.width.output, geometry.channels])
  }

  /// Routes the signal to each window's first maximum, under every rule.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return pooling(input.shape).routeToMaximum(signal, input: input)
    }
  }
}
