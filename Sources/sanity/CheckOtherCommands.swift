import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check class`: class sensitivity (random logit).
struct CheckClassCommand: ShardedCheckCommand {
  static let configuration = CommandConfiguration(
    commandName: "class",
    abstract:
      "Class sensitivity: compare explanations of the predicted (or --target) class and another class.",
    discussion: """
      --other must be a unit of the model (0 to outputs − 1). For the image experiment, give --model Models/tiny-imagenet-cnn.h5
      and a Tiny-ImageNet folder as --input. With --shard K/N (FASTA or .seq input of one length) block K of N of the
      items is scored and its per-item values written to --output FILE.json; `sanity merge` writes the unsharded table.
      Example: sanity check class --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50 --other 1
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var targetOptions: TargetOptions
  @Option(
    parsing: .unconditional, help: "The other class: random (per item, seeded) or a unit index.")
  var other: String = "random"
  @OptionGroup var options: ShardedCheckOptions

  var readFiles: [String?] { modelOptions.files + targetOptions.files + [inputOptions.input] }

  /// The check from the flags, for a model with `units` outputs.
  func check(units: Int) throws -> ClassSensitivityCheck {
    let otherTarget: ClassSensitivityCheck.OtherTarget
    if other == "random" {
      otherTarget = .random(seed: common.seed)
    } else if let unit = Int(other) {
      otherTarget = .unit(unit)
    } else {
      throw ValidationError("--other must be random or a unit index, not '\(other)'")
    }
    if case .unit(let unit) = otherTarget {
      try FlagCheck.unit(unit, "--other", outputs: units)
    }
    guard units >= 2 else {
      throw ValidationError(
        "\(modelOptions.model): the model has one output; class sensitivity needs at least two")
    }
    return ClassSensitivityCheck(
      metrics: try checkOptions.similarityMetrics(), view: try checkOptions.comparisonView(),
      other: otherTarget, threshold: checkOptions.threshold ?? 0.5)
  }

  func mergedReport(_ part: CheckPart) throws -> CheckReport {
    let model = try modelOptions.load(sequenceLength: part.length)
    var report = try check(units: model.outputShape.count).report(part, model: model)
    report.settings["model-file"] = modelOptions.model
    return report
  }

  func run() throws {
    try common.apply()
    let explainers = try checkOptions.explainers(methodOptions, seed: common.seed)
    let isShard = try writeShardPart(
      inputOptions, modelOptions, targets: targetOptions, command: "check class"
    ) { block in
      try check(units: block.model.outputShape.count).part(block, explainers: explainers)
    }
    if isShard { return }
    let output = try checkOptions.destination(json: common.json, inputs: readFiles)
    let input = try inputOptions.checkInput(modelOptions, targets: targetOptions)
    var report = try check(units: input.model.outputShape.count).run(
      input, explainers: explainers)
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}

/// `sanity check invariance`: input invariance under a compensated constant shift.
struct CheckInvarianceCommand: ShardedCheckCommand {
  static let configuration = CommandConfiguration(
    commandName: "invariance",
    abstract:
      "Input invariance: shift the input by a constant, compensate in the first bias, compare explanations.",
    discussion: """
      With --shard K/N (FASTA or .seq input of one length) block K of N of the items is checked and its per-item \
      differences written to --output FILE.json; `sanity merge` writes the unsharded table.
      Example: sanity check invariance --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50 --methods saliency,gradient-x-input
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var targetOptions: TargetOptions
  @Option(parsing: .unconditional, help: "The constant added to every input value.")
  var shift: Float = 1
  @OptionGroup var options: ShardedCheckOptions

  func validate() throws {
    try FlagCheck.finite(shift, "--shift")
  }

  var readFiles: [String?] { modelOptions.files + targetOptions.files + [inputOptions.input] }

  func mergedReport(_ part: CheckPart) throws -> CheckReport {
    var report = try InputInvarianceCheck(shift: shift).report(
      part, model: try modelOptions.load(sequenceLength: part.length))
    report.settings["model-file"] = modelOptions.model
    return report
  }

  func run() throws {
    try common.apply()
    let methods = try methodOptions.explainers(checkOptions.methods, seed: common.seed)
    let isShard = try writeShardPart(
      inputOptions, modelOptions, targets: targetOptions, command: "check invariance"
    ) { block in
      try InputInvarianceCheck(shift: shift).part(block, explainers: methods)
    }
    if isShard { return }
    let output = try checkOptions.destination(json: common.json, inputs: readFiles)
    let input = try inputOptions.checkInput(modelOptions, targets: targetOptions)
    var report = try InputInvarianceCheck(shift: shift).run(input, explainers: methods)
    report.settings["model-file"] = modelOptions.model
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}
