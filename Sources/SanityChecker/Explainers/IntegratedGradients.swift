/// Integrated Gradients: the path integral of gradients from a baseline to the input.
///
/// ```
/// IG(x) = (x − x') ⊙ Σ_k w_k ∇f_t(x' + α_k (x − x'))
/// ```
/// Sundararajan et al. 2017, arXiv:1703.01365. With several baselines (e.g. dinucleotide-shuffled
/// references) the maps are averaged. Property (completeness): Σ IG ≈ f_t(x) − f_t(x'); the gap
/// is reported per item in ``Attribution/conservationGap`` (it includes Captum's 1/n weight deficit
/// for the trapezoid rule).
public struct IntegratedGradients: SeededExplainer {
  /// `integrated-gradients`.
  public static let identifier = "integrated-gradients"

  /// The reference input(s) the path starts from.
  public enum Baseline: Hashable, Sendable {
    /// All zeros (Captum's default).
    case zeros
    /// Every scalar equal to `value` (0.25 is the uniform base distribution for one-hot DNA).
    case constant(Float)
    /// `count` dinucleotide-shuffled copies of each one-hot sequence, averaged, drawn from `seed`.
    case shuffled(count: Int, seed: UInt64)
  }

  /// The number of integration points.
  public var steps: Int
  /// The quadrature rule.
  public var integration: IntegrationRule
  /// The baseline.
  public var baseline: Baseline
  /// The explained output.
  public var output: ExplainedOutput
  /// The data-set index of the first item (see ``SeededExplainer``); it seeds shuffled references.
  public var firstItem = 0

  /// Creates the explainer.
  /// - Parameters:
  ///   - steps: Integration points (50 by default).
  ///   - integration: The quadrature (Captum's Riemann trapezoid by default, as the reference files).
  ///   - baseline: The baseline (zeros by default).
  ///   - output: The explained output (the logit by default).
  public init(
    steps: Int = 50, integration: IntegrationRule = .riemannTrapezoid, baseline: Baseline = .zeros,
    output: ExplainedOutput = .logit
  ) {
    self.steps = steps
    self.integration = integration
    self.baseline = baseline
    self.output = output
  }

  /// The IG maps, averaged over baselines, with the completeness gap per item.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    let explained = model.explained(output)
    let (alphas, weights) = integration.nodes(steps: steps)
    let itemsPerChunk = Self.itemsPerChunk(explained, steps: alphas.count)
    // The end points' outputs in full model chunks, not in IG's smaller chunks; a constant
    // baseline's outputs once.
    let allPredictions = explained.values(of: explained.forward(input), at: targets)
    let constantOutputs = constantBaselineOutputs(explained)
    return chunked(input, targets: targets, model: explained, itemsPerChunk: itemsPerChunk) {
      chunk, chunkTargets, first in
      chunkAttributions(
        explained, chunk, units: [chunkTargets], chunkStart: first,
        predictions: [Array(allPredictions[first..<(first + chunk.batchSize)])],
        constantOutputs: constantOutputs, alphas: alphas, weights: weights)[0]
    }
  }

  /// The IG maps of every selected unit, sharing each path point's forward pass between units.
  ///
  /// Chunks, path batches and sums are those of ``attribution(for:targets:in:)``, so each unit's
  /// maps, predictions and gaps equal it bit for bit.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try model.validate(input: input)
    try model.validate(targets: selection.indices)
    let explained = model.explained(output)
    let (alphas, weights) = integration.nodes(steps: steps)
    let itemsPerChunk = Self.itemsPerChunk(explained, steps: alphas.count)
    let outputs = explained.forward(input)
    let allPredictions = selection.indices.map { target in
      explained.values(of: outputs, at: [Int](repeating: target, count: input.batchSize))
    }
    let constantOutputs = constantBaselineOutputs(explained)
    return chunkedUnits(
      input, selection: selection, model: explained, itemsPerChunk: itemsPerChunk
    ) { chunk, units, first in
      chunkAttributions(
        explained, chunk, units: units, chunkStart: first,
        predictions: allPredictions.map { Array($0[first..<(first + chunk.batchSize)]) },
        constantOutputs: constantOutputs, alphas: alphas, weights: weights)
    }
  }

  /// One chunk's maps at each of several target lists, averaged over its baselines: each
  /// reference's path points are run forward once and backward once per target list.
  /// - Parameters:
  ///   - explained: The explained model.
  ///   - chunk: The chunk, `[n] + inputShape`.
  ///   - units: Target lists, one target per item each.
  ///   - chunkStart: The chunk's first item in the call.
  ///   - predictions: Per target list, the explained output of each item.
  ///   - constantOutputs: Every output at a constant baseline, or `nil`.
  ///   - alphas: The path nodes.
  ///   - weights: The quadrature weights.
  /// - Returns: One attribution per target list.
  func chunkAttributions(
    _ explained: Model, _ chunk: Tensor, units: [[Int]], chunkStart: Int,
    predictions: [[Float]], constantOutputs: [Float]?, alphas: [Double], weights: [Double]
  ) -> [Attribution] {
    let references = baselines(for: chunk, firstItem: firstItem + chunkStart)
    var totals = units.map { _ in Tensor(shape: chunk.shape) }
    var gaps = units.map { _ in [Float](repeating: 0, count: chunk.batchSize) }
    for reference in references {
      let difference = chunk.linearCombination(1, reference, -1)
      let accumulated = Self.pathGradients(
        explained, chunk, reference: reference, units: units, alphas: alphas, weights: weights)
      let referenceOutputs =
        constantOutputs.map { outputs in units.map { $0.map { outputs[$0] } } }
        ?? {
          let forward = explained.forward(reference)
          return units.map { explained.values(of: forward, at: $0) }
        }()
      for unit in units.indices {
        let map = accumulated[unit].multiplied(by: difference)
        let sums = map.itemSums()
        for item in gaps[unit].indices {
          gaps[unit][item] +=
            (sums[item] - (predictions[unit][item] - referenceOutputs[unit][item]))
            / Float(references.count)
        }
        totals[unit] = totals[unit].linearCombination(1, map, 1 / Float(references.count))
      }
    }
    return units.indices.map { unit in
      Attribution(
        values: totals[unit], method: Self.identifier, targets: units[unit],
        predictions: predictions[unit], conservationGap: gaps[unit])
    }
  }

  /// Every output at a baseline that is the same for every item (zeros or a constant), from
  /// one forward pass; `nil` for shuffled references.
  func constantBaselineOutputs(_ model: Model) -> [Float]? {
    switch baseline {
    case .zeros:
      return model.forward(Tensor(shape: model.inputShape.batched(1))).scalars
    case .constant(let value):
      return model.forward(Tensor(shape: model.inputShape.batched(1), repeating: value)).scalars
    case .shuffled:
      return nil
    }
  }

  /// The baseline tensors for one chunk whose first item has index `firstItem` in the data set.
  func baselines(for chunk: Tensor, firstItem: Int) -> [Tensor] {
    switch baseline {
    case .zeros:
      return [Tensor(shape: chunk.shape)]
    case .constant(let value):
      return [Tensor(shape: chunk.shape, repeating: value)]
    case .shuffled(let count, let seed):
      return (0..<count).map { copy in
        ShuffledReferences.oneHot(chunk, seed: seed, firstItem: firstItem, copy: copy)
      }
    }
  }
}
