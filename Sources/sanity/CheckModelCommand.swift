import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check model`: model parameter randomization (MPRT), smooth and efficient variants.
struct CheckModelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "model",
    abstract: "Model parameter randomization: do explanations change when the weights do?",
    discussion: """
      With --stages s1.h5,s2.h5,… the given files are used as the successive stages (e.g. made by another tool).
      Example: sanity check model --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50 --seeds 2 --output results.json
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
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
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(1, seeds, "--seeds")
    try FlagCheck.atLeast(1, smooth, "--smooth")
  }

  func run() throws {
    try shardOptions.refuse(
      "put the check in a run configuration and use `sanity run --shard K/N`, whose parts carry per-item values that `sanity merge` summarizes"
    )
    try common.apply()
    let output = try checkOptions.destination(
      json: common.json, inputs: modelOptions.files + [inputOptions.input] + Outputs.paths(stages))
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
    let data = try inputOptions.load(cap: try modelOptions.recordCap(for: inputOptions))
    let model = try modelOptions.load(for: data, from: inputOptions.input)
    let explainers = try checkOptions.explainers(methodOptions, seed: common.seed)
    let seedList = (0..<UInt64(seeds)).map { common.seed &+ $0 }
    let check = ModelRandomizationCheck(
      .init(
        order: randomizationOrder, scheme: initialization, seeds: seedList,
        metrics: try checkOptions.similarityMetrics(),
        view: try checkOptions.comparisonView(), threshold: checkOptions.threshold ?? 0.4,
        verdictStage: stage,
        smoothing: smooth.map { ($0, methodOptions.sigma) }, keepsItemValues: checkOptions.perItem))
    let givenStages = try Outputs.paths(stages).map { path -> RandomizationStage in
      let stage = try modelOptions.explainedHead(
        of: ReadWatchdog.reading(path) {
          try ModelLoader.load(URL(fileURLWithPath: path), sequenceLength: data.inputs.shape[1])
        })
      return RandomizationStage(
        name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
        randomizedLayers: [], model: stage)
    }
    Progress.note(
      "model randomization: \(explainers.count) methods × \(seeds) seeds on \(data.ids.count) items",
      quiet: common.quiet)
    var report: CheckReport
    if let stages {
      report = try check.run(
        model: model, stagesPerSeed: [("given", givenStages)], input: data.inputs, targets: nil,
        explainers: explainers)
      report.settings["stages"] = stages
    } else {
      report = try check.run(model: model, input: data.inputs, explainers: explainers)
    }
    if efficient {
      let entropy = try EfficientModelRandomization(scheme: initialization, seeds: seedList)
        .run(model: model, input: data.inputs, explainers: explainers)
      report = CheckReport.merging([report, entropy])
    }
    report.settings["model-file"] = modelOptions.model
    report.settings["input-file"] = inputOptions.input
    for (key, value) in methodOptions.settings { report.settings["method.\(key)"] = value }
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}
