/// The maximum over the whole image per channel, as Keras `GlobalMaxPooling2D`.
///
/// Shapes: input `[N, H, W, C]`, output `[N, C]`:
///
/// ```
/// y[n, c] = max_{h, w} x[n, h, w, c]
/// ```
///
/// Every backward rule routes the signal to the *first* position holding the maximum in
/// row-major order (winner takes all, also for ε-LRP).
public struct GlobalMaxPooling2D: Layer {
  /// The layer's name.
  public var name: String

  /// Creates a global max-pooling layer for images.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// `[C]` for an input `[H, W, C]` with `H, W ≥ 1`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try Pooling.globalOutputShape(layer: name, input: input, spatialAxes: 2)
  }

  /// The maximum over `H × W`, `[N, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    precondition(
      input.shape.rank == 4,
      "GlobalMaxPooling2D '\(name)': input \(input.shape) is not [N, H, W, C]")
    return Pooling.global(input.shape).maximum(input, shape: [input.shape[0], input.shape[3]])
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
