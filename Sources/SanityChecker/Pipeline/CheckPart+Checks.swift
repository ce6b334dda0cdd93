extension InputInvarianceCheck {
  /// One block's per-item differences (`sanity check invariance --shard K/N`).
  /// - Parameters:
  ///   - block: The block's items and units.
  ///   - explainers: The methods, numbered from the run's first item.
  /// - Returns: The part.
  /// - Throws: An explainer's error, or ``ModelError`` for a model whose first layer cannot
  ///   compensate the shift.
  public func part(_ block: CheckBlock, explainers: [any Explainer]) throws -> CheckPart {
    let numbered = explainers.map { $0.offsettingItems(by: block.first) }
    return try block.part { targets in
      .values(
        try differences(
          model: block.model, input: block.items, explainers: numbered, targets: targets
        ).map { RunPart.ItemValues(method: $0.method, values: $0.values) })
    }
  }

  /// The rows and verdicts of joined parts, as ``run(_:explainers:)`` writes them.
  /// - Parameters:
  ///   - part: The joined parts.
  ///   - model: The model (named in the settings).
  /// - Returns: The report.
  /// - Throws: ``CommandPartError`` for another check's values.
  public func report(_ part: CheckPart, model: Model) throws -> CheckReport {
    try part.report { scores in
      guard case .values(let methods) = scores else { throw CheckPart.otherCheck }
      return report(methods.map { ($0.method, $0.values) }, model: model)
    }
  }
}

extension ReverseComplementCheck {
  /// One block's per-item agreement and strand outputs (`sanity check rc --shard K/N`); the
  /// strand asymmetry is judged on the joined outputs.
  /// - Parameters:
  ///   - block: The block's items.
  ///   - explainers: The methods and controls, numbered from the run's first item.
  /// - Returns: The part.
  /// - Throws: An explainer's error, or ``ModelError`` for inputs that are not one-hot DNA.
  public func part(_ block: CheckBlock, explainers: [any Explainer]) throws -> CheckPart {
    let numbered = block.numbered(withFloor: explainers)
    return try block.part { targets in
      .reverseComplement(
        try scores(model: block.model, input: block.items, targets: targets, explainers: numbered))
    }
  }

  /// The rows and verdicts of joined parts, as ``run(model:input:targets:explainers:)`` writes
  /// them.
  /// - Parameters:
  ///   - part: The joined parts.
  ///   - model: The model (named in the settings).
  /// - Returns: The report.
  /// - Throws: ``CommandPartError`` for another check's values.
  public func report(_ part: CheckPart, model: Model) throws -> CheckReport {
    try part.report { scores in
      guard case .reverseComplement(let values) = scores else { throw CheckPart.otherCheck }
      return report(values, model: model)
    }
  }
}

extension OffSimplexDiagnostic {
  /// One block's per-item angles and, with model randomization, the scores of every method
  /// with sequence maps with and without the correction (`sanity check simplex --shard K/N`).
  ///
  /// Which methods the randomization applies to (maps not multiplied by the input on some item)
  /// is decided on the joined values, so each shard scores every method with sequence maps.
  /// - Parameters:
  ///   - block: The block's items.
  ///   - explainers: The methods (controls are skipped), numbered from the run's first item.
  /// - Returns: The part.
  /// - Throws: An explainer's error, or ``ModelError`` for inputs that are not one-hot DNA.
  public func part(_ block: CheckBlock, explainers: [any Explainer]) throws -> CheckPart {
    let model = block.model
    let candidates = explainers.filter { !($0 is ControlExplainer) }.map {
      $0.offsettingItems(by: block.first)
    }
    let stageNames = model.randomizationStageNames(
      order: modelRandomization?.order ?? .cascadingTopDown)
    var part = try block.part { targets in
      let fixedTargets = try Self.validated(model: model, input: block.items, targets: targets)
      let values = try self.values(
        model: model, input: block.items, targets: fixedTargets, explainers: candidates)
      var scores = RunPart.OffSimplexScores(methods: values, plain: nil, corrected: nil)
      if let configuration = modelRandomization {
        let check = ModelRandomizationCheck(configuration)
        let floor = block.numbered(withFloor: [])
        let sequenceMaps = zip(candidates, values).filter { $1.hasSequenceMaps }.map(\.0)
        let score = { (methods: [any Explainer]) in
          try check.methodScores(
            model: model, stages: .init(drawnFrom: model, configuration), input: block.items,
            targets: fixedTargets, explainers: methods + floor)
        }
        scores.plain = try score(sequenceMaps)
        scores.corrected = try score(sequenceMaps.map { SimplexCorrected(base: $0) })
      }
      return .offSimplex(scores)
    }
    part.seedLabels = (modelRandomization?.seeds ?? []).map(String.init)
    part.stageNames = modelRandomization == nil ? [] : stageNames
    return part
  }

  /// The rows and verdicts of joined parts, as ``run(model:input:targets:explainers:)`` writes
  /// them: model randomization is summarized for the methods it applies to on the joined items.
  /// - Parameters:
  ///   - part: The joined parts.
  ///   - model: The model (named in the settings).
  /// - Returns: The report.
  /// - Throws: ``CommandPartError`` for another check's values.
  public func report(_ part: CheckPart, model: Model) throws -> CheckReport {
    try part.report { scores in
      guard case .offSimplex(let values) = scores else { throw CheckPart.otherCheck }
      var report = self.report(values.methods, model: model)
      // Scores are in the order of the methods with sequence maps, then the random floor.
      let mapMethods = values.methods.filter(\.hasSequenceMaps)
      let kept = { (scores: [SimilarityComparison.MethodScores]) in
        scores.indices.filter { $0 >= mapMethods.count || mapMethods[$0].isApplicable }
          .map { scores[$0] }
      }
      guard let configuration = modelRandomization, mapMethods.contains(where: \.isApplicable),
        let plainScores = values.plain, let correctedScores = values.corrected
      else { return report }
      let check = ModelRandomizationCheck(configuration)
      let summary = { (scores: [SimilarityComparison.MethodScores]) in
        check.report(
          kept(scores), seeds: part.seedLabels, stageNames: part.stageNames, model: model)
      }
      let plain = summary(plainScores)
      let corrected = Self.renamedCorrected(summary(correctedScores))
      report.rows += plain.rows + corrected.rows
      report.verdicts = plain.verdicts + corrected.verdicts
      report.settings[Self.effectSetting] = Self.effect(
        plain: plain.verdicts, corrected: corrected.verdicts)
      return report
    }
  }
}
