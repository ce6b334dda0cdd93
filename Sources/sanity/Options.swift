import ArgumentParser
import Foundation
import SanityChecker

/// Options every subcommand accepts.
struct CommonOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: "Threads for batch work (default: all cores; at least 1). Results do not depend on it.")
  var threads: Int?

  @Option(help: "Seed of every random choice.")
  var seed: UInt64 = 0

  @Flag(help: "No progress output.")
  var quiet = false

  @Flag(help: "Write results as JSON (predictions, check results) instead of TSV.")
  var json = false

  @OptionGroup var memoryOptions: MemoryOptions

  func validate() throws {
    try FlagCheck.atLeast(1, threads, "--threads")
  }

  /// Applies the thread count and the memory budget.
  func apply() throws {
    if let threads { Parallel.threadCount = threads }
    try memoryOptions.apply()
  }
}

/// The model to load.
struct ModelOptions: ParsableArguments {
  @Option(
    help:
      "Model: Keras .h5 (full model, or weights with --architecture), ONNX .onnx, or DeepBind params .txt."
  )
  var model: String

  @Option(help: "Keras JSON architecture for a weights-only .h5.")
  var architecture: String?

  @Option(
    help:
      "For a model with several outputs: the head targets refer to, by name or 0-based index (default: the first)."
  )
  var outputHead: String?

  @Flag(
    help:
      "Explain the chosen head through the BPNet profile scalar (its logits weighted by their detached softmax; target 0)."
  )
  var profileScalar = false

  /// The files this option group reads.
  var files: [String] { [model] + (architecture.map { [$0] } ?? []) }

  /// Loads the model; DeepBind models are built for the input's sequence length, and inputs
  /// that do not fit the model are an error naming `inputFile`.
  func load(for data: InputData? = nil, from inputFile: String? = nil) throws -> Model {
    let architectureURL = architecture.map { URL(fileURLWithPath: $0) }
    let loaded = try ReadWatchdog.reading(model) {
      if let data {
        return try ModelLoader.load(
          URL(fileURLWithPath: model), architecture: architectureURL, fitting: data, from: inputFile
        )
      }
      return try ModelLoader.load(URL(fileURLWithPath: model), architecture: architectureURL)
    }
    return try explainedHead(of: loaded)
  }

  /// The model with `--output-head` chosen and, with `--profile-scalar`, explained through the
  /// profile scalar.
  func explainedHead(of model: Model) throws -> Model {
    var chosen = model
    if let outputHead {
      do {
        chosen = try model.selectingOutputHead(outputHead)
      } catch {
        throw ValidationError("--output-head \(outputHead): \(self.model): \(error)")
      }
    }
    return profileScalar ? chosen.explainingProfileScalar() : chosen
  }

  /// The longest FASTA record worth reading for this model and `--lengths`, from the model's
  /// architecture alone (read before the inputs); `nil` keeps the budget-derived cap.
  func recordCap(for inputs: InputOptions) throws -> Int? {
    let length = try ReadWatchdog.reading(model) {
      try ModelLoader.fixedSequenceLength(
        URL(fileURLWithPath: model), architecture: architecture.map { URL(fileURLWithPath: $0) })
    }
    return try inputs.lengthPolicy().recordCap(modelLength: length)
  }
}

/// The inputs to read.
struct InputOptions: ParsableArguments {
  @Option(
    help:
      "Inputs: FASTA (.fa/.fasta, plain or .gz), DeepBind .seq(.gz), IDX images, or a Tiny-ImageNet folder."
  )
  var input: String

  @Option(parsing: .unconditional, help: "Use only the first N items (at least 1).")
  var limit: Int?

  @Option(
    help:
      "Unequal sequence lengths: reject, pad:LENGTH (pad with N) or crop:LENGTH (centre crop); LENGTH ≥ 1."
  )
  var lengths: String = "reject"

  @Flag(help: "Encode N and other IUPAC codes as zeros instead of 0.25.")
  var unknownAsZero = false

  @Flag(help: "Keep image pixels in 0–255 instead of scaling to 0–1.")
  var rawPixels = false

  func validate() throws {
    try FlagCheck.atLeast(1, limit, "--limit")
    _ = try lengthPolicy()
  }

  /// The length policy from `--lengths`.
  func lengthPolicy() throws -> LengthPolicy {
    let parts = lengths.split(separator: ":", omittingEmptySubsequences: false)
    let length = parts.count == 2 ? Int(parts[1]) : nil
    if let length, length < 1, parts[0] == "pad" || parts[0] == "crop" {
      throw ValidationError("--lengths \(lengths): LENGTH must be at least 1")
    }
    switch (parts.first, length) {
    case ("reject", _) where parts.count == 1: return .reject
    case ("pad", let length?): return .padWithN(to: length)
    case ("crop", let length?): return .centreCrop(to: length)
    default:
      throw ValidationError("--lengths must be reject, pad:LENGTH or crop:LENGTH, not '\(lengths)'")
    }
  }

  /// Reads the inputs, no FASTA record longer than `cap` (``ModelOptions/recordCap(for:)``);
  /// a file with no items is an error, not an empty result.
  func load(cap: Int? = nil) throws -> InputData {
    let encoder = OneHot(
      unknownBase: unknownAsZero ? .zero : .quarter, lengthPolicy: try lengthPolicy())
    let data = try InputData.load(
      URL(fileURLWithPath: input), oneHot: encoder, scaling: rawPixels ? .raw : .unit,
      maximumRecordLength: cap)
    guard data.inputs.isFinite else {
      throw ValidationError("\(input): the inputs contain NaN or Inf")
    }
    return try InputCheck.nonEmpty(data.prefix(limit), file: input)
  }

  /// Reads the inputs grouped by sequence length (one group with `--lengths pad:N|crop:N`, and
  /// for images), no FASTA record longer than `cap`; a file with no items is an error.
  func loadGroupedByLength(cap: Int? = nil) throws -> [LengthGroup] {
    let encoder = OneHot(
      unknownBase: unknownAsZero ? .zero : .quarter, lengthPolicy: try lengthPolicy())
    let groups = try InputData.loadGroupedByLength(
      URL(fileURLWithPath: input), oneHot: encoder, scaling: rawPixels ? .raw : .unit, limit: limit,
      maximumRecordLength: cap)
    guard groups.allSatisfy({ $0.data.inputs.isFinite }) else {
      throw ValidationError("\(input): the inputs contain NaN or Inf")
    }
    guard let first = groups.first else { return [] }
    _ = try InputCheck.nonEmpty(first.data, file: input)
    return groups
  }
}

/// Checks of loaded data that the flags cannot express.
enum InputCheck {
  /// The data, unless it has no items.
  static func nonEmpty(_ data: InputData, file: String) throws -> InputData {
    guard !data.ids.isEmpty else {
      throw ValidationError(
        "\(file): has no items (no sequences or images); give a file with at least one")
    }
    return data
  }
}
