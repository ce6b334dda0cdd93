/// Dropout, as Keras `Dropout`: the identity at inference.
///
/// Shapes: output = input. SanityChecker only runs inference, where Keras' inverted dropout
/// passes its input through unchanged (the `1/(1 − rate)` scaling happens during training),
/// so ``rate`` is kept for reports only.
///
/// Every backward rule passes the signal unchanged.
public struct Dropout: Layer {
  /// The layer's name.
  public var name: String
  /// The training-time drop probability (unused at inference).
  public let rate: Float

  /// Creates a dropout layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - rate: The training-time drop probability, as stored in the model file.
  public init(name: String, rate: Float) {
    self.name = name
    self.rate = rate
  }

  /// The input shape, unchanged.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    input
  }

  /// The input, unchanged.
  public func forward(_ input: Tensor) -> Tensor {
    input
  }

  /// The signal, unchanged, under every rule.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return signal
    }
  }
}
