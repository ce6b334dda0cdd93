import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check rc`: reverse-complement consistency of DNA attribution maps.
struct CheckRCCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rc",
    abstract: "Reverse-complement consistency: does each method explain RC(x) as it explains x?",
    discussion: """
      Compares each map of x with the map of its reverse complement, mapped back (positions reversed, A↔T, C↔G),
      on the scale between the random control and the method's own second draw. Judged only on a strand-symmetric
      model (e.g. DeepBind with reverse_complement = 1); otherwise reported. --averaged writes RC-averaged maps.
      Example: sanity check rc --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 50
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(
    help:
      "Write the RC-averaged maps of the first method, ½ (E(x) + back(E(RC x))), to this .h5 file.")
  var averaged: String?
  @OptionGroup var checkOptions: CheckOptions
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    try shardOptions.refuse(
      "run it without --shard (the check is not in run configurations yet)"
    )
    try common.apply()
    let inputs = modelOptions.files + [inputOptions.input]
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
    let explainers = try checkOptions.explainers(methodOptions, seed: common.seed)
    var report = try ReverseComplementCheck(
      metrics: try checkOptions.similarityMetrics(), view: try checkOptions.comparisonView(),
      threshold: checkOptions.threshold ?? 0.9
    ).run(model: model, input: data.inputs, explainers: explainers)
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
