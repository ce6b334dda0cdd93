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
      let references = baselines(for: chunk, firstItem: firstItem + first)
      var total = Tensor(shape: chunk.shape)
      var gaps = [Float](repeating: 0, count: chunk.batchSize)
      let predictions = Array(allPredictions[first..<(first + chunk.batchSize)])
      for reference in references {
        let difference = chunk.linearCombination(1, reference, -1)
        let accumulated = Self.pathGradient(
          explained, chunk, reference: reference, targets: chunkTargets, alphas: alphas,
          weights: weights)
        let map = accumulated.multiplied(by: difference)
        let referenceOutputs =
          constantOutputs.map { outputs in chunkTargets.map { outputs[$0] } }
          ?? explained.values(of: explained.forward(reference), at: chunkTargets)
        let sums = map.itemSums()
        for item in gaps.indices {
          gaps[item] +=
            (sums[item] - (predictions[item] - referenceOutputs[item])) / Float(references.count)
        }
        total = total.linearCombination(1, map, 1 / Float(references.count))
      }
      return Attribution(
        values: total, method: Self.identifier, targets: chunkTargets, predictions: predictions,
        conservationGap: gaps)
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
