extension Model {
  /// A copy with fresh weights as Keras initializes them: Glorot-uniform kernels, zero biases,
  /// and batch normalization at its identity (γ = 1, β = 0, moving mean 0, moving variance 1).
  /// - Parameter seed: The seed (each layer draws from its own stream).
  /// - Returns: The initialized model.
  public func initialized(seed: UInt64) -> Model {
    var copy = layers
    for index in copy.indices {
      guard var layer = copy[index] as? any ParameterizedLayer else { continue }
      var generator = SeededGenerator(seed: seed, stream: UInt64(index))
      for key in layer.parameterOrder {
        guard let current = layer.parameters[key] else { continue }
        let (fanIn, fanOut) = Self.fans(of: layer, parameter: key)
        switch key.split(separator: "/").last.map(String.init) ?? key {
        case "moving_mean": layer.parameters[key] = Tensor(shape: current.shape)
        case "moving_variance": layer.parameters[key] = Tensor(shape: current.shape, repeating: 1)
        default:
          layer.parameters[key] = InitializationScheme.glorotUniform.redraw(
            key, current, fanIn: fanIn, fanOut: fanOut, using: &generator)
        }
      }
      copy[index] = layer
    }
    do {
      return try replacingLayers(copy)
    } catch {
      preconditionFailure("Model.initialized keeps every shape: \(error)")
    }
  }
}
