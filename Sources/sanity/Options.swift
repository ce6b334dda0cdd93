import ArgumentParser
import Foundation
import SanityChecker

/// Options every subcommand accepts.
struct CommonOptions: ParsableArguments {
  @Option(help: "Threads for batch work (default: all cores). Results do not depend on it.")
  var threads: Int?

  @Option(help: "Seed of every random choice.")
  var seed: UInt64 = 0

  @Flag(help: "No progress output.")
  var quiet = false

  @Flag(help: "Write results as JSON (predictions, check results) instead of TSV.")
  var json = false

  /// Applies the thread count.
  func apply() {
    if let threads { Parallel.threadCount = threads }
  }
}

/// The model to load.
struct ModelOptions: ParsableArguments {
  @Option(help: "Model: Keras .h5 (full model, or weights with --architecture) or DeepBind params .txt.")
  var model: String

  @Option(help: "Keras JSON architecture for a weights-only .h5.")
  var architecture: String?

  /// Loads the model; DeepBind models are built for the input's sequence length.
  func load(for data: InputData? = nil) throws -> Model {
    let architectureURL = architecture.map { URL(fileURLWithPath: $0) }
    if let data { return try ModelLoader.load(URL(fileURLWithPath: model), architecture: architectureURL, fitting: data) }
    return try ModelLoader.load(URL(fileURLWithPath: model), architecture: architectureURL)
  }
}

/// The inputs to read.
struct InputOptions: ParsableArguments {
  @Option(help: "Inputs: FASTA (.fa/.fasta, plain or .gz), DeepBind .seq(.gz), IDX images, or a Tiny-ImageNet folder.")
  var input: String

  @Option(help: "Use only the first N items.")
  var limit: Int?

  @Option(help: "Unequal sequence lengths: reject, pad:LENGTH (pad with N) or crop:LENGTH (centre crop).")
  var lengths: String = "reject"

  @Flag(help: "Encode N and other IUPAC codes as zeros instead of 0.25.")
  var unknownAsZero = false

  @Flag(help: "Keep image pixels in 0–255 instead of scaling to 0–1.")
  var rawPixels = false

  /// The length policy from `--lengths`.
  func lengthPolicy() throws -> LengthPolicy {
    let parts = lengths.split(separator: ":")
    switch (parts.first, parts.count == 2 ? Int(parts[1]) : nil) {
    case ("reject", _): return .reject
    case ("pad", let length?): return .padWithN(to: length)
    case ("crop", let length?): return .centreCrop(to: length)
    default: throw ValidationError("--lengths must be reject, pad:LENGTH or crop:LENGTH, not '\(lengths)'")
    }
  }

  /// Reads the inputs.
  func load() throws -> InputData {
    let encoder = OneHot(unknownBase: unknownAsZero ? .zero : .quarter, lengthPolicy: try lengthPolicy())
    let data = try InputData.load(URL(fileURLWithPath: input), oneHot: encoder, scaling: rawPixels ? .raw : .unit)
    guard data.inputs.isFinite else { throw ValidationError("\(input): the inputs contain NaN or Inf") }
    return data.prefix(limit)
  }
}
