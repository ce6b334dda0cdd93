extension Explainer {
  /// One attribution per selected unit, every item explained at that unit.
  ///
  /// The default explains the batch once per unit. Methods whose map is one backward pass from
  /// the traced forward pass (Saliency, Gradient × Input, Guided Backprop, DeconvNet, ε-LRP)
  /// trace each chunk once and run one backward pass per unit; in-silico mutagenesis reads every
  /// unit from the same mutants. Either way, entry `t` equals
  /// ``attribution(for:targets:in:)`` with every target `selection.indices[t]`, bit for bit.
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - selection: The output units.
  ///   - model: The model.
  /// - Returns: One attribution per unit, in `selection` order.
  /// - Throws: The explainer's error.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try selection.indices.map { target in
      try attribution(
        for: input, targets: [Int](repeating: target, count: input.batchSize), in: model)
    }
  }

  /// The maps of every selected unit with a target axis last (see
  /// ``attributions(for:selection:in:)``).
  /// - Parameters:
  ///   - input: `[N] + model.inputShape`.
  ///   - selection: The output units.
  ///   - model: The model.
  /// - Returns: The stacked maps, predictions and completeness gaps.
  /// - Throws: The explainer's error.
  public func targetAttributions(for input: Tensor, selection: TargetSelection, in model: Model)
    throws -> TargetAttributions
  {
    TargetAttributions(
      stacking: try attributions(for: input, selection: selection, in: model),
      selection: selection)
  }
}
