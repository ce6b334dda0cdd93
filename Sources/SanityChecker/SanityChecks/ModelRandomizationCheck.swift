/// Model parameter randomization (MPRT): whether an explanation changes when the model's weights
/// change.
///
/// ```
/// for each seed s, each stage k of the order:  score_k = metric(E(model, x), E(model_k^s, x))
/// ```
/// Adebayo et al. 2018, "Sanity checks for saliency maps", arXiv:1810.03292. A faithful method's
/// maps become dissimilar as layers are randomized; Guided Backprop's barely change after the
/// top layers are re-drawn (also Sixt et al. 2020, arXiv:1912.09818). The explained target is the
/// original model's, kept fixed at every stage. Controls (random, constant, input maps) run
/// through the same stages, so each score sits between the floor and ceiling of uninformative
/// maps (Binder et al. 2023, arXiv:2211.12486). With ``Configuration/smoothing`` the explanations
/// are averaged over noisy inputs first (sMPRT, Hedström et al. 2023, arXiv:2401.06465).
///
/// Deviation noted: the Sanity Checks paper's Table 1 is not reproduced digit for digit — its Guided
/// Backprop values came partly from an un-randomized cached model copy in the library it used,
/// and its Saliency and Gradient × Input columns appear swapped.
public struct ModelRandomizationCheck: Sendable {
  /// The check's settings.
  public struct Configuration: Sendable {
    /// The randomization order.
    public var order: RandomizationOrder
    /// How randomized layers are re-drawn.
    public var scheme: InitializationScheme
    /// The seeds; results are reported per seed and as mean ± sd over seeds and items, with
    /// intervals from a bootstrap over seeds, then items.
    public var seeds: [UInt64]
    /// The similarity metrics.
    ///
    /// The first one decides the verdict, together with its magnitude variant
    /// (``SimilarityMetric/magnitudeVariant``), which is scored even when not listed.
    public var metrics: [any SimilarityMetric]
    /// How DNA maps are reduced before comparing.
    public var view: AttributionView
    /// The verdict threshold on the first metric (and its magnitude variant) at ``verdictStage``,
    /// in the metric's units and read in its direction (``SimilarityRule``).
    public var threshold: Double
    /// Which part of the randomization curve the verdict reads.
    public var verdictStage: VerdictStage
    /// sMPRT: average each explanation over this many noisy inputs (σ = `noiseLevel` × range).
    public var smoothing: (samples: Int, noiseLevel: Float)?
    /// Whether rows keep per-item values.
    public var keepsItemValues: Bool

    /// Creates settings.
    /// - Parameters:
    ///   - order: Cascading top-down by default.
    ///   - scheme: Glorot uniform (Keras' default initializer) by default.
    ///   - seeds: Five seeds by default.
    ///   - metrics: The metrics; Spearman and absolute Spearman by default.
    ///   - view: The comparison view (`full`).
    ///   - threshold: 0.4 by default.
    ///   - verdictStage: The mean over all stages by default.
    ///   - smoothing: sMPRT settings, or `nil`.
    ///   - keepsItemValues: Keep per-item values.
    public init(
      order: RandomizationOrder = .cascadingTopDown, scheme: InitializationScheme = .glorotUniform,
      seeds: [UInt64] = [0, 1, 2, 3, 4], metrics: [any SimilarityMetric],
      view: AttributionView = .full,
      threshold: Double = 0.4, verdictStage: VerdictStage = .meanOverStages,
      smoothing: (samples: Int, noiseLevel: Float)? = nil, keepsItemValues: Bool = false
    ) {
      self.order = order
      self.scheme = scheme
      self.seeds = seeds
      self.metrics = metrics
      self.view = view
      self.threshold = threshold
      self.verdictStage = verdictStage
      self.smoothing = smoothing
      self.keepsItemValues = keepsItemValues
    }
  }

  /// The settings.
  public var configuration: Configuration

  /// Creates the check.
  /// - Parameter configuration: The settings.
  public init(_ configuration: Configuration) { self.configuration = configuration }

  /// The check in results: model randomization, or its smoothed variant (sMPRT).
  public var checkKind: CheckKind {
    configuration.smoothing == nil ? .modelRandomization : .smoothModelRandomization
  }

