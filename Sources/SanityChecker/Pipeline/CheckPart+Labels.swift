extension DataRandomizationCheck {
  /// One block's per-item scores after training the true- and the permuted-label model
  /// (`sanity check labels --shard K/N`).
  ///
  /// Every shard trains both models from the same initialization, schedule and permutation
  /// seed; training is deterministic for its seed, so each shard explains its block with the
  /// models the unsharded check trains. The accuracy rows on the training set and the training
  /// settings are the same in every part.
  /// - Parameters:
  ///   - block: The block's items, with the initial (untrained) model, and the units.
  ///   - training: Training inputs and flat labels.
  ///   - trainer: The shared schedule.
  ///   - permutationSeed: Seed of the label permutation.
  ///   - explainers: The methods and controls, numbered from the run's first item.
  ///   - source: The training file, its record ids and lines, for errors.
  /// - Returns: The part.
  /// - Throws: ``TrainingError`` for training data that do not fit, or an explainer's error.
  public func part(
    _ block: CheckBlock, training: (inputs: Tensor, labels: [Float]), trainer: Trainer,
    permutationSeed: UInt64, explainers: [any Explainer],
    source: (file: String, records: [String], lines: [Int]?)? = nil
  ) throws -> CheckPart {
    let initial = block.model
    if block.input.itemCount > 0 { try initial.validate(input: block.items) }
    try trainer.validate(
      initial, inputs: training.inputs, labels: training.labels, validation: nil,
      names: (source?.file ?? "training data", "test data"), records: source?.records,
      lines: source?.lines)
    let (trueModel, permutedModel, permuted) = trained(
      initial: initial, training: training, trainer: trainer, permutationSeed: permutationSeed)
    var trainedBlock = block
    trainedBlock.input.groups[0].model = trueModel
    var part = try self.part(trainedBlock, permutedModel: permutedModel, explainers: explainers)
    for (stage, model, labels) in [
      (ResultStage.trueLabels, trueModel, training.labels),
      (.permutedLabels, permutedModel, permuted),
    ] {
      part.fixedRows += performanceRows(
        stage, model, trainer: trainer, data: (training.inputs, labels), split: "train")
    }
    part.fixedSettings = trainingSettings(permutationSeed: permutationSeed, trainer: trainer)
    return part
  }
}
