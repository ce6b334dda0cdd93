import ArgumentParser
import SanityChecker

/// `--target`: the explained output unit(s).
struct TargetOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help:
      "The output unit(s): an index, or a list and ranges such as 0,3,5-9 (default: the predicted one)."
  )
  var target: String?

  /// The units `--target` selects on `model`, or `nil` without the flag.
  /// - Throws: ``TargetSelectionError`` naming `--target`.
  func selection(for model: Model) throws -> TargetSelection? {
    try target.map { try TargetSelection(parsing: $0, outputCount: model.outputShape.count) }
  }
}
