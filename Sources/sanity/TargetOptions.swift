import ArgumentParser
import SanityChecker

/// `--target`: the explained output unit(s), by index or by name, and `--target-names`.
struct TargetOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help:
      "The output unit(s): an index, a name, or a list and ranges such as 0,3,5-9 (default: the predicted one)."
  )
  var target: String?

  @OptionGroup var nameOptions: TargetNamesOptions

  /// The files this option group reads.
  var files: [String] { nameOptions.files }

  /// The units `--target` selects on `model`, carrying the units' names.
  ///
  /// The names (`--target-names`, else the model file's) are read and checked even without
  /// `--target`, so a bad names file stops the run before any output.
  /// - Parameters:
  ///   - model: The loaded model, with its explained head chosen.
  ///   - modelOptions: Where it was read from.
  /// - Returns: The selection, or `nil` without `--target`.
  /// - Throws: ``TargetNamesError`` naming the file, or ``TargetSelectionError`` naming `--target`.
  func selection(for model: Model, _ modelOptions: ModelOptions) throws -> TargetSelection? {
    let names = try nameOptions.names(of: model, modelOptions)
    return try target.map {
      try TargetSelection(parsing: $0, outputCount: model.outputShape.count, names: names)
    }
  }
}
