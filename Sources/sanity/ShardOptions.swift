import ArgumentParser
import Foundation
import SanityChecker

/// `--shard K/N`: one of N contiguous blocks of the input's records (see ``Shard``).
struct ShardOptions: ParsableArguments {
  @Option(
    help:
      "Work on block K of N contiguous blocks of the records (e.g. 2/7); `sanity merge` joins the parts."
  )
  var shard: String?

  func validate() throws {
    _ = try parsed()
  }

  /// The shard, or `nil` for the whole input.
  func parsed() throws -> Shard? {
    guard let shard else { return nil }
    do {
      return try Shard(parsing: shard)
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// Refuses `--shard` with an output on standard output (a part needs a file beside its manifest).
  func requireFile(_ output: String?) throws {
    if shard != nil, output == nil || output == "-" {
      throw ValidationError("--shard needs --output FILE (its manifest is written beside it)")
    }
  }

  /// With `--shard`, writes the part's manifest (`<output>.part.json`) beside its output.
  func writeManifest(
    _ command: String, kind: CommandPart.Kind, output: String?, items: Range<Int>, total: Int
  ) throws {
    guard let shard = try parsed(), let output else { return }
    try CommandPart(
      command: command, arguments: Array(CommandLine.arguments.dropFirst()), kind: kind,
      shard: shard, items: items, total: total
    ).write(besides: URL(fileURLWithPath: output))
  }
}

/// `--shard K/N` on a command whose output summarizes all items (means, clusters, null
/// distributions), so it cannot be joined from parts: the flag is refused with the alternative.
struct UnshardableOptions: ParsableArguments {
  @Option(help: "Not supported here: the output summarizes all items (the error names the way).")
  var shard: String?

  /// Refuses `--shard` when given.
  /// - Parameter remedy: How to split this work instead.
  /// - Throws: `ValidationError` naming the flag and the remedy.
  func refuse(_ remedy: String) throws {
    guard shard != nil else { return }
    throw ValidationError(
      "--shard: this command's output summarizes all items and cannot be joined from parts; \(remedy)"
    )
  }
}

extension ShardOptions {
  /// The shard's block of `--input` with the model sized for it (``ShardBlock``).
  func block(_ inputs: InputOptions, _ model: ModelOptions, shard: Shard) throws -> ShardBlock {
    try ShardBlock.load(
      URL(fileURLWithPath: inputs.input), shard: shard, limit: inputs.limit,
      oneHot: OneHot(
        unknownBase: inputs.unknownAsZero ? .zero : .quarter,
        lengthPolicy: try inputs.lengthPolicy()),
      model: model.load(sequenceLength:))
  }
}

extension ModelOptions {
  /// Loads the model for sequences of one length, with `--output-head` and `--profile-scalar`
  /// applied (what the streamed and sharded commands explain).
  func load(sequenceLength: Int) throws -> Model {
    try explainedHead(
      of: ReadWatchdog.reading(model) {
        try ModelLoader.load(
          URL(fileURLWithPath: model), architecture: architecture.map { URL(fileURLWithPath: $0) },
          sequenceLength: sequenceLength)
      }.adapted(toSequenceLength: sequenceLength))
  }
}

extension ExportSourceOptions {
  /// The shard's block of sequences with their maps, computed with `--model` and `--method`;
  /// `nil` maps for an empty block.
  func explainedBlock(_ common: CommonOptions, shard: Shard) throws -> (
    explained: ExplainedSequences?, items: Range<Int>, total: Int
  ) {
    guard attributions == nil, let model, let method else {
      throw ValidationError(
        "--shard computes the maps (--model with --method); to split reading --attributions, shard `sanity explain` instead"
      )
    }
    let block = try ShardBlock.load(
      URL(fileURLWithPath: input), shard: shard, limit: limit,
      oneHot: OneHot(unknownBase: unknownAsZero ? .zero : .quarter)
    ) { length in
      try ReadWatchdog.reading(model) {
        try ModelLoader.load(
          URL(fileURLWithPath: model), architecture: architecture.map { URL(fileURLWithPath: $0) },
          sequenceLength: length)
      }.adapted(toSequenceLength: length)
    }
    guard !block.items.isEmpty else { return (nil, block.items, block.total) }
    if let target {
      try FlagCheck.unit(target, "--target", outputs: block.model.outputShape.count)
    }
    var computation = AttributionSource.Computation(
      model: block.model, modelFile: model,
      explainer: try methodOptions.explainer(method, seed: common.seed), target: target)
    computation.firstItem = block.items.lowerBound
    let progress = Progress(method, total: block.items.count, quiet: common.quiet)
    let explained = try AttributionSource.computed(computation).explained(
      block.group.data, inputFile: input, itemLimit: limit
    ) { progress.update($0) }
    return (explained, block.items, block.total)
  }
}

extension ShardOptions {
  /// The shard's block of a check's `--input` (FASTA or `.seq`, one length), with the model
  /// sized for it and the `--target` units.
  func checkBlock(
    _ inputs: InputOptions, _ model: ModelOptions, targets: TargetOptions?, shard: Shard
  ) throws -> CheckBlock {
    let block = try self.block(inputs, model, shard: shard)
    return CheckBlock(
      input: CheckInput(
        groups: [
          .init(
            model: block.model, input: block.group.data.inputs,
            indices: Array(0..<block.items.count))
        ],
        selection: try targets?.selection(for: block.model, model)),
      first: block.items.lowerBound, total: block.total)
  }

  /// Checks a check's `--output` for a part: a `.json` file (the per-item values), not
  /// standard output.
  func checkPartDestination(_ checkOptions: CheckOptions, inputs: [String?]) throws
    -> OutputDestination
  {
    try requireFile(checkOptions.output)
    let output = try checkOptions.destination(json: true, inputs: inputs)
    guard output.format == .json else {
      throw ValidationError(
        "--shard writes the part's per-item values as JSON: give --output FILE.json, and the table's name to `sanity merge`"
      )
    }
    return output.destination
  }

  /// Writes a check's part at `destination` and its manifest beside it.
  func write(
    _ part: CheckPart, command: String, to destination: OutputDestination, quiet: Bool
  ) throws {
    try AtomicOutput.write(try part.json(), to: destination)
    try writeManifest(
      command, kind: .checkValues, output: destination.url?.path,
      items: part.first..<(part.first + part.count), total: part.total)
    Progress.note(
      "wrote \(destination) (items \(part.first)..<\(part.first + part.count))", quiet: quiet)
  }
}
