extension MotifCheck {
  /// The verdict from the last stage (named `lastStage`) of every seed and the permuted model,
  /// read against the method's ``Threshold``.
  /// - Parameters:
  ///   - method: The method.
  ///   - summaries: The method's summaries, the trained model's first.
  ///   - reference: The trained model's seqlets per significant accession.
  ///   - lastStage: The name of the last randomization stage (`nil`: no stage).
  ///   - threshold: The threshold, from the random control's shares of `reference`.
  /// - Returns: The verdict, stating the shares per seed, the threshold and its floor.
  func verdict(
    method: String, summaries: [MotifStageSummary], reference: [String: Int], lastStage: String?,
    threshold: Threshold
  ) -> Verdict {
    let share = ResultRow.number(configuration.survivalShare)
    let rule =
      "fails when the trained model's significant matches "
      + "(q < \(ResultRow.number(configuration.significance))) keep at least "
      + "t = f + \(share) × (1 − f) of their seqlet support after the last randomization stage "
      + "(mean over seeds) or on the label-permuted model, f being the random control's mean share "
      + "of that support on the same randomized models; or when f itself reaches \(share) "
      + "(the sequences, not the model, give the motifs)"
    guard !reference.isEmpty else {
      return Verdict(
        check: .motifs, method: method, outcome: .inconclusive, rule: rule,
        evidence: "no significant match on the trained model")
    }
    let lastStages = configuration.seeds.compactMap { seed in
      lastStage.flatMap { last in summaries.first { $0.stage == last && $0.seed == String(seed) } }
    }
    let finalShare =
      lastStages.isEmpty
      ? 0 : lastStages.map(\.retainedFraction).reduce(0, +) / Double(lastStages.count)
    let permuted = summaries.first { $0.stage == ResultStage.permutedLabels.description }?
      .retainedFraction
    let supports = reference.keys.sorted().map { "\($0) (\(reference[$0] ?? 0) seqlets)" }
    let perSeed = lastStages.map { "seed \($0.seed) \(ResultRow.number($0.retainedFraction))" }
    var evidence =
      "\(supports.joined(separator: ", ")) on the trained model; retained "
      + "\(ResultRow.number(finalShare)) after full randomization (\(perSeed.joined(separator: ", ")))"
    if let permuted {
      evidence += ", \(ResultRow.number(permuted)) on the label-permuted model"
    } else {
      evidence += "; label-permuted model not checked (\(configuration.permutedModelNote))"
    }
    evidence += "; \(threshold.words)"
    if threshold.isInputDriven {
      evidence += "; the random control alone keeps at least \(share) of it: flagged"
    }
    let survives =
      threshold.isInputDriven || finalShare >= threshold.value
      || (permuted ?? 0) >= threshold.value
    return Verdict(
      check: .motifs, method: method, outcome: survives ? .fails : .passes, rule: rule,
      evidence: evidence)
  }

  /// The settings as recorded in the output.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - hasPermutedModel: Whether a label-permuted model was checked.
  /// - Returns: The settings by key.
  func settings(model: Model, hasPermutedModel: Bool) -> [String: String] {
    var values = [
      "check": CheckKind.motifs.rawValue, "model": model.name,
      "order": configuration.order.rawValue,
      "scheme": configuration.scheme.description,
      "seeds": configuration.seeds.map(String.init).joined(separator: ","),
      "significance": ResultRow.number(configuration.significance),
      "survival-share": ResultRow.number(configuration.survivalShare),
      "threshold": "f + survival-share × (1 − f), f: the random control's mean share",
      "permuted-labels":
        hasPermutedModel ? "checked" : "not checked: \(configuration.permutedModelNote)",
      "seqlets":
        "recursive, p < \(discovery.caller.threshold), lengths \(discovery.caller.minimumLength)-\(discovery.caller.maximumLength)",
      "clustering":
        "greedy, similarity ≥ \(discovery.clustering.similarityThreshold), window \(discovery.clustering.windowWidth)",
    ]
    if let matcher = discovery.matcher {
      values["matcher"] =
        "tomtom, \(matcher.configuration.similarity.rawValue), minimum overlap \(matcher.configuration.minimumOverlap), \(matcher.database.count) motifs"
    }
    return values
  }
}
