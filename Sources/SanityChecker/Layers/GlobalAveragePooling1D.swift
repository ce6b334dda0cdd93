/// The mean over the whole sequence per channel, as Keras `GlobalAveragePooling1D`.
///
/// Shapes: input `[N, L, C]`, output `[N, C]`:
///
/// ```
/// y[n, c] = (1/L) · Σ_l x[n, l, c]
/// ```
///
/// Backward: the gradient, Guided Backprop, DeconvNet and ε-LRP with
/// ``PoolingRedistribution/even`` spread `s/L`; ε-LRP with
/// ``PoolingRedistribution/proportional`` gives `x_l·R / (Σx + ε·sign Σx)`.
public struct GlobalAveragePooling1D: Layer, GlobalPoolingLayer {
  /// One spatial axis, `L`.
  static let spatialAxes = 1

  /// The layer's name.
  public var name: String

  /// Creates a global average-pooling layer for sequences.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// The mean over `L`, `[N, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    globalPooling(of: input).average(input, shape: globalOutputShape(of: input))
  }

  /// Spreads the signal evenly (`s/L`), or proportionally to the inputs for ε-LRP `.proportional`.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    Pooling.global(input.shape).averageBackward(signal, input: input, rule: rule)
  }
}
