import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check rc`: reverse-complement consistency of DNA attribution maps.
struct CheckRCCommand: ShardedCheckCommand {
  static let configuration = CommandConfiguration(
    commandName: "rc",
    abstract: "Reverse-complement consistency: does each method explain RC(x) as it explains x?",
    discussion: """
      Compares each map of x with the map of its reverse complement, mapped back (positions reversed, A↔T, C↔G),
      on the scale between the random control and the method's own second draw. Judged only on a strand-symmetric
      model (e.g. DeepBind with reverse_complement = 1); otherwise reported. --averaged writes RC-averaged maps.
      With --shard K/N (FASTA or .seq input of one length; not with --averaged) block K of N of the items is scored
      and its per-item values written to --output FILE.json; `sanity merge` writes the unsharded table, with the
      strand asymmetry judged on all items.
      Example: sanity check rc --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(
    help:
      "Write the RC-averaged maps of the first method, ½ (E(x) + back(E(RC x))), to this .h5 file.")
  var averaged: String?
  @OptionGroup var options: ShardedCheckOptions

  func validate() throws {
    if shardOptions.shard != nil, averaged != nil {
      throw ValidationError(
        "--shard: --averaged writes maps, not per-item values; run it unsharded, or shard `sanity explain`"
      )
    }
  }

  var readFiles: [String?] { modelOptions.files + [inputOptions.input] }

  /// The check from the flags.
  func check() throws -> ReverseComplementCheck {
    ReverseComplementCheck(
      metrics: try checkOptions.similarityMetrics(), view: try checkOptions.comparisonView(),
      threshold: checkOptions.threshold ?? 0.9)
  }

  func mergedReport(_ part: CheckPart) throws -> CheckReport {
    var report = try check().report(
      part, model: try modelOptions.load(sequenceLength: part.length))
    report.settings["model-file"] = modelOptions.model
    report.settings["input-file"] = inputOptions.input
    return report
  }

  func run() throws {
    try common.apply()
    let explainers = try checkOptions.explainers(methodOptions, seed: common.seed)
    let isShard = try writeShardPart(
      inputOptions, modelOptions, targets: nil, command: "check rc"
    ) { block in
      try check().part(block, explainers: explainers)
    }
    if isShard { return }
    let inputs = readFiles
    let output = try checkOptions.destination(json: common.json, inputs: inputs)
    let averagedDestination = try averaged.map {
      try Outputs.destination($0, formats: [.hdf5], inputs: inputs).destination
    }
    let data = try inputOptions.load()
    guard data.kind == .sequences else {
      throw ValidationError(
        "\(inputOptions.input): reverse-complement consistency needs DNA sequences")
    }
    let model = try modelOptions.load(for: data, from: inputOptions.input)
    var report = try check().run(model: model, input: data.inputs, explainers: explainers)
    if let averagedDestination, let first = explainers.first(where: { !($0 is ControlExplainer) }) {
      let targets = model.predictedTargets(data.inputs)
      let map = try ReverseComplementCheck.averaged(
        first, model: model, input: data.inputs, targets: targets)
      try AttributionExport(
        attributions: map.values,
        predictions: Tensor(shape: [map.predictions.count], scalars: map.predictions),
        ids: data.ids,
        metadata: .init(
          method: map.method + " (rc-averaged)", targets: targets, modelFile: modelOptions.model)
      ).writeHDF5(to: averagedDestination)
      report.settings["rc-averaged-file"] = averaged
    }
    report.settings["model-file"] = modelOptions.model
    report.settings["input-file"] = inputOptions.input
    try checkOptions.finish(report, to: output, quiet: common.quiet)
  }
}