  /// Runs the check with drawn randomization stages.
  ///
  /// Stages are drawn one at a time as they are used and dropped after, so at most two
  /// randomized models are alive at once, whatever the number of seeds
  /// (``RandomizationStageSequence``).
  /// - Parameters:
  ///   - model: The trained model.
  ///   - input: The explained inputs.
  ///   - targets: The explained output per item (`nil`: the original model's predicted unit).
  ///   - explainers: The methods and controls.
  /// - Returns: Rows per method, stage, seed and metric, with summaries and verdicts.
  /// - Throws: An explainer's error.
  public func run(model: Model, input: Tensor, targets: [Int]? = nil, explainers: [any Explainer])
    throws -> CheckReport
  {
    let stages = Stages(drawnFrom: model, configuration)
    let methods = try methodScores(
      model: model, stages: stages, input: input, targets: targets, explainers: explainers)
    return report(methods, seeds: stages.seeds, stageNames: stages.names, model: model)
  }

  /// Runs the check on given stages (for example randomized models made by another tool).
  /// - Parameters:
  ///   - model: The trained model.
  ///   - stagesPerSeed: Per seed label, the stages in order.
  ///   - input: The explained inputs.
  ///   - targets: The explained output per item (`nil`: the original model's predicted unit).
  ///   - explainers: The methods and controls; a random control is added when none is given, as
  ///     the floor of every normalized score (``SimilarityScale``).
  /// - Returns: The report.
  /// - Throws: An explainer's error.
  public func run(
    model: Model, stagesPerSeed: [(String, [RandomizationStage])], input: Tensor, targets: [Int]?,
    explainers: [any Explainer]
  ) throws -> CheckReport {
    let stages = Stages(given: stagesPerSeed)
    let methods = try methodScores(
      model: model, stages: stages, input: input, targets: targets, explainers: explainers)
    return report(methods, seeds: stages.seeds, stageNames: stages.names, model: model)
  }

  /// Receives each map the check computes, slice by slice in item order: the explainer's place
  /// in the explainers given, the seed's and the stage's place (`nil` for the trained model),
  /// the slice's inputs and the map.
  typealias MapObserver = (
    _ explainer: Int, _ stage: (seed: Int, stage: Int)?, _ input: Tensor, _ map: Attribution
  ) throws -> Void

  /// Runs the check on items of one or several lengths, at one or several units.
  ///
  /// Each group's stages are given once and shared by every unit, or drawn one at a time as they
  /// are used; per-item scores are put back in file order before the rows are summarized
  /// (``CheckInput``).
  /// - Parameters:
  ///   - input: The groups and units.
  ///   - explainers: The methods and controls.
  ///   - stages: The stages per seed label for a group's model, when given (for example
  ///     randomized models made by another tool); drawn with the configuration otherwise.
  /// - Returns: The report; with several units, rows and verdicts name their unit.
  /// - Throws: An explainer's error, or the error of `stages`.
  public func run(
    _ input: CheckInput, explainers: [any Explainer],
    stages: ((Model) throws -> [(String, [RandomizationStage])])? = nil
  ) throws -> CheckReport {
    let stagesPerGroup = try input.groups.map { group in
      try stages.map { Stages(given: try $0(group.model)) }
        ?? Stages(drawnFrom: group.model, configuration)
    }
    let offsets = input.groupOffsets
    return try input.run(
      scores: { group, index, units in
        try methodScores(
          model: group.model, stages: stagesPerGroup[index], input: group.input,
          units: units, explainers: explainers.map { $0.offsettingItems(by: offsets[index]) })
      }, gather: input.gathered,
      report: {
        report(
          $0, seeds: stagesPerGroup[0].seeds, stageNames: stagesPerGroup[0].names,
          model: input.model)
      })
  }

  /// Every method's per-item scores (`scores[metric][seed][stage][item]`), before summarizing.
  ///
  /// A batch run keeps them per shard and summarizes the joined scores with ``report(_:seeds:stageNames:model:)``.
  /// `observe` sees every map, so other checks of the run can use them rather than explain again.
  /// Methods, item slices, seeds and stages are visited in that order (outermost first); a
  /// drawn seed's stages are drawn again for each method and slice and dropped after.
  func methodScores(
    model: Model, stages stageSource: Stages, input: Tensor, targets: [Int]?,
    explainers: [any Explainer], observe: MapObserver? = nil
  ) throws -> [SimilarityComparison.MethodScores] {
    try methodScores(
      model: model, stages: stageSource, input: input, units: targets.map { [$0] },
      explainers: explainers, observe: observe)[0]
  }

