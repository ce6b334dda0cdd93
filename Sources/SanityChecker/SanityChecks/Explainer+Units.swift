extension Explainer {
  /// The maps of the items at each of several target lists, as a check explains them.
  ///
  /// One list (each item's own target, e.g. its predicted unit) is explained directly. Several
  /// lists, each one distinct unit repeated over the items, go through
  /// ``attributions(for:selection:in:)``, so methods that share forward passes between units do
  /// so; entry `u` equals ``attribution(for:targets:in:)`` with `units[u]` either way.
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - units: Target lists, one target per item each.
  ///   - model: The model.
  /// - Returns: One attribution per list, in order.
  /// - Throws: The explainer's error.
  func attributions(for input: Tensor, units: [[Int]], in model: Model) throws -> [Attribution] {
    let indices = units.compactMap(\.first)
    guard units.count > 1, indices.count == units.count, Set(indices).count == units.count,
      zip(units, indices).allSatisfy({ list, unit in list.allSatisfy { $0 == unit } }),
      let selection = try? TargetSelection(indices: indices, outputCount: model.outputShape.count)
    else {
      return try units.map { try attribution(for: input, targets: $0, in: model) }
    }
    return try attributions(for: input, selection: selection, in: model)
  }
}
