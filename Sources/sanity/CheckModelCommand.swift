import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check model`: model parameter randomization (MPRT), smooth and efficient variants.
struct CheckModelCommand: ShardedCheckCommand {
  static let configuration = CommandConfiguration(
    commandName: "model",
    abstract: "Model parameter randomization: do explanations change when the weights do?",
    discussion: """
      With --stages s1.h5,s2.h5,… the given files are used as the successive stages (e.g. made by another tool).
      With --shard K/N (FASTA or .seq input of one length) the check scores block K of N of the items against \
      the same randomized models (drawn from the seeds, never from the shard) and writes their per-item values \
      to --output FILE.json; `sanity merge` turns the parts into the table or JSON of the unsharded check, \
      byte for byte. --smooth and --efficient run unsharded only.
      Example: sanity check model --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50 --seeds 2 --output results.json
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var targetOptions: TargetOptions
  @Option(help: "cascading, bottom-up, independent or complete.")
  var order: String = "cascading"
  @Option(
    help: "glorot-uniform, he-normal, uniform[:a:b], fan-in-uniform, normal:σ or permutation.")
  var scheme: String = "glorot-uniform"
  @Option(parsing: .unconditional, help: "Number of seeds (seed, seed+1, …; at least 1).")
  var seeds: Int = 5
  @Option(help: "Comma-separated model files to use as the stages instead of drawing them.")
  var stages: String?
  @Option(help: "What the verdict reads: mean (over all stages), first (the first stage) or last.")
  var verdictStage: String = "mean"
  @Option(
    parsing: .unconditional,
    help: "sMPRT: average each explanation over N noisy inputs (at least 1).")
  var smooth: Int?
  @Flag(help: "Also report eMPRT, the relative entropy rise at full randomization.")
  var efficient = false
  @OptionGroup var options: ShardedCheckOptions

  func validate() throws {
    try FlagCheck.atLeast(1, seeds, "--seeds")
    try FlagCheck.atLeast(1, smooth, "--smooth")
    if shardOptions.shard != nil, smooth != nil || efficient {
      throw ValidationError(
        "--shard: \(efficient ? "--efficient" : "--smooth") runs unsharded only (\(efficient ? "eMPRT's entropy is computed on all items at once" : "sMPRT numbers its noise by the item's place in one call"))"
      )
    }
  }

  var readFiles: [String?] {
    modelOptions.files + targetOptions.files + [inputOptions.input] + Outputs.paths(stages)
  }

  /// The check from the flags.
  func check() throws -> ModelRandomizationCheck {
    guard let randomizationOrder = RandomizationOrder(rawValue: order) else {
      throw ValidationError(
        "--order must be cascading, bottom-up, independent or complete, not '\(order)'")
    }
    guard let initialization = InitializationScheme(name: scheme) else {
      throw ValidationError("unknown --scheme '\(scheme)'")
    }
    guard let stage = VerdictStage(rawValue: verdictStage) else {
      throw ValidationError("--verdict-stage must be mean, first or last, not '\(verdictStage)'")
    }
    return ModelRandomizationCheck(
      .init(
        order: randomizationOrder, scheme: initialization,
        seeds: (0..<UInt64(seeds)).map { common.seed &+ $0 },
        metrics: try checkOptions.similarityMetrics(),
        view: try checkOptions.comparisonView(), threshold: checkOptions.threshold ?? 0.4,
        verdictStage: stage,
        smoothing: smooth.map { ($0, methodOptions.sigma) }, keepsItemValues: checkOptions.perItem))
  }

  /// The `--stages` files as the stages of one seed label, sized like `model`.
  func givenStages(_ model: Model) throws -> [(String, [RandomizationStage])] {
    let list = try Outputs.paths(stages).map { path -> RandomizationStage in
      let stage = try modelOptions.explainedHead(
        of: ReadWatchdog.reading(path) {
          try ModelLoader.load(URL(fileURLWithPath: path), sequenceLength: model.inputShape[0])
        })
      return RandomizationStage(
        name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
        randomizedLayers: [], model: stage)
    }
    return [("given", list)]
  }

  func mergedReport(_ part: CheckPart) throws -> CheckReport {
    var report = try check().report(part, model: try modelOptions.load(sequenceLength: part.length))
    if let stages { report.settings["stages"] = stages }
    return settled(report)
  }

  /// The report with the settings the command records.
  func settled(_ report: CheckReport) -> CheckReport {
    var report = report
    report.settings["model-file"] = modelOptions.model
    report.settings["input-file"] = inputOptions.input
    for (key, value) in methodOptions.settings { report.settings["method.\(key)"] = value }
    return report
  }

  func run() throws {
    try common.apply()
    let explainers = try checkOptions.explainers(methodOptions, seed: common.seed)
    let check = try check()
    let isShard = try writeShardPart(
      inputOptions, modelOptions, targets: targetOptions, command: "check model"
    ) { block in
      let given = try stages.map { _ in try givenStages(block.model) }
      Progress.note(
        "model randomization: \(explainers.count) methods × \(seeds) seeds on items \(block.first)..<\(block.first + block.input.itemCount) of \(block.total)",
        quiet: common.quiet)
      return try check.part(block, explainers: explainers, stages: given)
    }
    if isShard { return }
    let output = try checkOptions.destination(json: common.json, inputs: readFiles)
    let input = try inputOptions.checkInput(modelOptions, targets: targetOptions)
    // Given stages are read before any work, once per length.
    let given = try stages.map { _ in try input.groups.map { try givenStages($0.model) } }
    Progress.note(
      "model randomization: \(explainers.count) methods × \(seeds) seeds on \(input.itemCount) items",
      quiet: common.quiet)
    var lookup: ((Model) throws -> [(String, [RandomizationStage])])?
    if let given {
      lookup = { model in
        given[input.groups.firstIndex { $0.model.inputShape == model.inputShape } ?? 0]
      }
    }
    var report = try check.run(input, explainers: explainers, stages: lookup)
    if let stages { report.settings["stages"] = stages }
    if efficient {
      let entropy = try EfficientModelRandomization(
        scheme: check.configuration.scheme, seeds: check.configuration.seeds
      )
      .run(input, explainers: explainers)
      report = CheckReport.merging([report, entropy])
    }
    try checkOptions.finish(settled(report), to: output, quiet: common.quiet)
  }
}
