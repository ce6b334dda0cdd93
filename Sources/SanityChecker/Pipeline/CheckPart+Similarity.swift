extension ModelRandomizationCheck {
  /// One block's per-item scores (`sanity check model --shard K/N`).
  ///
  /// The stages are drawn from the seeds alone (or given), so every shard scores its items
  /// against the same randomized models as the unsharded check.
  /// - Parameters:
  ///   - block: The block's items and units.
  ///   - explainers: The methods and controls, numbered from the run's first item.
  ///   - stages: The stages per seed label, when given; drawn with the configuration otherwise.
  /// - Returns: The part.
  /// - Throws: ``CommandPartError/notJoinable(file:reason:)`` with sMPRT (its noise is numbered
  ///   by the item's place in the call), or an explainer's error.
  public func part(
    _ block: CheckBlock, explainers: [any Explainer],
    stages: [(String, [RandomizationStage])]? = nil
  ) throws -> CheckPart {
    guard configuration.smoothing == nil else {
      throw CommandPartError.notJoinable(
        file: "--smooth",
        reason: "sMPRT numbers its noise by the item's place in one call; run it unsharded")
    }
    let model = block.model
    let stageSource =
      stages.map(Stages.init(given:)) ?? Stages(drawnFrom: model, configuration)
    let numbered = block.numbered(withFloor: explainers)
    var part = try block.part { targets in
      .similarity(
        try methodScores(
          model: model, stages: stageSource, input: block.items, targets: targets,
          explainers: numbered))
    }
    part.seedLabels = stageSource.seeds
    part.stageNames = stageSource.names
    return part
  }

  /// The rows and verdicts of joined parts, as ``run(_:explainers:stages:)`` writes them.
  /// - Parameters:
  ///   - part: The joined parts (``CheckPart/joined(_:)``).
  ///   - model: The trained model (named in the settings).
  /// - Returns: The report.
  /// - Throws: ``CommandPartError`` for another check's values.
  public func report(_ part: CheckPart, model: Model) throws -> CheckReport {
    try part.report { scores in
      report(
        try part.similarity(scores), seeds: part.seedLabels, stageNames: part.stageNames,
        model: model)
    }
  }
}

extension ClassSensitivityCheck {
  /// One block's per-item scores (`sanity check class --shard K/N`); a random other class is
  /// drawn by the item's index in the run, as unsharded.
  /// - Parameters:
  ///   - block: The block's items and units.
  ///   - explainers: The methods and controls, numbered from the run's first item.
  /// - Returns: The part.
  /// - Throws: An explainer's error, or ``ModelError`` for a model with one output.
  public func part(_ block: CheckBlock, explainers: [any Explainer]) throws -> CheckPart {
    let numbered = block.numbered(withFloor: explainers)
    return try block.part { targets in
      .similarity(
        try methodScores(
          model: block.model, input: block.items, explainers: numbered, targets: targets,
          items: Array(block.itemRange)))
    }
  }

  /// The rows and verdicts of joined parts, as ``run(_:explainers:)`` writes them.
  /// - Parameters:
  ///   - part: The joined parts.
  ///   - model: The model (named in the settings).
  /// - Returns: The report.
  /// - Throws: ``CommandPartError`` for another check's values.
  public func report(_ part: CheckPart, model: Model) throws -> CheckReport {
    try part.report { report(try part.similarity($0), model: model) }
  }
}

extension DataRandomizationCheck {
  /// One block's per-item scores between a true- and a permuted-label model (`sanity check
  /// labels --shard K/N`); both models are the same in every shard (trained from one seed, or
  /// given).
  /// - Parameters:
  ///   - block: The block's items (with the true-label model) and units.
  ///   - permutedModel: The permuted-label model, sized like the block's.
  ///   - explainers: The methods and controls, numbered from the run's first item.
  /// - Returns: The part, naming both models.
  /// - Throws: An explainer's error, or ``ModelError`` for models of different architectures.
  public func part(
    _ block: CheckBlock, permutedModel: Model, explainers: [any Explainer]
  ) throws -> CheckPart {
    let numbered = block.numbered(withFloor: explainers)
    var part = try block.part { targets in
      .similarity(
        try methodScores(
          block.model, permutedModel, input: block.items, explainers: numbered, targets: targets))
    }
    part.modelNames = [block.model.name, permutedModel.name]
    return part
  }

  /// The rows and verdicts of joined parts, as the unsharded check writes them (with the
  /// training rows and settings of the parts that trained the models).
  /// - Parameter part: The joined parts.
  /// - Returns: The report.
  /// - Throws: ``CommandPartError`` for another check's values.
  public func report(_ part: CheckPart) throws -> CheckReport {
    guard part.modelNames.count == 2 else { throw CheckPart.otherCheck }
    return try part.report {
      report(
        try part.similarity($0), trueModel: part.modelNames[0], permutedModel: part.modelNames[1])
    }
  }
}
