/// Guided Backprop: the backward pass passes only positive signals through ReLUs that were on.
///
/// ```
/// ReLU backward: s ↦ relu(s) · 1[z > 0]
/// ```
/// Springenberg et al. 2015, arXiv:1412.6806 (Captum's `GuidedBackprop`).
/// Known to barely depend on the top layers' weights (Adebayo et al. 2018, arXiv:1810.03292).
public struct GuidedBackprop: Explainer, RuleSignalExplainer {
  /// `.guidedBackprop`.
  static let rule = BackwardRule.guidedBackprop

  /// `guided-backprop`.
  public static let identifier = "guided-backprop"
  /// The explained output.
  public var output: ExplainedOutput

  /// Creates the explainer.
  /// - Parameter output: The explained output (the logit by default).
  public init(output: ExplainedOutput = .logit) { self.output = output }
}

/// DeconvNet: the backward pass passes only positive signals through every ReLU, ignoring the forward mask.
///
/// ```
/// ReLU backward: s ↦ relu(s)
/// ```
/// Zeiler & Fergus 2014, arXiv:1311.2901 (Captum's `Deconvolution`). Max pools route to the
/// first maximal element, as PyTorch does; this matters because DeconvNet ignores dead ReLUs.
public struct DeconvNet: Explainer, RuleSignalExplainer {
  /// `.deconvNet`.
  static let rule = BackwardRule.deconvNet

  /// `deconvnet`.
  public static let identifier = "deconvnet"
  /// The explained output.
  public var output: ExplainedOutput

  /// Creates the explainer.
  /// - Parameter output: The explained output (the logit by default).
  public init(output: ExplainedOutput = .logit) { self.output = output }
}

/// ε-LRP: layer-wise relevance propagation with the ε-stabilized z-rule.
///
/// ```
/// R_out(last) = f_t(x) · onehot(t)
/// R_in = x ⊙ Wᵀ (R_out / (z + ε·sign z)),   sign(0) = +1, z includes the bias
/// ```
/// Bach et al. 2015, doi:10.1371/journal.pone.0130140; matches zennit 0.5.1's
/// `Epsilon` rule on Conv/Dense with `Pass` on activations. ReLU passes relevance; max pools
/// route it to the first maximal element; average pools split it evenly (R/K) by default.
/// Sums of a graph and BatchNorm take ε-rules of their own by default, which zennit does not
/// have; ``Composite/zennit`` passes their gradient as zennit does (see ``Composite``).
/// Properties: with ε → 0 it equals Gradient × Input on ReLU networks (on graphs, under
/// ``Composite/conservative``); with zero biases Σ R_in = f_t(x) (on graphs, under
/// ``Composite/conservative``). The per-item gap Σ R − f_t(x) is reported as
/// ``Attribution/conservationGap``. On the ONNX fixtures (`Tests/Fixtures/ONNX/zennit_lrp.h5`)
/// ``Composite/zennit`` matches zennit 0.5.1 to 1e-4 of each item's largest value.
public struct EpsilonLRPExplainer: Explainer {
  /// `epsilon-lrp`.
  public static let identifier = "epsilon-lrp"
  /// The stabilizer ε.
  public var epsilon: Float
  /// How relevance passes average pools.
  public var averagePooling: PoolingRedistribution
  /// Which layers have rules of their own (sums and BatchNorm).
  public var composite: Composite
  /// The explained output.
  public var output: ExplainedOutput

  /// Creates the explainer.
  /// - Parameters:
  ///   - epsilon: The stabilizer (1e-6 by default, the reference files' first setting).
  ///   - averagePooling: Redistribution through average pools (`.even` by default).
  ///   - composite: The rules at sums and BatchNorm (`.conservative` by default).
  ///   - output: The explained output (the logit by default).
  public init(
    epsilon: Float = 1e-6, averagePooling: PoolingRedistribution = .even,
    composite: Composite = .conservative, output: ExplainedOutput = .logit
  ) {
    self.epsilon = epsilon
    self.averagePooling = averagePooling
    self.composite = composite
    self.output = output
  }

  /// The relevance at the input.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    let explained = try composite.applied(to: model.explained(output))
    return chunked(input, targets: targets, model: explained) { chunk, chunkTargets, _ in
      let (relevance, outputs) = Gradient.inputSignal(
        explained, chunk, targets: chunkTargets, rule: rule)
      return Self.relevanceAttribution(relevance, targets: chunkTargets, outputs: outputs)
    }
  }

  /// The relevance of every selected unit, from one forward pass per chunk.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try sharedTraceAttributions(
      input, selection: selection, model: composite.applied(to: model), output: output, rule: rule
    ) { relevance, _, targets, outputs in
      Self.relevanceAttribution(relevance, targets: targets, outputs: outputs)
    }
  }

  /// The backward rule of these settings.
  var rule: BackwardRule { .epsilonLRP(epsilon: epsilon, averagePooling: averagePooling) }

  /// A chunk's relevance with its per-item gap Σ R − f_t(x).
  static func relevanceAttribution(_ relevance: Tensor, targets: [Int], outputs: [Float])
    -> Attribution
  {
    let width = relevance.itemCount
    let gaps = relevance.withUnsafeBufferPointer { r in
      outputs.enumerated().map { item, output in
        (0..<width).reduce(Float(0)) { $0 + r[item * width + $1] } - output
      }
    }
    return Attribution(
      values: relevance, method: identifier, targets: targets, predictions: outputs,
      conservationGap: gaps)
  }
}
