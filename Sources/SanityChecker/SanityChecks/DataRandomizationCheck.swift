/// Data randomization: whether an explanation changes when the model is trained on permuted
/// labels.
///
/// ```
/// model_true = train(init, X, y);  model_perm = train(init, X, π(y))
/// score = metric(E(model_true, x), E(model_perm, x))
/// ```
/// Adebayo et al. 2018, arXiv:1810.03292, §5. Both models start from the same initialization and
/// follow the same schedule; their training and test accuracy and AUROC are reported, since a
/// permuted-label model is only meaningful once it has (partly) memorized its training set.
public struct DataRandomizationCheck: Sendable {
  /// The similarity metrics (the first, with its magnitude variant, decides the verdict).
  public var metrics: [any SimilarityMetric]
  /// The comparison view.
  public var view: AttributionView
  /// The verdict threshold.
  public var threshold: Double

  /// Creates the check.
  /// - Parameters:
  ///   - metrics: The metrics.
  ///   - view: The comparison view.
  ///   - threshold: Similarity below which a method passes (0.5 by default).
  public init(
    metrics: [any SimilarityMetric], view: AttributionView = .full, threshold: Double = 0.5
  ) {
    self.metrics = metrics
    self.view = view
    self.threshold = threshold
  }

  /// Trains both models and compares their explanations.
  /// - Parameters:
  ///   - initial: The architecture with its initial weights.
  ///   - training: Training inputs and labels.
  ///   - test: Held-out inputs and labels (reported only).
  ///   - trainer: The training schedule.
  ///   - permutationSeed: The seed of the label permutation.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls.
  ///   - source: Where the training items were read: the file's name, each item's record and
  ///     its line, so that a label error names them (`train.fa:5: record 'c' …`).
  ///   - selection: The explained units (`nil`: each item's predicted unit).
  /// - Returns: Similarity rows, accuracy rows for both models, and verdicts.
  /// - Throws: An explainer's error, or ``TrainingError`` for labels that do not fit the model.
  public func run(
    initial: Model, training: (inputs: Tensor, labels: [Float]),
    test: (inputs: Tensor, labels: [Float])?,
    trainer: Trainer, permutationSeed: UInt64, input: Tensor, explainers: [any Explainer],
    source: (file: String, records: [String], lines: [Int]?)? = nil,
    selection: TargetSelection? = nil
  ) throws -> CheckReport {
    try initial.validate(input: input)
    try trainer.validate(
      initial, inputs: training.inputs, labels: training.labels, validation: test,
      names: (source?.file ?? "training data", "test data"), records: source?.records,
      lines: source?.lines)
    let (trueModel, permutedModel, permuted) = trained(
      initial: initial, training: training, trainer: trainer, permutationSeed: permutationSeed)
    var report = try compare(
      CheckInput(model: trueModel, input: input, selection: selection),
      permutedModels: [permutedModel], explainers: explainers)
    for (stage, model, labels) in [
      (ResultStage.trueLabels, trueModel, training.labels),
      (.permutedLabels, permutedModel, permuted),
    ] {
      report.rows += performanceRows(
        stage, model, trainer: trainer, data: (training.inputs, labels), split: "train")
      if let test {
        report.rows += performanceRows(stage, model, trainer: trainer, data: test, split: "test")
      }
    }
    report.settings.merge(trainingSettings(permutationSeed: permutationSeed, trainer: trainer)) {
      $1
    }
    return report
  }

  /// Both models: trained on the true labels and on labels permuted with `permutationSeed`.
  /// - Returns: The two models and the permuted labels.
  func trained(
    initial: Model, training: (inputs: Tensor, labels: [Float]), trainer: Trainer,
    permutationSeed: UInt64
  )
    -> (trueModel: Model, permutedModel: Model, permuted: [Float])
  {
    let labelsPerItem = training.labels.count / max(1, training.inputs.batchSize)
    var generator = SeededGenerator(seed: permutationSeed)
    let permutation = generator.permutation(training.inputs.batchSize)
    let permuted = permutation.flatMap {
      training.labels[($0 * labelsPerItem)..<(($0 + 1) * labelsPerItem)]
    }
    let trueModel = trainer.train(initial, inputs: training.inputs, labels: training.labels).model
    let permutedModel = trainer.train(initial, inputs: training.inputs, labels: permuted).model
    return (trueModel, permutedModel, permuted)
  }

  /// The training settings recorded in the output.
  func trainingSettings(permutationSeed: UInt64, trainer: Trainer) -> [String: String] {
    [
      "permutation-seed": String(permutationSeed),
      "training":
        "\(trainer.configuration.epochs) epochs, batch \(trainer.configuration.batchSize), seed \(trainer.configuration.seed)",
    ]
  }

  /// Compares the explanations of two given models (for example a permuted-label model made
  /// elsewhere).
  /// - Parameters:
  ///   - trueModel: The model trained on the true labels.
  ///   - permutedModel: The model trained on permuted labels.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls (a random control is added when none is given).
  /// - Returns: Similarity rows and verdicts.
  /// - Throws: An explainer's error.
  public func compare(
    _ trueModel: Model, _ permutedModel: Model, input: Tensor, explainers: [any Explainer]
  ) throws -> CheckReport {
    report(
      try methodScores(trueModel, permutedModel, input: input, explainers: explainers),
      trueModel: trueModel.name,
      permutedModel: permutedModel.name)
  }

