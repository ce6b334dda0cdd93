extension Model {
  /// The model whose output is the explained quantity.
  ///
  /// For ``ExplainedOutput/logit``, a final sigmoid or softmax is removed, whether fused into the
  /// last layer or a standalone ``ActivationLayer``: in a chain, the last layer; in a graph, the
  /// layer that produces the chosen head (a standalone one becomes a linear activation, so the
  /// wiring stays). Other models are returned unchanged.
  /// - Parameter output: Which output to explain.
  /// - Returns: The model to differentiate.
  public func explained(_ output: ExplainedOutput) -> Model {
    guard output == .logit, outputNode > 0 else { return self }
    let index = outputNode - 1
    let last = layers[index]
    let squashing: Set<Activation> = [.sigmoid, .softmax]
    do {
      if var fused = last as? any FusedActivationLayer, squashing.contains(fused.activation) {
        fused.activation = .linear
        return try replacingLayer(at: index, with: fused)
      }
      if var standalone = last as? ActivationLayer, squashing.contains(standalone.activation) {
        guard isChain else {
          standalone.activation = .linear
          return try replacingLayer(at: index, with: standalone)
        }
        return try Model(name: name, inputShape: inputShape, layers: Array(layers.dropLast()))
      }
    } catch {
      preconditionFailure("Model.explained: removing an activation cannot change shapes: \(error)")
    }
    return self
  }

  /// The model's output at one unit per item.
  /// - Parameters:
  ///   - output: `[N] + outputShape`.
  ///   - targets: One unit per item.
  /// - Returns: `output[n, targets[n]]`.
  func values(of output: Tensor, at targets: [Int]) -> [Float] {
    let width = outputShape.count
    return output.withUnsafeBufferPointer { out in
      targets.enumerated().map { out[$0.offset * width + $0.element] }
    }
  }
}
