import ArgumentParser
import Foundation
import SanityChecker

/// `sanity predict`: the model's outputs for every input.
struct PredictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "predict",
    abstract: "Score inputs with a model and write a TSV (id, then one column per output).",
    discussion: """
      The output's extension picks the format (.tsv, or .json as with --json); `-` or no --output is standard output.
      Example: sanity predict --model Models/deepbind-example.h5 --input Genomes/example-test.fa --output scores.tsv
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(help: "Output .tsv or .json (standard output when absent or `-`).")
  var output: String?
  @OptionGroup var common: CommonOptions

  func run() throws {
    try common.apply()
    let (destination, format) = try Outputs.destination(
      output, formats: [.tsv, .json], standardOutputFormat: common.json ? .json : .tsv,
      inputs: modelOptions.files + [inputOptions.input])
    let groups = try inputOptions.loadGroupedByLength(cap: try modelOptions.recordCap(for: inputOptions))
    let model = try modelOptions.load(for: groups.first?.data, from: inputOptions.input)
    let outputs = groups.gathered(
      try groups.map { try model.resized(toLength: $0.length, file: inputOptions.input, lengths: groups.lengths).forward($0.data.inputs) })
    let ids = groups.ids
    guard outputs.isFinite else { throw ValidationError("\(modelOptions.model): the model's outputs contain NaN or Inf") }
    let width = outputs.itemCount
    if format == .json {
      let rows = ids.enumerated().map { item, id in
        ["id": id, "outputs": (0..<width).map { Double(outputs.scalars[item * width + $0]) }] as [String: any Sendable]
      }
      let json = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
      try AtomicOutput.write(json + Data("\n".utf8), to: destination)
      return
    }
    let header = ["id"] + (0..<width).map { width == 1 ? "score" : "output_\($0)" }
    var lines = [header.joined(separator: "\t")]
    for (item, id) in ids.enumerated() {
      let values = (0..<width).map { String(format: "%.7g", outputs.scalars[item * width + $0]) }
      lines.append(([id] + values).joined(separator: "\t"))
    }
    try AtomicOutput.write(lines.joined(separator: "\n") + "\n", to: destination)
  }
}
