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
      Example: sanity check labels --model Models/deepbind-ctcf.h5 --train Genomes/ctcf-example-train.fa.gz --input Genomes/ctcf-example.fa
      """)

  @OptionGroup var modelOptions: ModelOptions
  @Option(help: "Training data with labels (not needed with --permuted-model).")
  var train: String?
  @Option(help: "Explained inputs (default: the first 200 training items).")
  var input: String?
  @Option(help: "A model trained on permuted labels elsewhere; compared with --model directly.")
  var permutedModel: String?
  @Option(help: "Epochs of each training run.")
  var epochs: Int = 10
  @Option(help: "Learning rate (Adam).")
  var learningRate: Float = 3e-3
  @Option(help: "Use only the first N items of the explained inputs.")
  var limit: Int = 200
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    common.apply()
    let check = DataRandomizationCheck(
      metrics: try checkOptions.similarityMetrics(), view: try checkOptions.comparisonView(), threshold: checkOptions.threshold ?? 0.5)
    let explainers = try checkOptions.explainers(methodOptions, seed: common.seed)
    var report: CheckReport
    if let permutedModel {
      guard let input else { throw ValidationError("--permuted-model needs --input") }
      let data = try InputData.load(URL(fileURLWithPath: input)).prefix(limit)
      let model = try modelOptions.load(for: data)
      let permuted = try ModelLoader.load(URL(fileURLWithPath: permutedModel), sequenceLength: data.kind == .sequences ? data.inputs.shape[1] : nil)
      report = try check.compare(model, permuted, input: data.inputs, explainers: explainers)
    } else {
      guard let train else { throw ValidationError("give --train (or --permuted-model with --input)") }
      let training = try TrainCommand.labelled(train, limit: nil, seed: common.seed)
      let explained = try input.map { try InputData.load(URL(fileURLWithPath: $0)) } ?? training
      let model = try modelOptions.load(for: training)
      let loss: Loss = training.kind == .images ? .softmaxCrossEntropy : .binaryCrossEntropy
      let trainer = Trainer(.init(loss: loss, optimizer: .adam(learningRate: learningRate), epochs: epochs, batchSize: 64, seed: common.seed))
      Progress.note("label randomization: training twice for \(epochs) epochs on \(training.ids.count) items", quiet: common.quiet)
      report = try check.run(
        initial: model.initialized(seed: common.seed), training: (training.inputs, training.flatLabels ?? []), test: nil,
        trainer: trainer, permutationSeed: common.seed, input: explained.prefix(limit).inputs, explainers: explainers)
    }
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, quiet: common.quiet, json: common.json)
  }
}

/// `sanity check class`: class sensitivity (random logit).
struct CheckClassCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract: "Class sensitivity: compare explanations of the predicted and another class.",
    discussion: "Example: sanity check class --model Models/tiny-imagenet-cnn.h5 --input ../shared/data/tinyimagenet/tiny-imagenet-200-sample")

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(help: "The other class: random (per item, seeded) or a unit index.")
  var other: String = "random"
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    common.apply()
    let otherTarget: ClassSensitivityCheck.OtherTarget
    if other == "random" {
      otherTarget = .random(seed: common.seed)
    } else if let unit = Int(other) {
      otherTarget = .unit(unit)
    } else {
      throw ValidationError("--other must be random or a unit index, not '\(other)'")
    }
    let data = try inputOptions.load()
    let model = try modelOptions.load(for: data)
    var report = try ClassSensitivityCheck(
      metrics: try checkOptions.similarityMetrics(), view: try checkOptions.comparisonView(), other: otherTarget,
      threshold: checkOptions.threshold ?? 0.5
    ).run(model: model, input: data.inputs, explainers: try checkOptions.explainers(methodOptions, seed: common.seed))
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, quiet: common.quiet, json: common.json)
  }
}

/// `sanity check invariance`: input invariance under a compensated constant shift.
struct CheckInvarianceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "invariance",
    abstract: "Input invariance: shift the input by a constant, compensate in the first bias, compare explanations.",
    discussion: "Example: sanity check invariance --model Models/deepbind-ctcf.h5 --input Genomes/ctcf-example.fa --methods saliency,gradient-x-input")

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(help: "The constant added to every input value.")
  var shift: Float = 1
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    common.apply()
    let data = try inputOptions.load()
    let model = try modelOptions.load(for: data)
    let methods = try methodOptions.explainers(checkOptions.methods, seed: common.seed)
    var report = try InputInvarianceCheck(shift: shift).run(model: model, input: data.inputs, explainers: methods)
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, quiet: common.quiet, json: common.json)
  }
}
