/// Max pooling over windows of a sequence, as Keras `MaxPooling1D`.
///
/// Shapes: input `[N, L, C]`, output `[N, OL, C]` with `OL` from ``Padding`` (dilation 1).
/// Windows of `poolSize` inputs move by `stride`, each channel separately:
///
/// ```
/// y[n, ol, c] = max over the real l of window ol of x[n, l, c]
/// ```
///
/// Every backward rule routes the signal to the window's *first* maximum in scan order
/// (winner takes all, also for ε-LRP); with `same` padding the padding is never selected.
public struct MaxPooling1D: Layer {
  /// The layer's name.
  public var name: String
  /// The window length.
  public let poolSize: Int
  /// The window step (Keras' `strides`; defaults to `poolSize`).
  public let stride: Int
  /// The padding mode.
  public let padding: Padding

  /// Creates a 1-D max-pooling layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - poolSize: The window length, ≥ 1.
  ///   - stride: The window step, ≥ 1, or `nil` for `poolSize` (the Keras default).
  ///   - padding: The padding mode.
  public init(name: String, poolSize: Int, stride: Int? = nil, padding: Padding = .valid) {
    self.name = name
    self.poolSize = poolSize
    self.stride = Pooling.checkedStride(stride, poolSize: poolSize, layer: "MaxPooling1D '\(name)'")
    self.padding = padding
  }

  private func pooling(_ shape: Shape) -> Pooling {
    Pooling.oneDimensional(shape, size: poolSize, stride: stride, padding: padding)
  }

  /// `[OL, C]` for an input `[L, C]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try Pooling.outputShape(
      layer: name, input: input, size: [poolSize], strides: [stride], padding: padding)
  }

  /// The window maxima, `[N, OL, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    let pooling = pooling(input.shape)
    let geometry = pooling.geometry
    return pooling.maximum(
      input, shape: [geometry.batch, geometry.width.output, geometry.channels])
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
