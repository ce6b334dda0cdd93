/// Flattens each item to one axis, as Keras `Flatten`.
///
/// Shapes: input `[N, d1, …, dk]`, output `[N, d1·…·dk]`. Tensors are row-major and
/// channels-last like Keras' default `data_format`, so the Keras order (`H`, then `W`, then `C`
/// for images) is the storage order and flattening is a reshape without copying.
///
/// Every backward rule reshapes the signal back unchanged.
public struct Flatten: Layer {
  /// The layer's name.
  public var name: String

  /// Creates a flatten layer.
  /// - Parameter name: The layer's name.
  public init(name: String) {
    self.name = name
  }

  /// `[d1·…·dk]` for an input `[d1, …, dk]`.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    [input.count]
  }

  /// The same scalars as `[N, d1·…·dk]`.
  public func forward(_ input: Tensor) -> Tensor {
    input.reshaped([input.batchSize, input.itemCount])
  }

  /// The signal reshaped to the input's shape, under every rule.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return signal.reshaped(input.shape)
    }
  }
}
