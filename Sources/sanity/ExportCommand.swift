import ArgumentParser
import Foundation
import SanityChecker

/// `sanity export`: attribution maps turned into what genomics tools read.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Export attributions for genomics tools: browser tracks, TF-MoDISco input, per-sequence tables.",
    discussion: """
      Every export reads the sequences (--input) and either computes their maps (--model M --method NAME
      [--target T]) or reads the maps `sanity explain` wrote (--attributions a.h5).
      """,
    subcommands: [
      ExportTrackCommand.self, ExportModiscoCommand.self, ExportSummaryCommand.self,
      ExportSeqletsCommand.self,
      ExportMotifsCommand.self,
    ])
}

/// The sequences and their maps, as every `sanity export` subcommand takes them: the CLI side of
/// `AttributionSource`.
struct ExportSourceOptions: ParsableArguments {
  @Option(
    help: "Sequences: FASTA (.fa/.fasta, plain or .gz) or DeepBind .seq(.gz), all of one length.")
  var input: String

  @Option(
    parsing: .unconditional,
    help: "Use only the first N sequences (at least 1); also cuts --attributions.")
  var limit: Int?

  @Flag(help: "Encode N and other IUPAC codes as zeros instead of 0.25.")
  var unknownAsZero = false

  @Option(help: "Model to explain (with --method): Keras .h5 or DeepBind params .txt.")
  var model: String?

  @Option(help: "Keras JSON architecture for a weights-only .h5.")
  var architecture: String?

  @Option(help: "The method (with --model): \(MethodOptions.names.joined(separator: ", ")).")
  var method: String?

  @Option(
    parsing: .unconditional,
    help: "The output unit to explain (with --model; default: the predicted one).")
  var target: Int?

  @Option(
    help:
      "Maps written by `sanity explain` (.h5) for the same --input, instead of --model and --method."
  )
  var attributions: String?

  @OptionGroup var methodOptions: MethodOptions

  func validate() throws {
    try FlagCheck.atLeast(1, limit, "--limit")
    switch (model, method, attributions) {
    case (_?, _?, nil): break
    case (nil, nil, _?):
      guard target == nil else {
        throw ValidationError("--target needs --model; the attribution file records its targets")
      }
    case (_, _, _?):
      throw ValidationError("give either --attributions or --model with --method, not both")
    case (nil, _, nil): throw ValidationError("give --model with --method, or --attributions")
    case (_?, nil, nil): throw ValidationError("--model needs --method")
    }
  }

  /// Every file the run reads (outputs must be none of them).
  var files: [String] {
    [input] + [model, architecture, attributions].compactMap { $0 }
  }

  /// Reads the sequences and computes or reads their maps.
  func load(_ common: CommonOptions) throws -> ExplainedSequences {
    try explained(loadSequences(), common)
  }

  /// Reads the sequences (at most `--limit`); a file with none is an error.
  func loadSequences() throws -> InputData {
    let encoder = OneHot(unknownBase: unknownAsZero ? .zero : .quarter)
    let data = try InputCheck.nonEmpty(
      InputData.load(URL(fileURLWithPath: input), oneHot: encoder).prefix(limit), file: input)
    guard data.inputs.isFinite else {
      throw ValidationError("\(input): the inputs contain NaN or Inf")
    }
    return data
  }

  /// Computes or reads the maps of sequences from ``loadSequences()``.
  func explained(_ data: InputData, _ common: CommonOptions) throws -> ExplainedSequences {
    let source: AttributionSource
    if let attributions {
      source = .file(URL(fileURLWithPath: attributions))
    } else if let model, let method {
      let architectureURL = architecture.map { URL(fileURLWithPath: $0) }
      let loaded = try ReadWatchdog.reading(model) {
        try ModelLoader.load(
          URL(fileURLWithPath: model), architecture: architectureURL, fitting: data, from: input)
      }
      if let target { try FlagCheck.unit(target, "--target", outputs: loaded.outputShape.count) }
      let explainer = try methodOptions.explainer(method, seed: common.seed)
      source = .computed(
        .init(model: loaded, modelFile: model, explainer: explainer, target: target))
    } else {
      throw ValidationError("give --model with --method, or --attributions")
    }
    let progress = Progress(
      method ?? "attributions", total: data.ids.count, quiet: common.quiet || attributions != nil)
    return try source.explained(data, inputFile: input, itemLimit: limit) { progress.update($0) }
  }
}
