/// Checks of what callers pass to a model, made where user data enters the library.
///
/// ``forward(_:)``, ``trace(_:)`` and ``backward(_:seed:rule:stoppingAt:)`` treat a wrong shape
/// as a programmer error. Entry points that take inputs from a file or a flag (explainers,
/// checks, training) call these first, so a mismatch is a ``ModelError`` naming the shapes.
extension Model {
  /// Checks that a batch fits the model's input.
  /// - Parameter input: `[N] + inputShape`.
  /// - Throws: ``ModelError/inputShape(model:expected:actual:)``.
  public func validate(input: Tensor) throws(ModelError) {
    guard input.shape.rank >= 1, input.shape.item == inputShape else {
      throw .inputShape(model: name, expected: inputShape, actual: input.shape.item)
    }
  }

  /// Checks a batch and one target per item within the model's outputs.
  /// - Parameters:
  ///   - input: `[N] + inputShape`.
  ///   - targets: N output indices.
  /// - Throws: ``ModelError/inputShape(model:expected:actual:)``,
  ///   ``ModelError/targetCount(model:targets:items:)`` or ``ModelError/target(model:target:outputs:)``.
  public func validate(input: Tensor, targets: [Int]) throws(ModelError) {
    try validate(input: input)
    guard targets.count == input.batchSize else {
      throw .targetCount(model: name, targets: targets.count, items: input.batchSize)
    }
    try validate(targets: targets)
  }

  /// Checks that every target is an output unit of the model.
  /// - Parameter targets: Output indices.
  /// - Throws: ``ModelError/target(model:target:outputs:)``.
  public func validate(targets: [Int]) throws(ModelError) {
    let outputs = outputShape.count
    if let bad = targets.first(where: { $0 < 0 || $0 >= outputs }) {
      throw .target(model: name, target: bad, outputs: outputs)
    }
  }

  /// Checks that another model has this model's architecture: the same input, the same layer
  /// names and kinds, and the same shapes after every layer and of every parameter.
  /// - Parameters:
  ///   - other: A model meant to be a copy with other weights (a randomized stage).
  ///   - otherName: The name to use for `other` in messages (e.g. its file).
  /// - Throws: ``ModelError/architecture(model:other:layer:difference:)`` naming the first layer that differs.
  public func validateArchitecture(of other: Model, named otherName: String) throws(ModelError) {
    func differ(_ layer: String, _ difference: String) -> ModelError {
      .architecture(model: name, other: otherName, layer: layer, difference: difference)
    }
    guard other.inputShape == inputShape else {
      throw differ("input", "takes \(other.inputShape), expected \(inputShape)")
    }
    guard other.layers.count == layers.count else {
      throw differ(
        other.layers.last?.name ?? "output",
        "is one of \(other.layers.count) layers, expected \(layers.count)")
    }
    for index in layers.indices where other.inputNodes[index] != inputNodes[index] {
      throw differ(
        other.layers[index].name,
        "reads nodes \(other.inputNodes[index]), expected \(inputNodes[index])")
    }
    guard other.outputNodes == outputNodes else {
      throw differ("output", "has output nodes \(other.outputNodes), expected \(outputNodes)")
    }
    for (index, (mine, theirs)) in zip(layers, other.layers).enumerated() {
      guard type(of: mine) == type(of: theirs) else {
        throw differ(
          theirs.name, "is a \(type(of: theirs)), expected a \(type(of: mine)) ('\(mine.name)')")
      }
      guard other.shapes[index + 1] == shapes[index + 1] else {
        throw differ(theirs.name, "gives \(other.shapes[index + 1]), expected \(shapes[index + 1])")
      }
      let mineParameters = (mine as? any ParameterizedLayer)?.parameters ?? [:]
      let theirParameters = (theirs as? any ParameterizedLayer)?.parameters ?? [:]
      for (key, value) in mineParameters.sorted(by: { $0.key < $1.key }) {
        guard let their = theirParameters[key], their.shape == value.shape else {
          let actual = theirParameters[key].map { "has \($0.shape)" } ?? "is missing"
          throw differ(theirs.name, "parameter '\(key)' \(actual), expected \(value.shape)")
        }
      }
    }
  }
}
