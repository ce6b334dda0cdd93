import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check labels`: data randomization by label permutation.
struct CheckLabelsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "labels",
    abstract: "Label randomization: retrain on permuted labels and compare explanations.",
    discussion: """
      Trains the model's architecture from one initialization on the true and on permuted labels (same schedule),
      or compares two given models with --permuted-model.
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
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(1, epochs, "--epochs")
    try FlagCheck.positive(learningRate, "--learning-rate")
    try FlagCheck.atLeast(1, limit, "--limit")
  }

  func run() throws {
    try shardOptions.refuse(
      "put the check in a run configuration and use `sanity run --shard K/N`, whose parts carry per-item values that `sanity merge` summarizes"
    )
    try common.apply()
    let output = try checkOptions.destination(
      json: common.json, inputs: modelOptions.files + [train, input, permutedModel])
    let check = DataRandomizationCheck(
      metrics: try checkOptions.similarityMetrics(), view: try checkOptions.comparisonView(),
      threshold: checkOptions.threshold ?? 0.5)
    let explainers = try checkOptions.explainers(methodOptions, seed: common.seed)
    var report: CheckReport
    if let permutedModel {
      guard let input else { throw ValidationError("--permuted-model needs --input") }
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
      report = try check.compare(
        CheckInput(
          groups: zip(groups, sized).map {
            CheckInput.Group(model: $1[0], input: $0.data.inputs, indices: $0.indices)
          }, selection: try targetOptions.selection(for: model)),
        permutedModels: sized.map { $0[1] }, explainers: explainers)
    } else {
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
      report = try check.run(
        initial: model.initialized(seed: common.seed),
        training: (training.inputs, training.flatLabels ?? []), test: nil,
        trainer: trainer, permutationSeed: common.seed, input: explained.prefix(limit).inputs,
        explainers: explainers, source: (train, training.ids, training.lines),
        selection: try targetOptions.selection(for: model))
    }
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}

/// `sanity check class`: class sensitivity (random logit).
struct CheckClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract:
      "Class sensitivity: compare explanations of the predicted (or --target) class and another class.",
    discussion: """
      --other must be a unit of the model (0 to outputs − 1). For the image experiment, give --model Models/tiny-imagenet-cnn.h5
      and a Tiny-ImageNet folder as --input.
      Example: sanity check class --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50 --other 1
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var targetOptions: TargetOptions
  @Option(
    parsing: .unconditional, help: "The other class: random (per item, seeded) or a unit index.")
  var other: String = "random"
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    try shardOptions.refuse(
      "put the check in a run configuration and use `sanity run --shard K/N`, whose parts carry per-item values that `sanity merge` summarizes"
    )
    try common.apply()
    let output = try checkOptions.destination(
      json: common.json, inputs: modelOptions.files + [inputOptions.input])
    let otherTarget: ClassSensitivityCheck.OtherTarget
    if other == "random" {
      otherTarget = .random(seed: common.seed)
    } else if let unit = Int(other) {
      otherTarget = .unit(unit)
    } else {
      throw ValidationError("--other must be random or a unit index, not '\(other)'")
    }
    let input = try inputOptions.checkInput(modelOptions, targets: targetOptions)
    let model = input.model
    if case .unit(let unit) = otherTarget {
      try FlagCheck.unit(unit, "--other", outputs: model.outputShape.count)
    }
    guard model.outputShape.count >= 2 else {
      throw ValidationError(
        "\(modelOptions.model): the model has one output; class sensitivity needs at least two")
    }
    var report = try ClassSensitivityCheck(
      metrics: try checkOptions.similarityMetrics(), view: try checkOptions.comparisonView(),
      other: otherTarget,
      threshold: checkOptions.threshold ?? 0.5
    ).run(input, explainers: try checkOptions.explainers(methodOptions, seed: common.seed))
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}

/// `sanity check invariance`: input invariance under a compensated constant shift.
struct CheckInvarianceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "invariance",
    abstract:
      "Input invariance: shift the input by a constant, compensate in the first bias, compare explanations.",
    discussion:
      "Example: sanity check invariance --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50 --methods saliency,gradient-x-input"
  )

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var targetOptions: TargetOptions
  @Option(parsing: .unconditional, help: "The constant added to every input value.")
  var shift: Float = 1
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.finite(shift, "--shift")
  }

  func run() throws {
    try shardOptions.refuse(
      "put the check in a run configuration and use `sanity run --shard K/N`, whose parts carry per-item values that `sanity merge` summarizes"
    )
    try common.apply()
    let output = try checkOptions.destination(
      json: common.json, inputs: modelOptions.files + [inputOptions.input])
    let input = try inputOptions.checkInput(modelOptions, targets: targetOptions)
    let methods = try methodOptions.explainers(checkOptions.methods, seed: common.seed)
    var report = try InputInvarianceCheck(shift: shift).run(input, explainers: methods)
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}
