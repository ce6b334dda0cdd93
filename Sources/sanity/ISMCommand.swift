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
      = x ⊙ (delta − mean over bases), tangermeme's default output. With several targets (--target 0,3,5-9) the
      maps gain a last axis [N, L, 4, T] named by the attributes `target_indices` and `target_names` (`targets` is
      then −1). Sequences of several lengths (models that allow any length) give maps [N, L_max, 4] filled with NaN
      past each sequence's end, and a dataset `lengths`.
      Example: sanity ism --model Models/deepbind-example.h5 --input Genomes/example-test.fa --limit 100 --output ism.h5
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @OptionGroup var targetOptions: TargetOptions
  @Option(help: "Output .h5 file.")
  var output: String
  @Flag(help: "Compute every mutant through the whole model instead of the incremental path.")
  var naive = false
  @OptionGroup var shardOptions: ShardOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    try common.apply()
    let (destination, _) = try Outputs.destination(
      output, formats: [.hdf5],
      inputs: modelOptions.files + targetOptions.files + [inputOptions.input])
    let (groups, base, block) = try inputs()
    let selection = try targetOptions.selection(for: base, modelOptions)
    guard !block.items.isEmpty else {
      return try shardOptions.writeManifest(
        "ism", kind: .attributions, output: output, items: block.items, total: block.total)
    }
    let explainer = InSilicoMutagenesis(fast: !naive)
    let sized = try groups.map {
      try base.resized(toLength: $0.length, file: inputOptions.input, lengths: groups.lengths)
    }
    if let note = explainer.fallbackNote(for: sized[0]) {
      Progress.note("sanity: note: \(note)", quiet: common.quiet)
    }
    var parts: (raw: [Tensor], centred: [Tensor], predictions: [Tensor], targets: [Tensor]) = (
      [], [], [], []
    )
    for (group, model) in zip(groups, sized) {
      if let selection, selection.count > 1 {
        let maps = try explainer.targetMaps(for: group.data.inputs, selection: selection, in: model)
        parts.raw.append(maps.values)
        parts.centred.append(maps.centred)
        parts.predictions.append(maps.predictions)
        parts.targets.append(Tensor(shape: [group.indices.count], repeating: -1))
      } else {
        let targets = try Batches.targets(selection?.indices.first, model: model, data: group.data)
        let attribution = try Batches.explain(
          explainer, data: group.data, targets: targets, model: model, quiet: common.quiet,
          label: "ism", first: block.items.lowerBound)
        parts.raw.append(attribution.values)
        parts.centred.append(
          InSilicoMutagenesis.centred(attribution.values, input: group.data.inputs))
        parts.predictions.append(Tensor(shape: [targets.count], scalars: attribution.predictions))
        parts.targets.append(Tensor(shape: [targets.count], scalars: targets.map(Float.init)))
      }
    }
    var extras = ["attributions_centred": groups.padded(parts.centred, fill: .nan)]
    if groups.count > 1 {
      extras["lengths"] = groups.gathered(
        groups.map { Tensor(shape: [$0.indices.count], repeating: Float($0.length)) })
    }
    var settings: [String: HDF5AttributeValue] = [
      "path": .string(naive ? "naive" : "fast", .variableUTF8),
      "input_file": .string(inputOptions.input, .variableUTF8),
    ]
    settings.merge(selection.map(\.exportAttributes) ?? [:]) { $1 }
    let export = AttributionExport(
      attributions: groups.padded(parts.raw, fill: .nan),
      predictions: groups.gathered(parts.predictions), ids: groups.ids,
      extraDatasets: extras,
      metadata: .init(
        method: "ism", targets: groups.gathered(parts.targets).scalars.map { Int($0) },
        modelFile: modelOptions.model,
        settings: settings))
    try export.writeHDF5(to: destination)
    try shardOptions.writeManifest(
      "ism", kind: .attributions, output: output, items: block.items, total: block.total)
    Progress.note("wrote \(output): ISM for \(groups.ids.count) sequences", quiet: common.quiet)
  }

  /// The sequences (grouped by length) and the model; with `--shard`, the shard's block (its
  /// items and the run's count; the whole input otherwise).
  private func inputs() throws -> (
    groups: [LengthGroup], model: Model, block: (items: Range<Int>, total: Int)
  ) {
    if let shard = try shardOptions.parsed() {
      let block = try shardOptions.block(inputOptions, modelOptions, shard: shard)
      return ([block.group], block.model, (block.items, block.total))
    }
    let groups = try inputOptions.loadGroupedByLength(
      cap: try modelOptions.recordCap(for: inputOptions))
    guard let first = groups.first, first.data.kind == .sequences else {
      throw ValidationError("\(inputOptions.input): ISM needs DNA sequences")
    }
    let base = try modelOptions.load(for: first.data, from: inputOptions.input)
    return (groups, base, (0..<groups.ids.count, groups.ids.count))
  }
}
