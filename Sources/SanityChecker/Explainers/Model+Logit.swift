extension Model {
  /// The model whose output is the explained quantity.
  ///
  /// For ``ExplainedOutput/logit``, a final sigmoid or softmax is removed, whether fused into the
  /// last layer or a standalone ``ActivationLayer``. Other models are returned unchanged.
  /// - Parameter output: Which output to explain.
  /// - Returns: The model to differentiate.
  public func explained(_ output: ExplainedOutput) -> Model {
    guard output == .logit, let last = layers.last else { return self }
    let squashing: Set<Activation> = [.sigmoid, .softmax]
    do {
      if var fused = last as? any FusedActivationLayer, squashing.contains(fused.activation) {
        fused.activation = .linear
        return try replacingLayer(at: layers.count - 1, with: fused)
      }
      if let standalone = last as? ActivationLayer, squashing.contains(standalone.activation) {
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
    return output.withUnsafeBufferPointer { out in targets.enumerated().map { out[$0.offset * width + $0.element] } }
  }
}
