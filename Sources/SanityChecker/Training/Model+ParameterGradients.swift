extension Model {
  /// The gradient of a loss with respect to every parameter, by one backward pass.
  /// - Parameters:
  ///   - trace: The forward trace of a batch.
  ///   - outputGradient: ∂loss/∂output, `[N] + outputShape`.
  /// - Returns: Per layer index, the gradients keyed like ``ParameterizedLayer/parameters``.
  public func parameterGradients(_ trace: Trace, outputGradient: Tensor) -> [Int: [String: Tensor]]
  {
    var gradients: [Int: [String: Tensor]] = [:]
    guard !isChain else {
      var signal = outputGradient
      for index in stride(from: layers.count - 1, through: 0, by: -1) {
        let (input, output) = (trace.activations[index], trace.activations[index + 1])
        if let layer = layers[index] as? any ParameterizedLayer {
          gradients[index] = layer.parameterGradients(signal, input: input, output: output)
        }
        if index > 0 {
          signal = layers[index].backward(signal, input: input, output: output, rule: .gradient)
        }
      }
      return gradients
    }
    // A graph: signals from several readers of a node are summed there; a layer the output does
    // not depend on gets no gradient entry.
    var signals = [Tensor?](repeating: nil, count: layers.count + 1)
    signals[trace.outputNode] = outputGradient
    for index in stride(from: layers.count - 1, through: 0, by: -1) {
      guard let signal = signals[index + 1] else { continue }
      signals[index + 1] = nil
      if let layer = layers[index] as? any ParameterizedLayer, let input = inputNodes[index].first {
        gradients[index] = layer.parameterGradients(
          signal, input: trace.activations[input], output: trace.activations[index + 1])
      }
      guard inputNodes[index].contains(where: { $0 > 0 }) else { continue }
      let passed = propagate(index, signal, activations: trace.activations, rule: .gradient)
      for (node, part) in zip(inputNodes[index], passed) where node > 0 {
        signals[node] = signals[node].map { $0.linearCombination(1, part, 1) } ?? part
      }
    }
    return gradients
  }

  /// A copy with parameters replaced (layer index → key → value).
  /// - Parameter parameters: The new values; absent keys keep their value.
  /// - Returns: The updated model.
  func updatingParameters(_ parameters: [Int: [String: Tensor]]) -> Model {
    var copy = layers
    for (index, values) in parameters {
      guard var layer = copy[index] as? any ParameterizedLayer else { continue }
      for (key, value) in values { layer.parameters[key] = value }
      copy[index] = layer
    }
    do {
      return try replacingLayers(copy)
    } catch {
      preconditionFailure("updatingParameters: shapes are unchanged by an update: \(error)")
    }
  }
}
