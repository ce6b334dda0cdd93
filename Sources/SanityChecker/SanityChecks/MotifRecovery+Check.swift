extension MotifRecovery {
  /// Runs the check: recovery of the trained model's maps, of every randomized stage's, and the
  /// chance level.
  ///
  /// Rows (check `motif-recovery`, metric `top-k-in-motif`, view = the position score):
  /// ```
  /// layer original   seed -     the trained model
  /// layer <stage>    seed <s>   each randomization stage of each seed (`all` for complete)
  /// layer <stage>    seed all   the stage pooled over seeds
  /// layer chance     seed -     |planted| / L per item
  /// ```
  /// The explained target of every stage is the trained model's. A method passes when its
  /// trained-model recovery is above chance and above every seed's recovery at the last stage,
  /// fails when it is at or below chance, and is inconclusive otherwise.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - input: One-hot inputs `[N, L, 4]`.
  ///   - instances: The planted sites of each item (e.g. ``MotifInstance/grouped(_:by:motifs:)``
  ///     restricted to the explained task's motif).
  ///   - targets: The output unit per item (`nil`: the trained model's predicted unit).
  ///   - explainers: The methods and controls.
  /// - Returns: Rows, verdicts and settings (including the mean chance level).
  /// - Throws: An explainer's error.
  public func run(
    model: Model, input: Tensor, instances: [[MotifInstance]], targets: [Int]? = nil,
    explainers: [any Explainer]
  ) throws -> CheckReport {
    let methods = try methodScores(model: model, input: input, instances: instances, targets: targets, explainers: explainers)
    let stageNames = configuration.seeds.first.map {
      model.randomizationStages(order: configuration.order, scheme: configuration.scheme, seed: $0).map(\.name)
    } ?? []
    return report(
      methods, chance: Self.chance(instances, length: input.shape.rank > 1 ? input.shape[1] : 0), stageNames: stageNames,
      model: model)
  }

  /// One method's per-item recovery: on the trained model and at every stage of every seed.
  struct MethodRecovery: Codable, Sendable {
    /// The method.
    var method: String
    /// The trained model's values.
    var original: [Double?]
    /// `[seed][stage][item]` values.
    var stages: [[[Double?]]]
  }

  /// Every method's per-item recovery, before summarizing (see ``run(model:input:instances:targets:explainers:)``).
  func methodScores(
    model: Model, input: Tensor, instances: [[MotifInstance]], targets: [Int]?, explainers: [any Explainer]
  ) throws -> [MethodRecovery] {
    try model.validate(input: input)
    if let targets { try model.validate(input: input, targets: targets) }
    let fixedTargets = targets ?? model.predictedTargets(input)
    let stagesPerSeed = configuration.seeds.map {
      model.randomizationStages(order: configuration.order, scheme: configuration.scheme, seed: $0)
    }
    return try explainers.map { explainer in
      let original = try explainer.attribution(for: input, targets: fixedTargets, in: model)
      let stages = try stagesPerSeed.map { stages in
        try stages.map { stage in
          recovery(
            try explainer.attribution(for: input, targets: fixedTargets, in: stage.model).values, input: input,
            instances: instances)
        }
      }
      return MethodRecovery(
        method: original.method, original: recovery(original.values, input: input, instances: instances), stages: stages)
    }
  }

  /// The rows and verdicts of every method's recovery.
  /// - Parameters:
  ///   - methods: The per-item recovery.
  ///   - chanceValues: The chance level per item.
  ///   - stageNames: The stages, in the values' order.
  ///   - model: The trained model (named in the settings).
  /// - Returns: The report.
  func report(_ methods: [MethodRecovery], chance chanceValues: [Double?], stageNames: [String], model: Model) -> CheckReport {
    let chanceRow = row(method: "-", layer: .chance, seed: .notApplicable, values: chanceValues)
    var rows: [ResultRow] = []
    var verdicts: [Verdict] = []
    for method in methods {
      let originalRow = row(method: method.method, layer: .original, seed: .notApplicable, values: method.original)
      rows.append(originalRow)
      var lastStageMeans: [Double] = []
      for (seed, stages) in zip(configuration.seeds, method.stages) {
        for (index, values) in stages.enumerated() {
          let stageRow = row(method: method.method, layer: .randomized(stageNames[index]), seed: .seed(seed), values: values)
          rows.append(stageRow)
          if index == stages.count - 1 { lastStageMeans.append(stageRow.mean) }
        }
      }
      for (index, name) in stageNames.enumerated() {
        rows.append(
          row(method: method.method, layer: .randomized(name), seed: .all, replicates: method.stages.map { $0[index] }))
      }
      var methodChance = chanceRow
      methodChance.method = method.method
      rows.append(methodChance)
      verdicts.append(
        verdict(method: method.method, original: originalRow.mean, chance: chanceRow.mean, randomized: lastStageMeans))
    }
    return CheckReport(
      rows: rows, verdicts: verdicts, settings: settings(model: model, chance: chanceRow.mean))
  }

  /// One result row.
  func row(method: String, layer: ResultStage, seed: SeedLabel, values: [Double?]) -> ResultRow {
    row(method: method, layer: layer, seed: seed, replicates: [values])
  }

  /// One result row summarizing several seeds.
  func row(method: String, layer: ResultStage, seed: SeedLabel, replicates: [[Double?]])
    -> ResultRow
  {
    ResultRow(
      check: .motifRecovery, order: configuration.order, method: method, layer: layer,
      seed: seed, metric: Self.metricName, view: configuration.score.rawValue,
      replicates: replicates, keepValues: configuration.keepsItemValues && seed != .all)
  }

  /// The verdict for one method.
  func verdict(method: String, original: Double, chance: Double, randomized: [Double]) -> Verdict {
    let rule =
      "passes when the trained model's top-k-in-motif is above chance and above every seed's fully randomized value; fails at or below chance"
    let evidence =
      "trained \(ResultRow.number(original)), randomized \(randomized.map(ResultRow.number).joined(separator: ", ")), chance \(ResultRow.number(chance))"
    let outcome: Verdict.Outcome
    if !original.isFinite || !chance.isFinite {
      outcome = .inconclusive
    } else if original <= chance {
      outcome = .fails
    } else if randomized.allSatisfy({ !$0.isFinite || $0 < original }) {
      outcome = .passes
    } else {
      outcome = .inconclusive
    }
    return Verdict(
      check: .motifRecovery, method: method, outcome: outcome, rule: rule, evidence: evidence)
  }

  /// The settings as recorded in the output.
  func settings(model: Model, chance: Double) -> [String: String] {
    let k: String
    switch configuration.topK {
    case .plantedWidth: k = "planted width"
    case .fixed(let value): k = String(value)
    }
    return [
      "check": CheckKind.motifRecovery.rawValue, "model": model.name, "order": configuration.order.rawValue,
      "scheme": configuration.scheme.description,
      "seeds": configuration.seeds.map(String.init).joined(separator: ","),
      "score": configuration.score.rawValue, "k": k, "chance": ResultRow.number(chance),
    ]
  }
}
