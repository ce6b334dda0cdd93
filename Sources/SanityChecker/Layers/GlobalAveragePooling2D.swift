/// The mean over the whole image per channel, as Keras `GlobalAveragePooling2D`.
///
/// Shapes: input `[N, H, W, C]`, output `[N, C]`:
///
/// ```
/// y[n, c] = (1/(H·W)) · Σ_{h, w} x[n, h, w, c]
/// ```
///
/// Backward: the gradient, Guided Backprop, DeconvNet and ε-LRP with
/// ``PoolingRedistribution/even`` spread `s/(H·W)`; ε-LRP with
/// ``PoolingRedistribution/proportional`` gives `x_hw·R / (Σx + ε·sign Σx)`.
public struct GlobalAveragePooling2D: Layer, GlobalPoolingLayer {
  /// Two spatial axes, `H` and `W`.
  static let spatialAxes = 2

  /// The layer's name.
  public var name: String

  /// Creates a global average-pooling layer for images.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// The mean over `H × W`, `[N, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    globalPooling(of: input).average(input, shape: globalOutputShape(of: input))
  }

  /// Spreads the signal evenly (`s/(H·W)`), or proportionally for ε-LRP `.proportional`.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    Pooling.global(input.shape).averageBackward(signal, input: input, rule: rule)
  }
}
