import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check simplex`: the off-simplex gradient diagnostic.
struct CheckSimplexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simplex",
    abstract:
      "Off-simplex gradients: their angle to the one-hot simplex and the effect of correcting them.",
    discussion: """
      Reports per method the angle between each position's gradient and the simplex (Majdandzic et al. 2023), the
      similarity of each map to its corrected map (per-position mean over A, C, G, T subtracted), and, with --seeds,
      model randomization with and without the correction. Apply the correction to any check with --correct-gradient.
      Example: sanity check simplex --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50 --seeds 2
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(
    parsing: .unconditional,
    help: "Also run cascading model randomization both ways with N seeds (0: skip).")
  var seeds: Int = 0
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(0, seeds, "--seeds")
  }

  func run() throws {
    try shardOptions.refuse(
      "run it without --shard (the check is not in run configurations yet)"
    )
    try common.apply()
    let output = try checkOptions.destination(
      json: common.json, inputs: modelOptions.files + [inputOptions.input])
    let data = try inputOptions.load()
    guard data.kind == .sequences else {
      throw ValidationError("\(inputOptions.input): the off-simplex diagnostic needs DNA sequences")
    }
    let model = try modelOptions.load(for: data, from: inputOptions.input)
    let metrics = try checkOptions.similarityMetrics()
    let randomization =
      seeds > 0
      ? ModelRandomizationCheck.Configuration(
        seeds: (0..<UInt64(seeds)).map { common.seed &+ $0 }, metrics: metrics,
        view: try checkOptions.comparisonView(), threshold: checkOptions.threshold ?? 0.4)
      : nil
    var report = try OffSimplexDiagnostic(metrics: metrics, modelRandomization: randomization)
      .run(
        model: model, input: data.inputs,
        explainers: try methodOptions.explainers(checkOptions.methods, seed: common.seed))
    report.settings["model-file"] = modelOptions.model
    report.settings["input-file"] = inputOptions.input
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}
