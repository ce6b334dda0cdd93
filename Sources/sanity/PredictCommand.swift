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
  @OptionGroup var nameOptions: TargetNamesOptions
  @OptionGroup var shardOptions: ShardOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    try common.apply()
    guard !modelOptions.profileScalar else {
      throw ValidationError(
        "--profile-scalar applies to explanations; predict writes every head's outputs")
    }
    let (destination, format) = try Outputs.destination(
      output, formats: [.tsv, .json], standardOutputFormat: common.json ? .json : .tsv,
      inputs: modelOptions.files + nameOptions.files + [inputOptions.input])
    try shardOptions.requireFile(output)
    let kind: CommandPart.Kind = format == .json ? .jsonArray : .table
    guard let shard = try shardOptions.parsed() else {
      let groups = try inputOptions.loadGroupedByLength(
        cap: try modelOptions.recordCap(for: inputOptions))
      let model = try modelOptions.load(for: groups.first?.data, from: inputOptions.input)
      return try write(groups, model: model, format: format, to: destination)
    }
    let block = try shardOptions.block(inputOptions, modelOptions, shard: shard)
    if !block.items.isEmpty {
      try write([block.group], model: block.model, format: format, to: destination)
    }
    try shardOptions.writeManifest(
      "predict", kind: kind, output: output, items: block.items, total: block.total)
  }

  /// Writes the outputs of every length group, in the input's order; TSV columns (and a `units`
  /// list in each JSON row) name the units where the model file or `--target-names` names them.
  private func write(
    _ groups: [LengthGroup], model: Model, format: OutputFormat, to destination: OutputDestination
  ) throws {
    let unitNames = try nameOptions.headNames(of: model, modelOptions)
    let perGroup = try groups.map {
      try model.resized(toLength: $0.length, file: inputOptions.input, lengths: groups.lengths)
        .forwardHeads($0.data.inputs)
    }
    let heads = model.outputNodes.indices.map { head in
      groups.gathered(perGroup.map { $0[head] }).reshaped([
        groups.ids.count, model.shapes[model.outputNodes[head]].count,
      ])
    }
    guard heads.allSatisfy(\.isFinite) else {
      throw ValidationError("\(modelOptions.model): the model's outputs contain NaN or Inf")
    }
    guard heads.count == 1, let outputs = heads.first else {
      try writeHeads(
        heads, names: model.outputHeadNames, unitNames: unitNames, ids: groups.ids, format: format,
        to: destination)
      return
    }
    let ids = groups.ids
    let width = outputs.itemCount
    let names = unitNames[0]
    if format == .json {
      let rows = ids.enumerated().map { item, id in
        var row: [String: any Sendable] = [
          "id": id, "outputs": (0..<width).map { Double(outputs.scalars[item * width + $0]) },
        ]
        if !names.isEmpty { row["units"] = names }
        return row
      }
      let json = try JSONSerialization.data(
        withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
      try AtomicOutput.write(json + Data("\n".utf8), to: destination)
      return
    }
    let header =
      ["id"] + (names.isEmpty ? (0..<width).map { width == 1 ? "score" : "output_\($0)" } : names)
    var lines = [header.joined(separator: "\t")]
    for (item, id) in ids.enumerated() {
      let values = (0..<width).map { String(format: "%.7g", outputs.scalars[item * width + $0]) }
      lines.append(([id] + values).joined(separator: "\t"))
    }
    try AtomicOutput.write(lines.joined(separator: "\n") + "\n", to: destination)
  }

  /// Writes a model with several heads: TSV columns `<head>_<unit>` (or `<head>` for a head of
  /// one unit), `<head>_<name>` for named units, JSON rows with `heads: {name: [values]}` and,
  /// for heads whose units are named, `units: {name: [unit names]}`.
  private func writeHeads(
    _ heads: [Tensor], names: [String], unitNames: [[String]], ids: [String],
    format: OutputFormat, to destination: OutputDestination
  ) throws {
    if format == .json {
      let rows = ids.enumerated().map { item, id in
        let values = Dictionary(
          uniqueKeysWithValues: zip(names, heads).map { name, head in
            (name, (0..<head.itemCount).map { Double(head.scalars[item * head.itemCount + $0]) })
          })
        var row: [String: any Sendable] = ["id": id, "heads": values]
        let named = zip(names, unitNames).filter { !$0.1.isEmpty }
        if !named.isEmpty { row["units"] = Dictionary(uniqueKeysWithValues: named) }
        return row
      }
      let json = try JSONSerialization.data(
        withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
      try AtomicOutput.write(json + Data("\n".utf8), to: destination)
      return
    }
    let header =
      ["id"]
      + zip(names, zip(heads, unitNames)).flatMap { name, pair in
        let (head, units) = pair
        if !units.isEmpty { return units.map { "\(name)_\($0)" } }
        return head.itemCount == 1 ? [name] : (0..<head.itemCount).map { "\(name)_\($0)" }
      }
    var lines = [header.joined(separator: "\t")]
    for (item, id) in ids.enumerated() {
      let values = heads.flatMap { head in
        (0..<head.itemCount).map {
          String(format: "%.7g", head.scalars[item * head.itemCount + $0])
        }
      }
      lines.append(([id] + values).joined(separator: "\t"))
    }
    try AtomicOutput.write(lines.joined(separator: "\n") + "\n", to: destination)
  }
}
