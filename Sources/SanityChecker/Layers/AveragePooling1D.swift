/// Average pooling over windows of a sequence, as Keras `AveragePooling1D`.
///
/// Shapes: input `[N, L, C]`, output `[N, OL, C]` with `OL` from ``Padding`` (dilation 1).
/// Windows of `poolSize` inputs move by `stride`, each channel separately:
///
/// ```
/// y[n, ol, c] = (1/K) · Σ over the real l of window ol of x[n, l, c]
/// ```
///
/// `K` counts only real inputs, so with `same` padding the border windows average fewer
/// inputs, as Keras does. Backward: the gradient, Guided Backprop, DeconvNet and ε-LRP with
/// ``PoolingRedistribution/even`` spread `s/K`; ε-LRP with
/// ``PoolingRedistribution/proportional`` gives `x_i·R / (Σx + ε·sign Σx)` (ε is added to the
/// window's sum, `sign(0) = +1`).
public struct AveragePooling1D: Layer {
  /// The layer's name.
  public var name: String
  /// The window length.
  public let poolSize: Int
  /// The window step (Keras' `strides`; defaults to `poolSize`).
  public let stride: Int
  /// The padding mode.
  public let padding: Padding

  /// Creates a 1-D average-pooling layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - poolSize: The window length, ≥ 1.
  ///   - stride: The window step, ≥ 1, or `nil` for `poolSize` (the Keras default).
  ///   - padding: The padding mode.
  public init(name: String, poolSize: Int, stride: Int? = nil, padding: Padding = .valid) {
    self.name = name
    self.poolSize = poolSize
    self.stride = Pooling.checkedStride(
      stride, poolSize: poolSize, layer: "AveragePooling1D '\(name)'")
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

  /// The window means, `[N, OL, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    let pooling = pooling(input.shape)
    let geometry = pooling.geometry
    return pooling.average(
      input, shape: [geometry.batch, geometry.width.output, geometry.channels])
  }

  /// Spreads the signal evenly (`s/K`), or proportionally to the inputs for ε-LRP `.proportional`.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    pooling(input.shape).averageBackward(signal, input: input, rule: rule)
  }
}
