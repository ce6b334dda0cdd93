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
public struct GlobalMaxPooling1D: Layer, GlobalPoolingLayer {
  /// One spatial axis, `L`.
  static let spatialAxes = 1

  /// The layer's name.
  public var name: String

  /// Creates a global max-pooling layer for sequences.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// The maximum over `L`, `[N, C]`.
  public func forward(_ input: Tensor) -> Tensor {
    globalPooling(of: input).maximum(input, shape: globalOutputShape(of: input))
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
