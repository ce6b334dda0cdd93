/// The backward pass every gradient-type explainer shares.
enum Gradient {
  /// The signal at the input for one chunk, with the explained outputs.
  /// - Parameters:
  ///   - model: The explained model.
  ///   - input: One chunk, `[n] + inputShape`.
  ///   - targets: One target per item.
  ///   - rule: The backward rule.
  /// - Returns: The input signal and the target outputs.
  static func inputSignal(
    _ model: Model, _ input: Tensor, targets: [Int], rule: BackwardRule
  ) -> (signal: Tensor, outputs: [Float]) {
    inputSignal(model, model.trace(input), targets: targets, rule: rule)
  }

  /// The signal at the input from an existing trace of one chunk, with the explained outputs.
  /// - Parameters:
  ///   - model: The explained model.
  ///   - trace: The chunk's forward pass.
  ///   - targets: One target per item.
  ///   - rule: The backward rule.
  /// - Returns: The input signal and the target outputs.
  static func inputSignal(
    _ model: Model, _ trace: Trace, targets: [Int], rule: BackwardRule
  ) -> (signal: Tensor, outputs: [Float]) {
    let outputs = model.values(of: trace.output, at: targets)
    let seed: Tensor
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      seed = model.targetSeed(targets)
    case .epsilonLRP:
      seed = model.targetSeed(targets, weights: outputs)
    }
    return (model.backward(trace, seed: seed, rule: rule), outputs)
  }
}

extension Explainer {
  /// The attribution every backward-signal method computes: the signal at the input under
  /// `rule`, optionally combined with the input, chunk by chunk (for a chain with a wide `Dense`
  /// layer, the same values from ``WideDenseForward/inputSignals(_:units:rule:)``).
  /// - Parameters:
  ///   - input: The batch.
  ///   - targets: One target per item.
  ///   - model: The model (made into the explained model here).
  ///   - output: The explained output.
  ///   - rule: The backward rule.
  ///   - combine: Makes the map from a chunk's signal and its input (the signal itself by default).
  /// - Returns: The maps with the explained outputs.
  func signalAttribution(
    _ input: Tensor, targets: [Int], model: Model, output: ExplainedOutput, rule: BackwardRule,
    combine: @escaping @Sendable (Tensor, Tensor) -> Tensor = { signal, _ in signal }
  ) -> Attribution {
    let explained = model.explained(output)
    if let wide = WideDenseForward(model: explained), WideDenseForward.handles(rule) {
      let (signal, outputs) = wide.inputSignals(input, units: [targets], rule: rule)[0]
      return Attribution(
        values: combine(signal, input), method: Self.identifier, targets: targets,
        predictions: outputs)
    }
    return chunked(input, targets: targets, model: explained) { chunk, chunkTargets, _ in
      let (signal, outputs) = Gradient.inputSignal(
        explained, chunk, targets: chunkTargets, rule: rule)
      return Attribution(
        values: combine(signal, chunk), method: Self.identifier, targets: chunkTargets,
        predictions: outputs)
    }
  }
}