  /// Every method's per-item scores at each of several target lists (`[list][method]`).
  ///
  /// Each map is computed for every list at once (``Explainer/attributions(for:units:in:)``),
  /// so the methods that share forward passes between units do, and each seed's stages are
  /// drawn once for all lists; each list's scores equal a run of its own.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - stageSource: The stages.
  ///   - input: The items.
  ///   - units: Target lists, one target per item each (`nil`: the predicted units).
  ///   - explainers: The methods and controls.
  ///   - observe: Sees every map; only with one list.
  /// - Returns: Per list, every method's scores.
  /// - Throws: An explainer's error.
  func methodScores(
    model: Model, stages stageSource: Stages, input: Tensor, units: [[Int]]?,
    explainers: [any Explainer], observe: MapObserver? = nil
  ) throws -> [[SimilarityComparison.MethodScores]] {
    try model.validate(input: input)
    for targets in units ?? [] { try model.validate(input: input, targets: targets) }
    try stageSource.validate(against: model)
    let lists = units ?? [model.predictedTargets(input)]
    precondition(observe == nil || lists.count == 1, "methodScores: observe takes one target list")
    let comparison = self.comparison
    var methods = lists.map { _ in [SimilarityComparison.MethodScores]() }
    for (explainerIndex, explainer) in SimilarityComparison.withFloorControl(explainers)
      .enumerated()
    {
      // scores[list][metric][seed][stage]: per-item values, slice after slice.
      var scores = lists.map { _ in
        comparison.metrics.map { _ in
          stageSource.counts.map { [[Double?]](repeating: [], count: $0) }
        }
      }
      let empty = [[Double?]](repeating: [], count: comparison.metrics.count)
      var (ceiling, perfect) = (lists.map { _ in empty }, lists.map { _ in empty })
      var method = type(of: explainer).identifier
      var viewName = configuration.view.rawValue
      let firstItem = (explainer as? any SeededExplainer)?.firstItem ?? 0
      for slice in slices(count: input.batchSize, model: model) {
        let (part, partLists) = (input.items(slice), lists.map { Array($0[slice]) })
        let numbered = explainer.numberingItems(from: firstItem + slice.lowerBound)
        let originals = try explain(numbered, model: model, input: part, units: partLists)
        try observe?(explainerIndex, nil, part, originals[0])
        method = originals[0].method
        viewName = MapComparison.viewName(
          configuration.view, mapShape: originals[0].values.shape.item, input: input.shape.item)
        let redrawn = try SimilarityComparison.redrawn(
          explainer, firstItem: firstItem + slice.lowerBound
        ) {
          try explain($0, model: model, input: part, units: partLists)
        }
        for list in lists.indices {
          let selfScores = try comparison.selfScores(
            originals[list].values, redrawn: redrawn?[list], input: part)
          for metricIndex in comparison.metrics.indices {
            ceiling[list][metricIndex] += selfScores.ceiling[metricIndex]
            perfect[list][metricIndex] += selfScores.perfect[metricIndex]
          }
        }
        for seedIndex in stageSource.seeds.indices {
          // One seed's stages at a time, each model dropped once explained; the maps are scored
          // together so each original map is ranked once.
          var randomized = lists.map { _ in [Tensor]() }
          for (stageIndex, stage) in stageSource.stages(ofSeed: seedIndex).enumerated() {
            let maps = try explain(numbered, model: stage.model, input: part, units: partLists)
            try observe?(explainerIndex, (seedIndex, stageIndex), part, maps[0])
            for list in lists.indices { randomized[list].append(maps[list].values) }
          }
          for list in lists.indices {
            for (metricIndex, metric) in comparison.metrics.enumerated() {
              let stageScores = try MapComparison.scores(
                originals[list].values, against: randomized[list], input: part, metric: metric,
                view: configuration.view)
              for stageIndex in randomized[list].indices {
                scores[list][metricIndex][seedIndex][stageIndex] += stageScores[stageIndex]
              }
            }
          }
        }
      }
      for list in lists.indices {
        methods[list].append(
          .init(
            method: method, view: viewName, scores: scores[list], ceiling: ceiling[list],
            perfect: perfect[list]))
      }
    }
    return methods
  }

