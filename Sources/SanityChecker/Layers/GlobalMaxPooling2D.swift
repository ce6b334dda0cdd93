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
public struct GlobalMaxPooling2D: Layer, GlobalPoolingLayer {
  /// Two spatial axes, `H` and `W`.
  static let spatialAxes = 2

  /// The layer's name.
  public var name: String

  /// Creates a global max-pooling layer for images.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// The maximum over `H × W`, `[N, C]`.
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
