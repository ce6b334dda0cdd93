/// Class sensitivity (Random Logit): whether the explanation changes with the explained class.
///
/// ```
/// score = metric(E(x, t_predicted), E(x, t_other))
/// ```
/// Sixt et al. 2020, "When explanations lie", arXiv:1912.09818: several backward-modifying methods
/// give nearly the same map for every class. The other target is another task of a multi-task
/// model, a named unit, or a random other unit drawn from `(seed, item)`.
public struct ClassSensitivityCheck: Sendable {
  /// Which unit the predicted one is compared with.
  public enum OtherTarget: Hashable, Sendable {
    /// A random other unit per item, drawn from the seed.
    case random(seed: UInt64)
    /// The same named unit for every item (items already predicting it use the next unit).
    case unit(Int)
  }

  /// The metrics (the first, with its magnitude variant, decides the verdict).
  public var metrics: [any SimilarityMetric]
  /// The comparison view.
  public var view: AttributionView
  /// The other target.
  public var other: OtherTarget
  /// The verdict threshold.
  public var threshold: Double

  /// Creates the check.
  /// - Parameters:
  ///   - metrics: The metrics.
  ///   - view: The comparison view.
  ///   - other: The other target (a random other unit by default).
  ///   - threshold: Similarity below which a method passes (0.5 by default).
  public init(
    metrics: [any SimilarityMetric], view: AttributionView = .full,
    other: OtherTarget = .random(seed: 0), threshold: Double = 0.5
  ) {
    self.metrics = metrics
    self.view = view
    self.other = other
    self.threshold = threshold
  }

  /// The other unit per item.
  /// - Parameters:
  ///   - predicted: The predicted unit per item.
  ///   - units: The number of output units (≥ 2).
  /// - Returns: A different unit per item.
  public func otherTargets(_ predicted: [Int], units: Int) -> [Int] {
    otherTargets(predicted, units: units, items: Array(predicted.indices))
  }

  /// The other unit per item, each random draw taken from the item's place in the file.
  /// - Parameters:
  ///   - predicted: The explained unit per item.
  ///   - units: The number of output units (≥ 2).
  ///   - items: Each item's place in the file (its random stream).
  /// - Returns: A different unit per item.
  public func otherTargets(_ predicted: [Int], units: Int, items: [Int]) -> [Int] {
    zip(predicted, items).map { target, item in
      switch other {
      case .random(let seed):
        var generator = SeededGenerator(seed: seed, stream: UInt64(item))
        let draw = generator.index(below: units - 1)
        return draw >= target ? draw + 1 : draw
      case .unit(let unit):
        return unit == target ? (unit + 1) % units : unit
      }
    }
  }

  /// Compares each method's maps for the predicted and the other target.
  /// - Parameters:
  ///   - model: The model (at least two outputs).
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls (a random control is added when none is given).
  /// - Returns: Rows and verdicts.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` for a single-output model, or an explainer's error.
  public func run(model: Model, input: Tensor, explainers: [any Explainer]) throws -> CheckReport {
    report(try methodScores(model: model, input: input, explainers: explainers), model: model)
  }

  /// Compares each method's maps for the explained unit (each selected one in turn, or the
  /// predicted one) and another unit, on items of one or several lengths (``CheckInput``).
  /// - Parameters:
  ///   - input: The groups and units.
  ///   - explainers: The methods and controls.
  /// - Returns: Rows and verdicts; with several units, each names its unit.
  /// - Throws: See ``run(model:input:explainers:)``.
  public func run(_ input: CheckInput, explainers: [any Explainer]) throws -> CheckReport {
    let offsets = input.groupOffsets
    return try input.run(
      scores: { group, index, units in
        try methodScores(
          model: group.model, input: group.input,
          explainers: explainers.map { $0.offsettingItems(by: offsets[index]) }, units: units,
          items: group.indices)
      }, gather: input.gathered, report: { report($0, model: input.model) })
  }

  /// Every method's per-item scores, before summarizing (see ``run(model:input:explainers:)``).
  /// - Parameters:
  ///   - model: The model.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls.
  ///   - targets: The explained unit per item (`nil`: the predicted one).
  ///   - items: Each item's place in the file, the stream of its random other unit (`nil`: its
  ///     place in `input`).
  /// - Returns: The scores.
  /// - Throws: See ``run(model:input:explainers:)``.
  func methodScores(
    model: Model, input: Tensor, explainers: [any Explainer], targets: [Int]? = nil,
    items: [Int]? = nil
  ) throws
    -> [SimilarityComparison.MethodScores]
  {
    try methodScores(
      model: model, input: input, explainers: explainers, units: targets.map { [$0] },
      items: items)[0]
  }

  /// Every method's per-item scores at each of several target lists (`[list][method]`): each
  /// method explains every list at once (``Explainer/attributions(for:units:in:)``), then
  /// every list's other units at once, so each list's scores equal a run of its own.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls.
  ///   - units: Target lists, one unit per item each (`nil`: the predicted units).
  ///   - items: Each item's place in the file (`nil`: its place in `input`).
  /// - Returns: Per list, the scores.
  /// - Throws: See ``run(model:input:explainers:)``.
  func methodScores(
    model: Model, input: Tensor, explainers: [any Explainer], units: [[Int]]?,
    items: [Int]?
  ) throws -> [[SimilarityComparison.MethodScores]] {
    try model.validate(input: input)
    let outputCount = model.outputShape.count
    guard outputCount >= 2 else {
      throw ModelError.shapeMismatch(
        layer: model.layers.last?.name ?? "output", expected: "at least 2 outputs",
        actual: model.outputShape)
    }
    for targets in units ?? [] { try model.validate(input: input, targets: targets) }
    let predicted = units ?? [model.predictedTargets(input)]
    if case .unit(let unit) = other { try model.validate(targets: [unit]) }
    let others = predicted.map {
      otherTargets($0, units: outputCount, items: items ?? Array(0..<input.batchSize))
    }
    var methods = predicted.map { _ in [SimilarityComparison.MethodScores]() }
    for explainer in SimilarityComparison.withFloorControl(explainers) {
      let a = try explainer.attributions(for: input, units: predicted, in: model)
      let b = try explainer.attributions(for: input, units: others, in: model)
      let redrawn = try SimilarityComparison.redrawn(
        explainer, firstItem: (explainer as? any SeededExplainer)?.firstItem ?? 0
      ) {
        try $0.attributions(for: input, units: predicted, in: model)
      }
      for list in predicted.indices {
        methods[list].append(
          try comparison.pairScores(a[list], b[list], redrawn: redrawn?[list], input: input))
      }
    }
    return methods
  }

  /// The rows and verdicts of every method's scores.
  func report(_ methods: [SimilarityComparison.MethodScores], model: Model) -> CheckReport {
    let (rows, verdicts) = comparison.report(
      methods, seeds: [.all], stages: [.otherClass],
      condition: "between the predicted and another class")
    return CheckReport(
      rows: rows, verdicts: verdicts,
      settings: [
        "check": CheckKind.classSensitivity.rawValue, "model": model.name,
        "other-target": "\(other)", "view": view.rawValue,
      ])
  }

  /// The scoring and summarizing step of this check's settings.
  var comparison: SimilarityComparison {
    SimilarityComparison(
      check: .classSensitivity, order: nil, metrics: SimilarityComparison.metrics(metrics),
      view: view, threshold: threshold, verdictStage: .firstStage, keepsItemValues: false)
  }
}
