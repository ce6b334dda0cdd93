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

  /// One method's per-item entropy rises, per seed.
  typealias MethodRises = (method: String, perSeed: [[Double?]])

  /// Rows of the relative entropy rise per method and seed, and over seeds.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls.
  /// - Returns: The report (no verdicts: the rise has no agreed threshold).
  /// - Throws: An explainer's error.
  public func run(model: Model, input: Tensor, explainers: [any Explainer]) throws -> CheckReport {
    report(try rises(model: model, input: input, explainers: explainers, units: nil)[0])
  }

  /// Rows of the relative entropy rise on items of one or several lengths, at one or several
  /// units (``CheckInput``): each group's model is randomized once per seed, every per-item rise
  /// is put back at its item's place in the file, and with several units every row names its
  /// unit.
  /// - Parameters:
  ///   - input: The groups and units (each item's predicted unit when none is selected).
  ///   - explainers: The methods and controls.
  /// - Returns: The report (no verdicts).
  /// - Throws: An explainer's error.
  public func run(_ input: CheckInput, explainers: [any Explainer]) throws -> CheckReport {
    let offsets = input.groupOffsets
    return try input.run(
      scores: { group, index, units in
        try rises(
          model: group.model, input: group.input,
          explainers: explainers.map { $0.offsettingItems(by: offsets[index]) }, units: units)
      },
      gather: { parts in
        parts[0].indices.map { method in
          (
            parts[0][method].method,
            parts[0][method].perSeed.indices.map { seed in
              input.gathered(parts.map { $0[method].perSeed[seed] })
            }
          )
        }
      }, report: report)
  }

  /// Every method's per-item rises at each of several target lists (`[list][method]`).
  ///
  /// Maps are made and reduced to entropies slice by slice, every list at once
  /// (``Explainer/attributions(for:units:in:)``), so only one slice's maps are held; the
  /// randomized model of each seed is drawn once for every method.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls.
  ///   - units: Target lists, one unit per item each (`nil`: the predicted units).
  /// - Returns: Per list, per method, the rises per seed.
  /// - Throws: An explainer's error.
  func rises(model: Model, input: Tensor, explainers: [any Explainer], units: [[Int]]?) throws
    -> [[MethodRises]]
  {
    try model.validate(input: input)
    for targets in units ?? [] { try model.validate(input: input, targets: targets) }
    let lists = units ?? [model.predictedTargets(input)]
    let slices = ModelRandomizationCheck.itemSlices(count: input.batchSize, model: model)
    // mapEntropies(explainer, model)[list][item], with the method's name.
    func mapEntropies(_ explainer: any Explainer, _ explained: Model) throws
      -> (values: [[Double]], method: String)
    {
      let firstItem = (explainer as? any SeededExplainer)?.firstItem ?? 0
      var values = lists.map { _ in [Double]() }
      var method = type(of: explainer).identifier
      for slice in slices {
        let maps = try explainer.numberingItems(from: firstItem + slice.lowerBound)
          .attributions(
            for: input.items(slice), units: lists.map { Array($0[slice]) }, in: explained)
        for (list, map) in maps.enumerated() {
          method = map.method
          values[list] += entropies(map.values)
        }
      }
      return (values, method)
    }
    let before = try explainers.map { try mapEntropies($0, model) }
    var perSeed = explainers.map { _ in lists.map { _ in [[Double?]]() } }
    for seed in seeds {
      let random = try model.randomized(
        layers: model.parameterizedLayerNames, scheme: scheme, seed: seed)
      for (index, explainer) in explainers.enumerated() {
        let after = try mapEntropies(explainer, random).values
        for list in lists.indices {
          perSeed[index][list].append(
            zip(before[index].values[list], after[list]).map {
              $0 > 0 && $1.isFinite ? ($1 - $0) / $0 : nil
            })
        }
      }
    }
    return lists.indices.map { list in
      explainers.indices.map { index in (before[index].method, perSeed[index][list]) }
    }
  }

  /// The rows of every method's rises: one per seed, then one over seeds.
  func report(_ methods: [MethodRises]) -> CheckReport {
    var rows: [ResultRow] = []
    for (method, perSeed) in methods {
      for (seed, rises) in zip(seeds, perSeed) {
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
