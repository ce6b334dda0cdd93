/// A layer that combines several nodes of a graph model into one (Keras `Add`, `Concatenate`, …).
///
/// A merge layer reads the nodes ``Model/inputNodes`` lists for it, in that order. Its
/// backward pass returns one signal per input; where a node is read by several layers, the
/// model sums the signals that reach it (the multivariate chain rule, and for ε-LRP the sum
/// of the relevance each reader sends back).
///
/// Used with a single input (as ``Layer``), a merge layer is the identity.
public protocol MergeLayer: Layer {
  /// The output shape for one item of each input, or an error naming the layer.
  /// - Parameter inputs: The shape of one item of each input.
  /// - Returns: The shape of one output item.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the inputs do not fit.
  func outputShape(for inputs: [Shape]) throws(ModelError) -> Shape

  /// Applies the layer to one batch of each input.
  /// - Parameter inputs: `[N] + inputShape_k` for each input `k`.
  /// - Returns: `[N] + outputShape`.
  func forward(_ inputs: [Tensor]) -> Tensor

  /// Propagates a signal from the output back to each input under `rule`.
  /// - Parameters:
  ///   - signal: The signal at the output, `[N] + outputShape`.
  ///   - inputs: The inputs the forward pass saw.
  ///   - output: The output the forward pass produced.
  ///   - rule: The backward rule.
  /// - Returns: One signal per input, of that input's shape.
  func backward(_ signal: Tensor, inputs: [Tensor], output: Tensor, rule: BackwardRule) -> [Tensor]
}

extension MergeLayer {
  /// The shape of a one-input merge (the input's).
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    try outputShape(for: [input])
  }

  /// A one-input merge.
  public func forward(_ input: Tensor) -> Tensor { forward([input]) }

  /// The signal of a one-input merge.
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    backward(signal, inputs: [input], output: output, rule: rule)[0]
  }
}
