import ArgumentParser
import Foundation
import SanityChecker

/// `sanity ism`: in-silico mutagenesis of every position and base.
struct ISMCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ism",
    abstract: "In-silico mutagenesis: the change of the output for every single-base substitution.",
    discussion: """
      Writes `attributions` = the raw delta [N, L, 4] (0 at the observed base) and `attributions_centred`
      = x ⊙ (delta − mean over bases), tangermeme's default output.
      Example: sanity ism --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 100 --output ism.h5
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(help: "The output unit (default: the predicted one).")
  var target: Int?
  @Option(help: "Output .h5 file.")
  var output: String
  @Flag(help: "Compute every mutant through the whole model instead of the incremental path.")
  var naive = false
  @OptionGroup var common: CommonOptions

  func run() throws {
    try common.apply()
    let (destination, _) = try Outputs.destination(output, formats: [.hdf5], inputs: modelOptions.files + [inputOptions.input])
    let data = try inputOptions.load()
    guard data.kind == .sequences else { throw ValidationError("\(inputOptions.input): ISM needs DNA sequences") }
    let model = try modelOptions.load(for: data)
    let targets = try Batches.targets(target, model: model, data: data)
    let explainer = InSilicoMutagenesis(fast: !naive)
    if let note = try explainer.deltas(for: data.inputs.items(0..<min(1, data.ids.count)), in: model).note {
      Progress.note("sanity: note: \(note)", quiet: common.quiet)
    }
    let attribution = try Batches.explain(explainer, data: data, targets: targets, model: model, quiet: common.quiet, label: "ism")
    let export = AttributionExport(
      attributions: attribution.values,
      predictions: Tensor(shape: [attribution.predictions.count], scalars: attribution.predictions), ids: data.ids,
      extraDatasets: ["attributions_centred": InSilicoMutagenesis.centred(attribution.values, input: data.inputs)],
      metadata: .init(
        method: "ism", targets: targets, modelFile: modelOptions.model,
        settings: ["path": .string(naive ? "naive" : "fast", .variableUTF8), "input_file": .string(inputOptions.input, .variableUTF8)]))
    try export.writeHDF5(to: destination)
    Progress.note("wrote \(output): ISM for \(data.ids.count) sequences", quiet: common.quiet)
  }
}
