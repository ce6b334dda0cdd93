/// Efficient MPRT: the relative rise of an explanation's discrete entropy from the trained to
/// the fully randomized model.
///
/// ```
/// eMPRT = (H(E(model_random, x)) − H(E(model, x))) / H(E(model, x))
/// ```
/// Hedström et al. 2023, arXiv:2401.06465. A method whose maps become noise-like on a random model
/// shows a clear positive rise. The entropy is that of a 100-bin histogram of the map's values, as
/// Quantus computes it (see ``DiscreteEntropy``).
public struct EfficientModelRandomization: Sendable {
  /// How randomized layers are re-drawn.
  public var scheme: InitializationScheme
  /// The seeds.
  public var seeds: [UInt64]

  /// Creates the check.
  /// - Parameters:
  ///   - scheme: The re-initialization (Glorot uniform by default).
  ///   - seeds: The seeds.
  public init(scheme: InitializationScheme = .glorotUniform, seeds: [UInt64] = [0, 1, 2, 3, 4]) {
    self.scheme = scheme
    self.seeds = seeds
  }

  /// Rows of the relative entropy rise per method and seed, and over seeds.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls.
  /// - Returns: The report (no verdicts: the rise has no agreed threshold).
  /// - Throws: An explainer's error.
  public func run(model: Model, input: Tensor, explainers: [any Explainer]) throws -> CheckReport {
    try model.validate(input: input)
    let targets = model.predictedTargets(input)
    // Maps are made and reduced to entropies slice by slice, so only one slice's maps are held.
    let slices = ModelRandomizationCheck.itemSlices(count: input.batchSize, model: model)
    var rows: [ResultRow] = []
    for explainer in explainers {
      let firstItem = (explainer as? any SeededExplainer)?.firstItem ?? 0
      func slicedEntropies(_ explained: Model) throws -> (values: [Double], method: String) {
        var values: [Double] = []
        var method = type(of: explainer).identifier
        for slice in slices {
          let attribution = try explainer.numberingItems(from: firstItem + slice.lowerBound)
            .attribution(for: input.items(slice), targets: Array(targets[slice]), in: explained)
          method = attribution.method
          values += entropies(attribution.values)
        }
        return (values, method)
      }
      let (before, method) = try slicedEntropies(model)
      var perSeed: [[Double?]] = []
      for seed in seeds {
        let random = try model.randomized(
          layers: model.parameterizedLayerNames, scheme: scheme, seed: seed)
        let after = try slicedEntropies(random).values
        let rises: [Double?] = zip(before, after).map {
          $0 > 0 && $1.isFinite ? ($1 - $0) / $0 : nil
        }
        perSeed.append(rises)
        rows.append(
          ResultRow(
            check: .efficientModelRandomization, order: .complete, method: method,
            layer: .randomized("all"), seed: .seed(seed), metric: "entropy-rise", view: "full",
            values: rises))
      }
      rows.append(
        ResultRow(
          check: .efficientModelRandomization, order: .complete, method: method,
          layer: .randomized("all"), seed: .all, metric: "entropy-rise", view: "full",
          replicates: perSeed))
    }
    return CheckReport(
      rows: rows, verdicts: [],
      settings: [
        "check": CheckKind.efficientModelRandomization.rawValue, "scheme": scheme.description,
        "seeds": seeds.map(String.init).joined(separator: ","),
      ])
  }

  private func entropies(_ maps: Tensor) -> [Double] {
    (0..<maps.batchSize).map {
      DiscreteEntropy(.histogram(bins: 100)).entropy(
        of: maps.items($0..<($0 + 1)).reshaped(maps.shape.item)) ?? .nan
    }
  }
}
