extension Model {
  /// The gradient of a loss with respect to every parameter, by one backward pass.
  /// - Parameters:
  ///   - trace: The forward trace of a batch.
  ///   - outputGradient: ∂loss/∂output, `[N] + outputShape`.
  /// - Returns: Per layer index, the gradients keyed like ``ParameterizedLayer/parameters``.
  public func parameterGradients(_ trace: Trace, outputGradient: Tensor) -> [Int: [String: Tensor]] {
    var gradients: [Int: [String: Tensor]] = [:]
    var signal = outputGradient
    for index in stride(from: layers.count - 1, through: 0, by: -1) {
      let (input, output) = (trace.activations[index], trace.activations[index + 1])
      if let layer = layers[index] as? any ParameterizedLayer {
        gradients[index] = layer.parameterGradients(signal, input: input, output: output)
      }
      if index > 0 { signal = layers[index].backward(signal, input: input, output: output, rule: .gradient) }
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
      return try Model(name: name, inputShape: inputShape, layers: copy)
    } catch {
      preconditionFailure("updatingParameters: shapes are unchanged by an update: \(error)")
    }
  }
}