  /// Compares the explanations of two given models on items of one or several lengths and at
  /// one or several units (``CheckInput``).
  /// - Parameters:
  ///   - input: The groups (each with the true-label model at its length) and units.
  ///   - permutedModels: The permuted-label model at each group's length, in group order.
  ///   - explainers: The methods and controls.
  /// - Returns: Similarity rows and verdicts; with several units, each names its unit.
  /// - Throws: An explainer's error, or ``ModelError`` when the models' architectures differ.
  public func compare(
    _ input: CheckInput, permutedModels: [Model], explainers: [any Explainer]
  ) throws -> CheckReport {
    precondition(permutedModels.count == input.groups.count, "one permuted model per group")
    let offsets = input.groupOffsets
    return try input.run(
      scores: { group, index, units in
        try methodScores(
          group.model, permutedModels[index], input: group.input,
          explainers: explainers.map { $0.offsettingItems(by: offsets[index]) }, units: units)
      }, gather: input.gathered,
      report: {
        report($0, trueModel: input.model.name, permutedModel: permutedModels[0].name)
      })
  }

  /// Every method's per-item scores, before summarizing (see ``compare(_:_:input:explainers:)``).
  /// - Parameters:
  ///   - trueModel: The model trained on the true labels.
  ///   - permutedModel: The model trained on permuted labels.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls.
  ///   - targets: The explained unit per item (`nil`: the true-label model's predicted one).
  /// - Returns: The scores.
  /// - Throws: See ``compare(_:permutedModels:explainers:)``.
  func methodScores(
    _ trueModel: Model, _ permutedModel: Model, input: Tensor, explainers: [any Explainer],
    targets: [Int]? = nil
  ) throws
    -> [SimilarityComparison.MethodScores]
  {
    try methodScores(
      trueModel, permutedModel, input: input, explainers: explainers,
      units: targets.map { [$0] })[0]
  }

  /// Every method's per-item scores at each of several target lists (`[list][method]`), each
  /// method explaining every list at once on each model (``Explainer/attributions(for:units:in:)``).
  /// - Parameters:
  ///   - trueModel: The model trained on the true labels.
  ///   - permutedModel: The model trained on permuted labels.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls.
  ///   - units: Target lists, one unit per item each (`nil`: the true-label model's predicted
  ///     units).
  /// - Returns: Per list, the scores.
  /// - Throws: See ``compare(_:permutedModels:explainers:)``.
  func methodScores(
    _ trueModel: Model, _ permutedModel: Model, input: Tensor, explainers: [any Explainer],
    units: [[Int]]?
  ) throws -> [[SimilarityComparison.MethodScores]] {
    try trueModel.validate(input: input)
    try trueModel.validateArchitecture(of: permutedModel, named: permutedModel.name)
    for targets in units ?? [] { try trueModel.validate(input: input, targets: targets) }
    let lists = units ?? [trueModel.predictedTargets(input)]
    var methods = lists.map { _ in [SimilarityComparison.MethodScores]() }
    for explainer in SimilarityComparison.withFloorControl(explainers) {
      let a = try explainer.attributions(for: input, units: lists, in: trueModel)
      let b = try explainer.attributions(for: input, units: lists, in: permutedModel)
      let redrawn = try SimilarityComparison.redrawn(
        explainer, firstItem: (explainer as? any SeededExplainer)?.firstItem ?? 0
      ) {
        try $0.attributions(for: input, units: lists, in: trueModel)
      }
      for list in lists.indices {
        methods[list].append(
          try comparison.pairScores(a[list], b[list], redrawn: redrawn?[list], input: input))
      }
    }
    return methods
  }

  /// The rows and verdicts of every method's scores.
  func report(
    _ methods: [SimilarityComparison.MethodScores], trueModel: String, permutedModel: String
  ) -> CheckReport {
    let (rows, verdicts) = comparison.report(
      methods, seeds: [.all], stages: [.permutedLabels],
      condition: "between the true- and permuted-label models")
    return CheckReport(
      rows: rows, verdicts: verdicts,
      settings: [
        "check": CheckKind.labelRandomization.rawValue, "true-model": trueModel,
        "permuted-model": permutedModel,
        "metrics": metrics.map { $0.name }.joined(separator: ","), "view": view.rawValue,
        "threshold": ResultRow.number(threshold),
      ])
  }

  /// The scoring and summarizing step of this check's settings.
  var comparison: SimilarityComparison {
    SimilarityComparison(
      check: .labelRandomization, order: nil, metrics: SimilarityComparison.metrics(metrics),
      view: view, threshold: threshold, verdictStage: .firstStage, keepsItemValues: false)
  }

  func performanceRows(
    _ stage: ResultStage, _ model: Model, trainer: Trainer, data: (Tensor, [Float]), split: String
  ) -> [ResultRow] {
    performanceRows(
      stage, figures: trainer.evaluate(model, inputs: data.0, labels: data.1, epoch: 0),
      split: split)
  }

  /// The accuracy (and AUROC) rows of one model on one split.
  func performanceRows(_ stage: ResultStage, figures: Trainer.EpochReport, split: String)
    -> [ResultRow]
  {
    var rows = [
      ResultRow(
        check: .labelRandomization, order: nil, method: "model", layer: stage, seed: .all,
        metric: "\(split)-accuracy",
        view: "-", values: [figures.trainingAccuracy])
    ]
    if let auroc = figures.trainingAUROC {
      rows.append(
        ResultRow(
          check: .labelRandomization, order: nil, method: "model", layer: stage, seed: .all,
          metric: "\(split)-auroc",
          view: "-", values: [auroc]))
    }
    return rows
  }
}
