/// An explainer whose map is the signal one backward rule carries from the target to the input:
/// ``Saliency`` (`.gradient`), ``GuidedBackprop`` and ``DeconvNet``.
protocol RuleSignalExplainer: Explainer {
  /// The backward rule whose input signal is the map.
  static var rule: BackwardRule { get }
  /// The explained output.
  var output: ExplainedOutput { get }
}

extension RuleSignalExplainer {
  /// The rule's signal at the input, per item.
  /// - Parameters:
  ///   - input: `[N, …]`.
  ///   - targets: One unit per item.
  ///   - model: The model.
  /// - Returns: The map, of the input's shape.
  /// - Throws: ``ModelError`` for an input or target the model does not take.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    return signalAttribution(input, targets: targets, model: model, output: output, rule: Self.rule)
  }

  /// The rule's signal of every selected unit, from one forward pass per chunk.
  /// - Parameters:
  ///   - input: `[N, …]`.
  ///   - selection: The units explained per item.
  ///   - model: The model.
  /// - Returns: One attribution per selected unit.
  /// - Throws: ``ModelError`` for an input or unit the model does not take.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try signalAttributions(
      input, selection: selection, model: model, output: output, rule: Self.rule)
  }
}
