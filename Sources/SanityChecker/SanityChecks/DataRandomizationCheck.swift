/// Data randomization: does an explanation change when the model is trained on permuted labels?
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
  public init(metrics: [any SimilarityMetric], view: AttributionView = .full, threshold: Double = 0.5) {
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
  /// - Returns: Similarity rows, accuracy rows for both models, and verdicts.
  /// - Throws: An explainer's error.
  public func run(
    initial: Model, training: (inputs: Tensor, labels: [Float]), test: (inputs: Tensor, labels: [Float])?,
    trainer: Trainer, permutationSeed: UInt64, input: Tensor, explainers: [any Explainer]
  ) throws -> CheckReport {
    try initial.validate(input: input)
    try trainer.validate(
      initial, inputs: training.inputs, labels: training.labels, validation: test,
      names: ("training data", "test data"))
    let labelsPerItem = training.labels.count / max(1, training.inputs.batchSize)
    var generator = SeededGenerator(seed: permutationSeed)
    let permutation = generator.permutation(training.inputs.batchSize)
    let permuted = permutation.flatMap { training.labels[($0 * labelsPerItem)..<(($0 + 1) * labelsPerItem)] }
    let trueModel = trainer.train(initial, inputs: training.inputs, labels: training.labels).model
    let permutedModel = trainer.train(initial, inputs: training.inputs, labels: permuted).model
    var report = try compare(trueModel, permutedModel, input: input, explainers: explainers)
    for (stage, model, labels) in [(ResultStage.trueLabels, trueModel, training.labels), (.permutedLabels, permutedModel, permuted)] {
      report.rows += performanceRows(stage, model, trainer: trainer, data: (training.inputs, labels), split: "train")
      if let test { report.rows += performanceRows(stage, model, trainer: trainer, data: test, split: "test") }
    }
    report.settings["permutation-seed"] = String(permutationSeed)
    report.settings["training"] = "\(trainer.configuration.epochs) epochs, batch \(trainer.configuration.batchSize), seed \(trainer.configuration.seed)"
    return report
  }

  /// Compares the explanations of two given models (e.g. a permuted-label model made elsewhere).
  /// - Parameters:
  ///   - trueModel: The model trained on the true labels.
  ///   - permutedModel: The model trained on permuted labels.
  ///   - input: The explained inputs.
  ///   - explainers: The methods and controls (a random control is added when none is given).
  /// - Returns: Similarity rows and verdicts.
  /// - Throws: An explainer's error.
  public func compare(_ trueModel: Model, _ permutedModel: Model, input: Tensor, explainers: [any Explainer]) throws -> CheckReport {
    try trueModel.validate(input: input)
    try trueModel.validateArchitecture(of: permutedModel, named: permutedModel.name)
    let targets = trueModel.predictedTargets(input)
    let comparison = SimilarityComparison(
      check: .labelRandomization, order: nil, metrics: SimilarityComparison.metrics(metrics),
      view: view, threshold: threshold, verdictStage: .firstStage, keepsItemValues: false)
    var methods: [SimilarityComparison.MethodScores] = []
    for explainer in SimilarityComparison.withFloorControl(explainers) {
      let a = try explainer.attribution(for: input, targets: targets, in: trueModel)
      let b = try explainer.attribution(for: input, targets: targets, in: permutedModel)
      let redrawn = try SimilarityComparison.redrawn(
        explainer, firstItem: (explainer as? any SeededExplainer)?.firstItem ?? 0
      ) {
        try $0.attribution(for: input, targets: targets, in: trueModel)
      }
      methods.append(try comparison.pairScores(a, b, redrawn: redrawn, input: input))
    }
    let (rows, verdicts) = comparison.report(
      methods, seeds: [.all], stages: [.permutedLabels],
      condition: "between the true- and permuted-label models")
    return CheckReport(
      rows: rows, verdicts: verdicts,
      settings: [
        "check": CheckKind.labelRandomization.rawValue, "true-model": trueModel.name, "permuted-model": permutedModel.name,
        "metrics": metrics.map { $0.name }.joined(separator: ","), "view": view.rawValue,
        "threshold": ResultRow.number(threshold),
      ])
  }

  private func performanceRows(_ stage: ResultStage, _ model: Model, trainer: Trainer, data: (Tensor, [Float]), split: String) -> [ResultRow] {
    let figures = trainer.evaluate(model, inputs: data.0, labels: data.1, epoch: 0)
    var rows = [
      ResultRow(
        check: .labelRandomization, order: nil, method: "model", layer: stage, seed: .all, metric: "\(split)-accuracy",
        view: "-", values: [figures.trainingAccuracy])
    ]
    if let auroc = figures.trainingAUROC {
      rows.append(
        ResultRow(
          check: .labelRandomization, order: nil, method: "model", layer: stage, seed: .all, metric: "\(split)-auroc",
          view: "-", values: [auroc]))
    }
    return rows
  }
}
