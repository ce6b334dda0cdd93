import ArgumentParser
import Foundation
import SanityChecker

/// `sanity predict`: the model's outputs for every input.
struct PredictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "predict",
    abstract: "Score inputs with a model and write a TSV (id, then one column per output).",
    discussion: "Example: sanity predict --model Models/deepbind-ctcf.h5 --input Genomes/ctcf-example.fa --output scores.tsv")

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(help: "Output TSV (standard output when absent).")
  var output: String?
  @OptionGroup var common: CommonOptions

  func run() throws {
    common.apply()
    let groups = try inputOptions.loadGroupedByLength()
    let model = try modelOptions.load(for: groups.first?.data)
    let outputs = groups.gathered(
      try groups.map { try model.resized(toLength: $0.length, file: inputOptions.input, lengths: groups.lengths).forward($0.data.inputs) })
    let ids = groups.ids
    guard outputs.isFinite else { throw ValidationError("\(modelOptions.model): the model's outputs contain NaN or Inf") }
    let width = outputs.itemCount
    if common.json {
      let rows = ids.enumerated().map { item, id in
        ["id": id, "outputs": (0..<width).map { Double(outputs.scalars[item * width + $0]) }] as [String: any Sendable]
      }
      let json = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
      try OutputFile.write(String(decoding: json, as: UTF8.self) + "\n", to: output)
      return
    }
    let header = ["id"] + (0..<width).map { width == 1 ? "score" : "output_\($0)" }
    var lines = [header.joined(separator: "\t")]
    for (item, id) in ids.enumerated() {
      let values = (0..<width).map { String(format: "%.7g", outputs.scalars[item * width + $0]) }
      lines.append(([id] + values).joined(separator: "\t"))
    }
    try OutputFile.write(lines.joined(separator: "\n") + "\n", to: output)
  }
}

extension InputOptions {
  /// Reads the inputs grouped by sequence length (one group with `--lengths pad:N|crop:N`).
  func loadGroupedByLength() throws -> [LengthGroup] {
    let encoder = OneHot(unknownBase: unknownAsZero ? .zero : .quarter, lengthPolicy: try lengthPolicy())
    let groups = try InputData.loadGroupedByLength(URL(fileURLWithPath: input), oneHot: encoder, limit: limit)
    guard groups.allSatisfy({ $0.data.inputs.isFinite }) else { throw ValidationError("\(input): the inputs contain NaN or Inf") }
    return groups
  }
}
