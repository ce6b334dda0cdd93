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
public struct GlobalAveragePooling2D: Layer {
  /// The layer's name.
  public var name: String

  /// Creates a global average-pooling layer for images.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// `[C]` for an input `[H, W, C]` with `H, W ≥ 1`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try Pooling.globalOutputShape(layer: name, input: input, spatialAxes: 2)
  }

  /// The mean over `H × W`, `[N, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    precondition(
      input.shape.rank == 4,
      "GlobalAveragePooling2D '\(name)': input \(input.shape) is not [N, H, W, C]")
    return Pooling.global(input.shape).average(input, shape: [input.shape[0], input.shape[3]])
  }

  /// Spreads the signal evenly (`s/(H·W)`), or proportionally for ε-LRP `.proportional`.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP(_, .even):
      return Pooling.global(input.shape).spreadEvenly(signal, inputShape: input.shape)
    case .epsilonLRP(let epsilon, .proportional):
      return Pooling.global(input.shape).spreadProportionally(
        signal, input: input, epsilon: epsilon)
    }
  }
}
