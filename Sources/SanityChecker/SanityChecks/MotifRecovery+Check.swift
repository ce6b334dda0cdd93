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
    try model.validate(input: input)
    if let targets { try model.validate(input: input, targets: targets) }
    let fixedTargets = targets ?? model.predictedTargets(input)
    let stagesPerSeed = configuration.seeds.map { seed in
      (
        String(seed),
        model.randomizationStages(
          order: configuration.order, scheme: configuration.scheme, seed: seed)
      )
    }
    let chanceValues = Self.chance(instances, length: input.shape.rank > 1 ? input.shape[1] : 0)
    let chanceRow = row(method: "-", layer: "chance", seed: "-", values: chanceValues)
    var rows: [ResultRow] = []
    var verdicts: [Verdict] = []
    for explainer in explainers {
      let original = try explainer.attribution(for: input, targets: fixedTargets, in: model)
      let originalRow = row(
        method: original.method, layer: "original", seed: "-",
        values: recovery(original.values, input: input, instances: instances))
      rows.append(originalRow)
      var pooled: [String: [Double?]] = [:]
      var lastStageMeans: [Double] = []
      for (seedLabel, stages) in stagesPerSeed {
        for stage in stages {
          let maps = try explainer.attribution(for: input, targets: fixedTargets, in: stage.model)
            .values
          let values = recovery(maps, input: input, instances: instances)
          let stageRow = row(
            method: original.method, layer: stage.name, seed: seedLabel, values: values)
          rows.append(stageRow)
          pooled[stage.name, default: []] += values
          if stage.name == stages.last?.name { lastStageMeans.append(stageRow.mean) }
        }
      }
      for stage in stagesPerSeed.first?.1 ?? [] {
        rows.append(
          row(
            method: original.method, layer: stage.name, seed: "all",
            values: pooled[stage.name] ?? []))
      }
      var methodChance = chanceRow
      methodChance.method = original.method
      rows.append(methodChance)
      verdicts.append(
        verdict(
          method: original.method, original: originalRow.mean, chance: chanceRow.mean,
          randomized: lastStageMeans))
    }
    return CheckReport(
      rows: rows, verdicts: verdicts, settings: settings(model: model, chance: chanceRow.mean))
  }

  /// One result row.
  func row(method: String, layer: String, seed: String, values: [Double?]) -> ResultRow {
    ResultRow(
      check: Self.checkName, order: configuration.order.rawValue, method: method, layer: layer,
      seed: seed,
      metric: Self.metricName, view: configuration.score.rawValue, values: values,
      keepValues: configuration.keepsItemValues)
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
      check: Self.checkName, method: method, outcome: outcome, rule: rule, evidence: evidence)
  }

  /// The settings as recorded in the output.
  func settings(model: Model, chance: Double) -> [String: String] {
    let k: String
    switch configuration.topK {
    case .plantedWidth: k = "planted width"
    case .fixed(let value): k = String(value)
    }
    return [
      "check": Self.checkName, "model": model.name, "order": configuration.order.rawValue,
      "scheme": configuration.scheme.description,
      "seeds": configuration.seeds.map(String.init).joined(separator: ","),
      "score": configuration.score.rawValue, "k": k, "chance": ResultRow.number(chance),
    ]
  }
}
