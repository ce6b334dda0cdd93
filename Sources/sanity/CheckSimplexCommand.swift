import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check simplex`: the off-simplex gradient diagnostic.
struct CheckSimplexCommand: ShardedCheckCommand {
  static let configuration = CommandConfiguration(
    commandName: "simplex",
    abstract:
      "Off-simplex gradients: their angle to the one-hot simplex and the effect of correcting them.",
    discussion: """
      Reports per method the angle between each position's gradient and the simplex (Majdandzic et al. 2023), the
      similarity of each map to its corrected map (per-position mean over A, C, G, T subtracted), and, with --seeds,
      model randomization with and without the correction. Apply the correction to any check with --correct-gradient.
      With --shard K/N (FASTA or .seq input of one length) block K of N of the items is scored (with --seeds, every
      method with [L, 4] maps, since which methods the randomization applies to is decided on all items) and its
      per-item values written to --output FILE.json; `sanity merge` writes the unsharded table.
      Example: sanity check simplex --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50 --seeds 2
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(
    parsing: .unconditional,
    help: "Also run cascading model randomization both ways with N seeds (0: skip).")
  var seeds: Int = 0
  @OptionGroup var options: ShardedCheckOptions

  func validate() throws {
    try FlagCheck.atLeast(0, seeds, "--seeds")
  }

  var readFiles: [String?] { modelOptions.files + [inputOptions.input] }

  /// The diagnostic from the flags.
  func diagnostic() throws -> OffSimplexDiagnostic {
    let metrics = try checkOptions.similarityMetrics()
    let randomization =
      seeds > 0
      ? ModelRandomizationCheck.Configuration(
        seeds: (0..<UInt64(seeds)).map { common.seed &+ $0 }, metrics: metrics,
        view: try checkOptions.comparisonView(), threshold: checkOptions.threshold ?? 0.4)
      : nil
    return OffSimplexDiagnostic(metrics: metrics, modelRandomization: randomization)
  }

  func mergedReport(_ part: CheckPart) throws -> CheckReport {
    var report = try diagnostic().report(
      part, model: try modelOptions.load(sequenceLength: part.length))
    report.settings["model-file"] = modelOptions.model
    report.settings["input-file"] = inputOptions.input
    return report
  }

  func run() throws {
    try common.apply()
    let explainers = try methodOptions.explainers(checkOptions.methods, seed: common.seed)
    let isShard = try writeShardPart(
      inputOptions, modelOptions, targets: nil, command: "check simplex"
    ) { block in
      try diagnostic().part(block, explainers: explainers)
    }
    if isShard { return }
    let output = try checkOptions.destination(json: common.json, inputs: readFiles)
    let data = try inputOptions.load()
    guard data.kind == .sequences else {
      throw ValidationError("\(inputOptions.input): the off-simplex diagnostic needs DNA sequences")
    }
    let model = try modelOptions.load(for: data, from: inputOptions.input)
    var report = try diagnostic().run(model: model, input: data.inputs, explainers: explainers)
    report.settings["model-file"] = modelOptions.model
    report.settings["input-file"] = inputOptions.input
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}