extension Explainer {
  /// The attributions of several units from one forward pass per chunk: each chunk is traced
  /// once and run backward once per unit (for a chain with a wide `Dense` layer, through
  /// ``WideDenseForward/inputSignals(_:units:rule:)``), in the chunks ``signalAttribution(_:targets:model:output:rule:combine:)``
  /// uses, so every unit's maps equal that method's bit for bit.
  /// - Parameters:
  ///   - input: The batch.
  ///   - selection: The units; every item is explained at each.
  ///   - model: The model (made into the explained model here).
  ///   - output: The explained output.
  ///   - rule: The backward rule.
  ///   - finish: Makes a chunk's attribution from its input signal, its input, its targets and
  ///     their outputs.
  /// - Returns: One attribution per unit, in `selection` order.
  /// - Throws: ``ModelError`` when the input or a unit does not fit the model.
  func sharedTraceAttributions(
    _ input: Tensor, selection: TargetSelection, model: Model, output: ExplainedOutput,
    rule: BackwardRule,
    finish: @escaping @Sendable (Tensor, Tensor, [Int], [Float]) -> Attribution
  ) throws -> [Attribution] {
    try model.validate(input: input)
    try model.validate(targets: selection.indices)
    let explained = model.explained(output)
    if let wide = WideDenseForward(model: explained), WideDenseForward.handles(rule) {
      let units = selection.indices.map { [Int](repeating: $0, count: input.batchSize) }
      return zip(units, wide.inputSignals(input, units: units, rule: rule)).map {
        finish($1.signal, input, $0, $1.outputs)
      }
    }
    // The trace as in one unit's pass, plus one input-sized map per unit.
    let mapBytes = selection.count * explained.chunkSize * explained.inputShape.count * 4
    let parts = Parallel.mapChunks(
      count: input.batchSize, chunkSize: explained.chunkSize,
      bytesPerChunk: explained.bytesPerChunk + mapBytes
    ) { range in
      let chunk = input.items(range)
      let trace = explained.trace(chunk)
      return selection.indices.map { target in
        let targets = [Int](repeating: target, count: chunk.batchSize)
        let (signal, outputs) = Gradient.inputSignal(explained, trace, targets: targets, rule: rule)
        return finish(signal, chunk, targets, outputs)
      }
    }
    return selection.indices.indices.map { unit in
      Attribution.concatenating(parts.map { $0[unit] }, method: Self.identifier)
    }
  }

  /// ``sharedTraceAttributions(_:selection:model:output:rule:finish:)`` for maps made from the
  /// signal and the input alone.
  /// - Parameters:
  ///   - input: The batch.
  ///   - selection: The units.
  ///   - model: The model.
  ///   - output: The explained output.
  ///   - rule: The backward rule.
  ///   - combine: Makes the map from a chunk's signal and its input (the signal itself by default).
  /// - Returns: One attribution per unit.
  /// - Throws: ``ModelError`` when the input or a unit does not fit the model.
  func signalAttributions(
    _ input: Tensor, selection: TargetSelection, model: Model, output: ExplainedOutput,
    rule: BackwardRule,
    combine: @escaping @Sendable (Tensor, Tensor) -> Tensor = { signal, _ in signal }
  ) throws -> [Attribution] {
    try sharedTraceAttributions(
      input, selection: selection, model: model, output: output, rule: rule
    ) { signal, chunk, targets, outputs in
      Attribution(
        values: combine(signal, chunk), method: Self.identifier, targets: targets,
        predictions: outputs)
    }
  }
}

/// Saliency: the signed gradient of the target output with respect to the input.
///
/// ```
/// S(x) = ∂f_t(x) / ∂x
/// ```
/// Simonyan et al. 2014, arXiv:1312.6034. **Deviation:** the map is signed (Captum's
/// `Saliency(abs=False)`); the absolute value is a comparison view, not another method.
public struct Saliency: Explainer, RuleSignalExplainer {
  /// `.gradient`.
  static let rule = BackwardRule.gradient

  /// `saliency`.
  public static let identifier = "saliency"
  /// The explained output.
  public var output: ExplainedOutput

  /// Creates the explainer.
  /// - Parameter output: The explained output (the logit by default).
  public init(output: ExplainedOutput = .logit) { self.output = output }
}

/// Gradient × Input: the gradient multiplied elementwise by the input.
///
/// ```
/// A(x) = x ⊙ ∂f_t(x) / ∂x
/// ```
/// Shrikumar et al. 2016, arXiv:1605.01713 (Captum's `InputXGradient`).
public struct GradientTimesInput: Explainer {
  /// `gradient-x-input`.
  public static let identifier = "gradient-x-input"
  /// The explained output.
  public var output: ExplainedOutput

  /// Creates the explainer.
  /// - Parameter output: The explained output (the logit by default).
  public init(output: ExplainedOutput = .logit) { self.output = output }

  /// x ⊙ gradient per item.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    return signalAttribution(input, targets: targets, model: model, output: output, rule: .gradient)
    { signal, input in
      signal.multiplied(by: input)
    }
  }

  /// x ⊙ gradient of every selected unit, from one forward pass per chunk.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try signalAttributions(
      input, selection: selection, model: model, output: output, rule: .gradient
    ) { signal, input in
      signal.multiplied(by: input)
    }
  }
}
