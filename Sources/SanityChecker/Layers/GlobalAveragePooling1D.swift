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
public struct GlobalAveragePooling1D: Layer {
  /// The layer's name.
  public var name: String

  /// Creates a global average-pooling layer for sequences.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// `[C]` for an input `[L, C]` with `L ≥ 1`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try Pooling.globalOutputShape(layer: name, input: input, spatialAxes: 1)
  }

  /// The mean over `L`, `[N, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    precondition(
      input.shape.rank == 3,
      "GlobalAveragePooling1D '\(name)': input \(input.shape) is not [N, L, C]")
    return Pooling.global(input.shape).average(input, shape: [input.shape[0], input.shape[2]])
  }

  /// Spreads the signal evenly (`s/L`), or proportionally to the inputs for ε-LRP `.proportional`.
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
