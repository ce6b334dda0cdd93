extension MotifRecovery {
  /// One method's per-item measures on the trained model and on every randomized stage; a batch
  /// run keeps them per shard and summarizes the joined measures with
  /// ``report(_:chance:stageNames:model:)``.
  struct MethodMeasures: Codable, Sendable {
    /// The method.
    var method: String
    /// Per item, on the trained model.
    var original: [ItemMeasures]
    /// `[seed][stage]`, per item.
    var randomized: [[[ItemMeasures]]]
  }

  /// The metric of the rows holding the exact p-value of top-k-in-motif.
  public static let pValueMetric = "top-k-p"
  /// The metric of the rows holding its Holm-adjusted p-value.
  public static let holmMetric = "top-k-p-holm"

  /// The names and readers of the measures written as rows, in order.
  static var measureNames: [(String, @Sendable (ItemMeasures) -> Double?)] {
    [
      (metricName, { $0.topK }), ("auroc", { $0.auroc }), ("aupr", { $0.aupr }),
      ("snr-max", { $0.snrMax }), ("snr-mean", { $0.snrMean }),
    ]
  }

  /// Runs the check: every ground-truth measure of the trained model's maps and of every
  /// randomized stage's, their chance levels, and the exact test of top-k-in-motif.
  ///
  /// Rows (check `motif-recovery`, view = the position score):
  /// ```
  /// layer original   seed -     top-k-in-motif, auroc, aupr, snr-max, snr-mean, top-k-p, top-k-p-holm
  /// layer <stage>    seed <s>   the same, per randomization stage and seed (`all` for complete)
  /// layer <stage>    seed all   the measures pooled over seeds (no p-values)
  /// layer chance     seed -     top-k |planted| / L, auroc ½, aupr the positive fraction, snr-mean 1
  /// ```
  /// `top-k-p` is the exact one-sided p-value of ``TopKSignificance`` over the items, and
  /// `top-k-p-holm` its Holm adjustment over the methods (controls included) of the same model.
  /// The explained target of every stage is the trained model's.
  ///
  /// Verdict, per method (controls included): **passes** when the trained model's top-k-in-motif
  /// is significant (Holm-adjusted p < 0.01) and significance is lost (adjusted p ≥ 0.01, or no
  /// defined item) at the last stage of every seed; **fails** when the trained model's is not
  /// significant, or when every seed's randomized model stays significant (the recovery does not
  /// come from training); **inconclusive** otherwise.
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
    let methods = try methodScores(
      model: model, input: input, instances: instances, targets: targets, explainers: explainers)
    let stageNames =
      configuration.seeds.isEmpty ? [] : model.randomizationStageNames(order: configuration.order)
    return report(
      methods, chance: chanceLevels(instances, length: input.shape.rank > 1 ? input.shape[1] : 0),
      stageNames: stageNames, model: model)
  }

  /// Every method's per-item measures, before summarizing (see ``run(model:input:instances:targets:explainers:)``).
  func methodScores(
    model: Model, input: Tensor, instances: [[MotifInstance]], targets: [Int]?,
    explainers: [any Explainer]
  ) throws -> [MethodMeasures] {
    try model.validate(input: input)
    if let targets { try model.validate(input: input, targets: targets) }
    let fixedTargets = targets ?? model.predictedTargets(input)
    return try explainers.map { explainer in
      let original = try explainer.attribution(for: input, targets: fixedTargets, in: model)
      // Each seed's stages are drawn as they are used and dropped after, so memory does not
      // grow with the seeds (``RandomizationStageSequence``).
      let randomized = try configuration.seeds.map { seed in
        try model.randomizationStageSequence(
          order: configuration.order, scheme: configuration.scheme, seed: seed
        ).map { stage in
          measures(
            try explainer.attribution(for: input, targets: fixedTargets, in: stage.model).values,
            input: input, instances: instances)
        }
      }
      return MethodMeasures(
        method: original.method,
        original: measures(original.values, input: input, instances: instances),
        randomized: randomized)
    }
  }

  /// The rows and verdicts of every method's measures: the p-values and their Holm correction
  /// are computed here, from all items' draws, so a sharded run's joined measures give the
  /// unsharded run's values.
  /// - Parameters:
  ///   - measured: The per-item measures of every method.
  ///   - chance: Per chance metric, the chance level per item (``chanceLevels(_:length:)``).
  ///   - stageNames: The stages, in the measures' order.
  ///   - model: The trained model (named in the settings).
  /// - Returns: The report.
  func report(
    _ measured: [MethodMeasures], chance: [(String, [Double?])], stageNames: [String], model: Model
  ) -> CheckReport {
    let seedLabels = configuration.seeds.map { SeedLabel.seed($0) }
    // p[seed][stage][method], raw and Holm-adjusted over the methods.
    let trainedP = measured.map { TopKSignificance.pValue($0.original.compactMap(\.draw)) }
    let trainedHolm = TopKSignificance.holm(trainedP)
    let stageP = seedLabels.indices.map { seed in
      stageNames.indices.map { stage in
        measured.map { TopKSignificance.pValue($0.randomized[seed][stage].compactMap(\.draw)) }
      }
    }
    let stageHolm = stageP.map { $0.map(TopKSignificance.holm) }
    var rows: [ResultRow] = []
    var verdicts: [Verdict] = []
    for (index, method) in measured.enumerated() {
      rows += measureRows(method.method, .original, .notApplicable, [method.original])
      rows += pRows(method.method, .original, .notApplicable, (trainedP[index], trainedHolm[index]))
      for (seedIndex, seedLabel) in seedLabels.enumerated() {
        for (stageIndex, name) in stageNames.enumerated() {
          rows += measureRows(
            method.method, .randomized(name), seedLabel, [method.randomized[seedIndex][stageIndex]])
          rows += pRows(
            method.method, .randomized(name), seedLabel,
            (stageP[seedIndex][stageIndex][index], stageHolm[seedIndex][stageIndex][index]))
        }
      }
      for (stageIndex, name) in stageNames.enumerated() {
        rows += measureRows(
          method.method, .randomized(name), .all, method.randomized.map { $0[stageIndex] })
      }
      for (metric, values) in chance {
        rows.append(
          row(
            method: method.method, layer: .chance, seed: .notApplicable, metric: metric,
            replicates: [values]))
      }
      verdicts.append(
        verdict(
          method, trained: (trainedP[index], trainedHolm[index]),
          randomized: stageHolm.map { $0.last?[index] ?? .nan }, losses: losses(method),
          chance: rows.last { $0.layer == .chance && $0.metric == Self.metricName }?.mean ?? .nan,
          family: measured.count))
    }
    let chanceMean = chance.first.map { SimilarityComparison.mean($0.1, items: nil) } ?? .nan
    return CheckReport(
      rows: rows, verdicts: verdicts,
      settings: settings(model: model, chance: chanceMean, family: measured.count))
  }

  /// Per seed, the loss of top-k-in-motif at the last stage: the mean over items of
  /// (trained − randomized) and its 95% paired bootstrap interval.
  func losses(_ method: MethodMeasures) -> [(mean: Double, low: Double, high: Double)] {
    method.randomized.enumerated().map { seed, stages in
      let differences = zip(method.original, stages.last ?? []).map {
        trained, randomized -> Double? in
        guard let a = trained.topK, let b = randomized.topK else { return nil }
        return a - b
      }
      let interval = Bootstrap().meanInterval(
        [differences], name: "motif-loss\t\(method.method)\t\(seed)")
      return (SimilarityComparison.mean(differences, items: nil), interval.low, interval.high)
    }
  }

  /// The measure rows of one method, stage and seed.
  func measureRows(
    _ method: String, _ layer: ResultStage, _ seed: SeedLabel, _ replicates: [[ItemMeasures]]
  ) -> [ResultRow] {
    Self.measureNames.map { name, value in
      row(
        method: method, layer: layer, seed: seed, metric: name,
        replicates: replicates.map { $0.map(value) })
    }
  }

  /// The p-value rows of one method, stage and seed: raw and Holm-adjusted.
  func pRows(_ method: String, _ layer: ResultStage, _ seed: SeedLabel, _ p: (Double, Double))
    -> [ResultRow]
  {
    [(Self.pValueMetric, p.0), (Self.holmMetric, p.1)].map { metric, value in
      row(
        method: method, layer: layer, seed: seed, metric: metric,
        replicates: [[value.isNaN ? nil : value]])
    }
  }

  /// One result row.
  func row(
    method: String, layer: ResultStage, seed: SeedLabel, metric: String, replicates: [[Double?]]
  ) -> ResultRow {
    ResultRow(
      check: .motifRecovery, order: configuration.order, method: method, layer: layer,
      seed: seed, metric: metric, view: configuration.score.rawValue,
      replicates: replicates, keepValues: configuration.keepsItemValues && seed != .all)
  }

  /// The verdict for one method.
  func verdict(
    _ method: MethodMeasures, trained: (p: Double, holm: Double), randomized: [Double],
    losses: [(mean: Double, low: Double, high: Double)], chance: Double, family: Int
  ) -> Verdict {
    let level = TopKSignificance.level
    let rule =
      "passes when the trained model's top-k-in-motif is significant (exact one-sided test over "
      + "the items, Holm-adjusted over the \(family) methods and controls, p < \(ResultRow.number(level))) "
      + "and lost on every seed's fully randomized model (the 95% paired bootstrap interval of "
      + "trained − randomized lies wholly above 0); fails when the trained model's is not "
      + "significant, or is lost on no randomized model; inconclusive otherwise"
    let isSignificant = trained.holm < level
    let lost = losses.map { $0.low.isFinite && $0.low > 0 }
    let outcome: Verdict.Outcome
    if !isSignificant || (!lost.isEmpty && !lost.contains(true)) {
      outcome = .fails
    } else if lost.allSatisfy({ $0 }) {
      outcome = .passes
    } else {
      outcome = .inconclusive
    }
    let summary = { (name: String, values: [ItemMeasures], value: (ItemMeasures) -> Double?) in
      let row = self.row(
        method: method.method, layer: .original, seed: .notApplicable, metric: name,
        replicates: [values.map(value)])
      return
        "\(name) \(ResultRow.number(row.mean)) [\(ResultRow.number(row.ciLow)), \(ResultRow.number(row.ciHigh))]"
    }
    let trainedText = Self.measureNames.prefix(3).map { summary($0.0, method.original, $0.1) }
      .joined(separator: ", ")
    let randomizedText = zip(method.randomized, zip(randomized, losses)).enumerated().map {
      seed, item in
      let (stages, (holm, loss)) = item
      let topK = SimilarityComparison.mean((stages.last ?? []).map(\.topK), items: nil)
      return "seed \(configuration.seeds[seed]) top-k \(ResultRow.number(topK)) (Holm p "
        + "\(ResultRow.number(holm))), loss \(ResultRow.number(loss.mean)) "
        + "[\(ResultRow.number(loss.low)), \(ResultRow.number(loss.high))]"
    }.joined(separator: "; ")
    let evidence =
      "trained: \(trainedText); chance \(ResultRow.number(chance)); exact p \(ResultRow.number(trained.p)), "
      + "Holm \(ResultRow.number(trained.holm)); randomized: \(randomizedText.isEmpty ? "none" : randomizedText)"
    return Verdict(
      check: .motifRecovery, method: method.method, outcome: outcome, rule: rule, evidence: evidence
    )
  }

  /// The settings as recorded in the output.
  func settings(model: Model, chance: Double, family: Int) -> [String: String] {
    let k: String
    switch configuration.topK {
    case .plantedWidth: k = "planted width"
    case .fixed(let value): k = String(value)
    }
    return [
      "check": CheckKind.motifRecovery.rawValue, "model": model.name,
      "order": configuration.order.rawValue,
      "scheme": configuration.scheme.description,
      "seeds": configuration.seeds.map(String.init).joined(separator: ","),
      "score": configuration.score.rawValue, "k": k, "chance": ResultRow.number(chance),
      "significance":
        "exact one-sided test of top-k hits (sum of hypergeometrics), Holm over \(family) methods, level "
        + ResultRow.number(TopKSignificance.level),
      "information-threshold":
        configuration.informationContent.isEmpty
        ? "none (every planted position is positive)"
        : "\(ResultRow.number(Self.minimumInformation)) bits for \(configuration.informationContent.keys.sorted().joined(separator: ","))"
        ,
    ]
  }
}
