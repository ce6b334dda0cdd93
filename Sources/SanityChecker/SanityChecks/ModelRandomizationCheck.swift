/// Model parameter randomization (MPRT): does an explanation change when the model's weights do?
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
    /// The seeds; results are reported per seed and as mean ± sd over seeds and items.
    public var seeds: [UInt64]
    /// The similarity metrics (the first one decides the verdict).
    public var metrics: [any SimilarityMetric]
    /// How DNA maps are reduced before comparing.
    public var view: AttributionView
    /// The verdict threshold on the first metric at ``verdictStage``.
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
    ///   - seeds: Three seeds by default.
    ///   - metrics: The metrics; Spearman and absolute Spearman by default.
    ///   - view: The comparison view (`full`).
    ///   - threshold: 0.4 by default.
    ///   - verdictStage: The mean over all stages by default.
    ///   - smoothing: sMPRT settings, or `nil`.
    ///   - keepsItemValues: Keep per-item values.
    public init(
      order: RandomizationOrder = .cascadingTopDown, scheme: InitializationScheme = .glorotUniform,
      seeds: [UInt64] = [0, 1, 2], metrics: [any SimilarityMetric], view: AttributionView = .full,
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

  /// The check's name in results.
  public var checkName: String {
    configuration.smoothing == nil ? "model-randomization" : "smooth-model-randomization"
  }

  /// Runs the check with drawn randomization stages.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - input: The explained inputs.
  ///   - targets: The explained output per item (`nil`: the original model's predicted unit).
  ///   - explainers: The methods and controls.
  /// - Returns: Rows per method, stage, seed and metric, with summaries and verdicts.
  /// - Throws: An explainer's error.
  public func run(model: Model, input: Tensor, targets: [Int]? = nil, explainers: [any Explainer]) throws -> CheckReport {
    let stagesPerSeed = configuration.seeds.map { seed in
      (String(seed), model.randomizationStages(order: configuration.order, scheme: configuration.scheme, seed: seed))
    }
    return try run(model: model, stagesPerSeed: stagesPerSeed, input: input, targets: targets, explainers: explainers)
  }

  /// Runs the check on given stages (e.g. randomized models made by another tool).
  /// - Parameters:
  ///   - model: The trained model.
  ///   - stagesPerSeed: Per seed label, the stages in order.
  ///   - input: The explained inputs.
  ///   - targets: The explained output per item (`nil`: the original model's predicted unit).
  ///   - explainers: The methods and controls.
  /// - Returns: The report.
  /// - Throws: An explainer's error.
  public func run(
    model: Model, stagesPerSeed: [(String, [RandomizationStage])], input: Tensor, targets: [Int]?,
    explainers: [any Explainer]
  ) throws -> CheckReport {
    try model.validate(input: input)
    if let targets { try model.validate(input: input, targets: targets) }
    for (_, stages) in stagesPerSeed {
      for stage in stages { try model.validateArchitecture(of: stage.model, named: stage.name) }
    }
    let fixedTargets = targets ?? model.predictedTargets(input)
    var rows: [ResultRow] = []
    var verdicts: [Verdict] = []
    let orderName = configuration.order.rawValue
    var stageMeans: [String: [String: [Double]]] = [:]  // method → seed → per-stage means
    for explainer in explainers {
      let original = try explain(explainer, model: model, input: input, targets: fixedTargets)
      let viewName = MapComparison.viewName(configuration.view, mapShape: original.values.shape.item, input: input.shape.item)
      var pooled: [String: [String: [Double?]]] = [:]  // stage → metric → values over seeds
      for (seedLabel, stages) in stagesPerSeed {
        let randomized = try stages.map { stage in
          try explain(explainer, model: stage.model, input: input, targets: fixedTargets).values
        }
        let scores = try configuration.metrics.map { metric in
          try MapComparison.scores(original.values, against: randomized, input: input, metric: metric, view: configuration.view)
        }
        for (stageIndex, stage) in stages.enumerated() {
          for (metricIndex, metric) in configuration.metrics.enumerated() {
            let metricName = metric.name
            let values = scores[metricIndex][stageIndex]
            let row = ResultRow(
              check: checkName, order: orderName, method: original.method, layer: stage.name, seed: seedLabel,
              metric: metricName, view: viewName, values: values, keepValues: configuration.keepsItemValues)
            rows.append(row)
            pooled[stage.name, default: [:]][metricName, default: []] += values
            if metricName == configuration.metrics.first.map({ $0.name }) {
              stageMeans[original.method, default: [:]][seedLabel, default: []].append(row.mean)
            }
          }
        }
      }
      for stage in stagesPerSeed.first?.1 ?? [] {
        for metric in configuration.metrics {
          let metricName = metric.name
          rows.append(
            ResultRow(
              check: checkName, order: orderName, method: original.method, layer: stage.name, seed: "all",
              metric: metricName, view: viewName, values: pooled[stage.name]?[metricName] ?? []))
        }
      }
    }
    let controlNames = Set(ControlExplainer.Kind.allCases.map(\.rawValue))
    let seedOrder = stagesPerSeed.map(\.0)
    let verdictMeans = stageMeans.mapValues { perSeed in
      seedOrder.map { configuration.verdictStage.summary(of: perSeed[$0] ?? []) }
    }
    let controls = verdictMeans.filter { controlNames.contains($0.key) }.mapValues { means in
      means.filter(\.isFinite).reduce(0, +) / Double(max(1, means.filter(\.isFinite).count))
    }
    let stageNames = stagesPerSeed.first?.1.map(\.name) ?? []
    let metricName = configuration.metrics.first.map { $0.name } ?? "-"
    for (method, means) in verdictMeans.sorted(by: { $0.key < $1.key }) where !controlNames.contains(method) {
      verdicts.append(
        Verdict.similarityRule(
          check: checkName, method: method, condition: configuration.verdictStage.condition(stageNames), metric: metricName,
          perSeedMeans: means, threshold: configuration.threshold, controls: controls))
    }
    return CheckReport(rows: rows, verdicts: verdicts, settings: settings(model: model))
  }

  /// One explanation, smoothed over noisy inputs for sMPRT.
  func explain(_ explainer: any Explainer, model: Model, input: Tensor, targets: [Int]) throws -> Attribution {
    guard let smoothing = configuration.smoothing else {
      return try explainer.attribution(for: input, targets: targets, in: model)
    }
    return try NoiseAveraged(base: explainer, samples: smoothing.samples, noiseLevel: smoothing.noiseLevel, seed: 0)
      .attribution(for: input, targets: targets, in: model)
  }

  /// The settings as recorded in the output.
  func settings(model: Model) -> [String: String] {
    var values = [
      "check": checkName, "model": model.name, "order": configuration.order.rawValue,
      "scheme": configuration.scheme.description, "seeds": configuration.seeds.map(String.init).joined(separator: ","),
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
