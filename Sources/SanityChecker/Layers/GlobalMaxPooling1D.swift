/// The maximum over the whole sequence per channel, as Keras `GlobalMaxPooling1D`.
///
/// Shapes: input `[N, L, C]`, output `[N, C]`:
///
/// ```
/// y[n, c] = max_l x[n, l, c]
/// ```
///
/// Every backward rule routes the signal to the *first* position holding the maximum
/// (winner takes all, also for ε-LRP).
public struct GlobalMaxPooling1D: Layer {
  /// The layer's name.
  public var name: String

  /// Creates a global max-pooling layer for sequences.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// `[C]` for an input `[L, C]` with `L ≥ 1`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try Pooling.globalOutputShape(layer: name, input: input, spatialAxes: 1)
  }

  /// The maximum over `L`, `[N, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    precondition(
      input.shape.rank == 3, "GlobalMaxPooling1D '\(name)': input \(input.shape) is not [N, L, C]")
    return Pooling.global(input.shape).maximum(input, shape: [input.shape[0], input.shape[2]])
  }

  /// Routes the signal to the first maximum of each channel, under every rule.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return Pooling.global(input.shape).routeToMaximum(signal, input: input)
    }
  }
}