  /// The rows and verdicts of every method's scores.
  /// - Parameters:
  ///   - methods: The scores of ``methodScores(model:stages:input:targets:explainers:observe:)``.
  ///   - seeds: The seed labels, in the scores' order.
  ///   - stageNames: The stages, in the scores' order.
  ///   - model: The trained model (named in the settings).
  /// - Returns: The report.
  func report(
    _ methods: [SimilarityComparison.MethodScores], seeds: [String], stageNames: [String],
    model: Model
  ) -> CheckReport {
    let (rows, verdicts) = comparison.report(
      methods, seeds: seeds.map { SeedLabel(parsing: $0) },
      stages: stageNames.map { .randomized($0) },
      condition: configuration.verdictStage.condition(stageNames))
    return CheckReport(rows: rows, verdicts: verdicts, settings: settings(model: model))
  }

  /// The scoring and summarizing step of this check's settings.
  var comparison: SimilarityComparison {
    SimilarityComparison(
      check: checkKind, order: configuration.order,
      metrics: SimilarityComparison.metrics(configuration.metrics), view: configuration.view,
      threshold: configuration.threshold, verdictStage: configuration.verdictStage,
      keepsItemValues: configuration.keepsItemValues)
  }

  /// The item ranges explained at a time.
  ///
  /// Two maps (the original and one randomized stage) and the inputs of a slice take at most
  /// ``sliceBytes``, so the maps held do not grow with the number of items or stages; the
  /// explainers chunk each slice further within ``MemoryBudget``. Slices are whole multiples of ``Model/chunkSize`` and depend only on the
  /// shapes, so results do not depend on the budget or the thread count. With
  /// ``Configuration/smoothing`` the inputs stay in one slice, because sMPRT's noise is numbered
  /// by the item's place in the call.
  /// - Parameters:
  ///   - count: The number of items.
  ///   - model: The model.
  /// - Returns: Consecutive ranges covering `0..<count`.
  func slices(count: Int, model: Model) -> [Range<Int>] {
    guard configuration.smoothing == nil, count > 0 else { return count > 0 ? [0..<count] : [] }
    return Self.itemSlices(count: count, model: model)
  }

  /// Consecutive item ranges whose inputs and two maps take at most ``sliceBytes``, each a
  /// whole multiple of ``Model/chunkSize`` items (the last may be shorter).
  /// - Parameters:
  ///   - count: The number of items.
  ///   - model: The model.
  /// - Returns: Ranges covering `0..<count`.
  static func itemSlices(count: Int, model: Model) -> [Range<Int>] {
    let bytesPerItem = 3 * model.inputShape.count * MemoryLayout<Float>.stride
    let chunk = max(1, model.chunkSize)
    let size = max(chunk, Self.sliceBytes / max(1, bytesPerItem) / chunk * chunk)
    return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
  }

  /// The memory of one slice's maps and inputs, 16 MiB: a quarter of the smallest budget.
  static let sliceBytes = 16 << 20

  /// The explanations at each target list, smoothed over noisy inputs for sMPRT.
  func explain(_ explainer: any Explainer, model: Model, input: Tensor, units: [[Int]]) throws
    -> [Attribution]
  {
    guard let smoothing = configuration.smoothing else {
      return try explainer.attributions(for: input, units: units, in: model)
    }
    return try NoiseAveraged(
      base: explainer, samples: smoothing.samples, noiseLevel: smoothing.noiseLevel, seed: 0
    )
    .attributions(for: input, units: units, in: model)
  }

  /// The settings as recorded in the output.
  func settings(model: Model) -> [String: String] {
    var values = [
      "check": checkKind.rawValue, "model": model.name, "order": configuration.order.rawValue,
      "scheme": configuration.scheme.description,
      "seeds": configuration.seeds.map(String.init).joined(separator: ","),
      "metrics": configuration.metrics.map { $0.name }.joined(separator: ","),
      "view": configuration.view.rawValue, "threshold": ResultRow.number(configuration.threshold),
      "verdict-stage": configuration.verdictStage.rawValue,
    ]
    if let smoothing = configuration.smoothing {
      values["smoothing"] = "\(smoothing.samples) samples, noise level \(smoothing.noiseLevel)"
    }
    return values
  }
}

extension Model {
  /// The predicted output unit per item: the arg-max for several outputs, 0 for one.
  /// - Parameter input: The batch.
  /// - Returns: One unit per item.
  public func predictedTargets(_ input: Tensor) -> [Int] {
    let width = outputShape.count
    guard width > 1 else { return [Int](repeating: 0, count: input.batchSize) }
    let output = forward(input)
    return (0..<input.batchSize).map { item in
      let row = output.scalars[(item * width)..<((item + 1) * width)]
      return (row.indices.max { row[$0] < row[$1] } ?? item * width) - item * width
    }
  }
}
