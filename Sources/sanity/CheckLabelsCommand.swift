import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check labels`: data randomization by label permutation.
struct CheckLabelsCommand: ShardedCheckCommand {
  static let configuration = CommandConfiguration(
    commandName: "labels",
    abstract: "Label randomization: retrain on permuted labels and compare explanations.",
    discussion: """
      Trains the model's architecture from one initialization on the true and on permuted labels (same schedule),
      or compares two given models with --permuted-model.
      With --shard K/N every shard trains the same two models (training is deterministic for --seed, so each \
      shard pays the whole training) and explains only block K of N of the explained items, writing their \
      per-item values to --output FILE.json; `sanity merge` writes the unsharded table, byte for byte.
      Example: sanity check labels --model Models/deepbind-example.h5 --train Genomes/example-train.fa.gz --input Genomes/example-test.fa --epochs 2
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var targetOptions: TargetOptions
  @Option(help: "Training data with labels (not needed with --permuted-model).")
  var train: String?
  @Option(help: "Explained inputs (default: the first 200 training items).")
  var input: String?
  @Option(help: "A model trained on permuted labels elsewhere; compared with --model directly.")
  var permutedModel: String?
  @Option(parsing: .unconditional, help: "Epochs of each training run (at least 1).")
  var epochs: Int = 10
  @Option(parsing: .unconditional, help: "Learning rate (Adam; above 0).")
  var learningRate: Float = 3e-3
  @Option(
    parsing: .unconditional,
    help: "Use only the first N items of the explained inputs (at least 1).")
  var limit: Int = 200
  @OptionGroup var options: ShardedCheckOptions

  func validate() throws {
    try FlagCheck.atLeast(1, epochs, "--epochs")
    try FlagCheck.positive(learningRate, "--learning-rate")
    try FlagCheck.atLeast(1, limit, "--limit")
  }

  var readFiles: [String?] {
    modelOptions.files + targetOptions.files + [train, input, permutedModel]
  }

  /// The check from the flags.
  func check() throws -> DataRandomizationCheck {
    DataRandomizationCheck(
      metrics: try checkOptions.similarityMetrics(), view: try checkOptions.comparisonView(),
      threshold: checkOptions.threshold ?? 0.5)
  }

  func mergedReport(_ part: CheckPart) throws -> CheckReport {
    var report = try check().report(part)
    report.settings["model-file"] = modelOptions.model
    return report
  }

  func run() throws {
    try common.apply()
    let check = try check()
    let explainers = try checkOptions.explainers(methodOptions, seed: common.seed)
    if let shard = try shardOptions.parsed() {
      let destination = try shardOptions.checkPartDestination(checkOptions, inputs: readFiles)
      let part = try self.part(check, explainers: explainers, shard: shard)
      return try shardOptions.write(
        part, command: "check labels", to: destination, quiet: common.quiet)
    }
    let output = try checkOptions.destination(json: common.json, inputs: readFiles)
    var report: CheckReport
    if permutedModel != nil {
      let (groups, model, sized, _) = try comparedModels()
      report = try check.compare(
        CheckInput(
          groups: zip(groups, sized).map {
            CheckInput.Group(model: $1[0], input: $0.data.inputs, indices: $0.indices)
          }, selection: try targetOptions.selection(for: model, modelOptions)),
        permutedModels: sized.map { $0[1] }, explainers: explainers)
    } else {
      let (training, explained, model, trainer, train) = try trainingSetUp()
      report = try check.run(
        initial: model.initialized(seed: common.seed),
        training: (training.inputs, training.flatLabels ?? []), test: nil,
        trainer: trainer, permutationSeed: common.seed, input: explained.prefix(limit).inputs,
        explainers: explainers, source: (train, training.ids, training.lines),
        selection: try targetOptions.selection(for: model, modelOptions))
    }
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }

  /// One shard's per-item values: the block of the explained items, with the given or the
  /// trained models.
  private func part(_ check: DataRandomizationCheck, explainers: [any Explainer], shard: Shard)
    throws -> CheckPart
  {
    if permutedModel != nil {
      let (groups, model, sized, file) = try comparedModels()
      guard groups.count == 1 else {
        throw ValidationError(
          "\(file): --shard needs items of one length; give sequences of one length or shard unsharded runs by file"
        )
      }
      let block = CheckBlock(
        data: groups[0].data, model: sized[0][0], shard: shard,
        selection: try targetOptions.selection(for: model, modelOptions))
      return try check.part(block, permutedModel: sized[0][1], explainers: explainers)
    }
    let (training, explained, model, trainer, train) = try trainingSetUp()
    let block = CheckBlock(
      data: explained.prefix(limit), model: model.initialized(seed: common.seed), shard: shard,
      selection: try targetOptions.selection(for: model, modelOptions))
    return try check.part(
      block, training: (training.inputs, training.flatLabels ?? []), trainer: trainer,
      permutationSeed: common.seed, explainers: explainers,
      source: (train, training.ids, training.lines))
  }

  /// `--input` grouped by length with `--model` and `--permuted-model` sized for each group.
  private func comparedModels() throws -> (
    groups: [LengthGroup], model: Model, sized: [[Model]], file: String
  ) {
    guard let input, let permutedModel else {
      throw ValidationError("--permuted-model needs --input")
    }
    let groups = try InputData.loadGroupedByLength(URL(fileURLWithPath: input), limit: limit)
    guard let first = groups.first else {
      throw ValidationError(
        "\(input): has no items (no sequences or images); give a file with at least one")
    }
    let model = try modelOptions.load(for: first.data, from: input)
    let permuted = try modelOptions.explainedHead(
      of: ReadWatchdog.reading(permutedModel) {
        try ModelLoader.load(
          URL(fileURLWithPath: permutedModel),
          sequenceLength: first.data.kind == .sequences ? first.length : nil)
      })
    let sized = try groups.map { group in
      try [model, permuted].map {
        try $0.resized(toLength: group.length, file: input, lengths: groups.lengths)
      }
    }
    return (groups, model, sized, input)
  }

  /// The training data, the explained items, the model and the schedule.
  private func trainingSetUp() throws -> (
    training: InputData, explained: InputData, model: Model, trainer: Trainer, file: String
  ) {
    guard let train else {
      throw ValidationError("give --train (or --permuted-model with --input)")
    }
    let training = try TrainCommand.labelled(train, limit: nil, seed: common.seed)
    let explained =
      try input.map {
        try InputCheck.nonEmpty(try InputData.load(URL(fileURLWithPath: $0)), file: $0)
      } ?? training
    let model = try modelOptions.load(for: training, from: train)
    let loss: Loss = training.kind == .images ? .softmaxCrossEntropy : .binaryCrossEntropy
    let trainer = Trainer(
      .init(
        loss: loss, optimizer: .adam(learningRate: learningRate), epochs: epochs, batchSize: 64,
        seed: common.seed))
    Progress.note(
      "label randomization: training twice for \(epochs) epochs on \(training.ids.count) items",
      quiet: common.quiet)
    return (training, explained, model, trainer, train)
  }
}
