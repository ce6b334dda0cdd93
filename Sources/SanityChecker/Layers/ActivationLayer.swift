/// A standalone activation, as Keras `Activation` (and `ReLU`, `Softmax` without options).
///
/// Shapes: output = input `[N, …, C]`; softmax normalizes over the last axis `C`.
///
/// Backward follows ``Activation`` under each rule (see the table in ``BackwardRule``): ReLU
/// masks by `output > 0` for the gradient, also drops negative signals for Guided Backprop,
/// keeps only `relu(s)` for DeconvNet, and passes relevance unchanged for ε-LRP.
public struct ActivationLayer: Layer {
  /// The layer's name.
  public var name: String
  /// The activation.
  public var activation: Activation

  /// Creates an activation layer.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - activation: The activation.
  public init(name: String, activation: Activation) {
    self.name = name
    self.activation = activation
  }

  /// The input shape, unchanged; items need at least one axis.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input.rank >= 1 else {
      throw .shapeMismatch(layer: name, expected: "[…, C]", actual: input)
    }
    return input
  }

  /// `activation(x)`, elementwise (softmax: over the last axis).
  public func forward(_ input: Tensor) -> Tensor {
    var output = input
    activation.apply(to: &output)
    return output
  }

  /// The signal through the activation under `rule`.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet, .epsilonLRP:
      return activation.backward(
        signal, output: output, rule: rule, input: activation.needsInput ? input : nil)
    }
  }
}
