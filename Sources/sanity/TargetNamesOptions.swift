import ArgumentParser
import Foundation
import SanityChecker

/// `--target-names`: names for the explained head's units, overriding the model file's.
struct TargetNamesOptions: ParsableArguments {
  @Option(
    help:
      "A text file of output unit names, one per line, for --target NAME and the outputs (default: the model file's target_names)."
  )
  var targetNames: String?

  /// The files this option group reads.
  var files: [String] { targetNames.map { [$0] } ?? [] }

  /// Each head's unit names: `--target-names` for the explained head, the model file's
  /// `target_names` for the others (none for the profile scalar, a unit of its own).
  /// - Parameters:
  ///   - model: The loaded model, with its explained head chosen.
  ///   - modelOptions: Where it was read from.
  /// - Returns: One list per head, empty where there are no names.
  /// - Throws: ``TargetNamesError`` naming the file and the key or the flag.
  func headNames(of model: Model, _ modelOptions: ModelOptions) throws -> [[String]] {
    var names = [[String]](repeating: [], count: model.outputNodes.count)
    let isOverridden = targetNames != nil
    if !modelOptions.profileScalar, !(isOverridden && model.outputNodes.count == 1) {
      names = try ReadWatchdog.reading(modelOptions.model) {
        try TargetNames.read(modelFile: URL(fileURLWithPath: modelOptions.model), for: model)
      }
    }
    if let targetNames {
      names[model.outputHead] = try TargetNames.read(
        listFile: URL(fileURLWithPath: targetNames), units: model.outputShape.count,
        head: model.outputHeadNames[model.outputHead])
    }
    return names
  }

  /// The explained head's unit names, or empty when it has none.
  /// - Parameters:
  ///   - model: The loaded model, with its explained head chosen.
  ///   - modelOptions: Where it was read from.
  /// - Returns: `names[i]` names unit `i`.
  /// - Throws: ``TargetNamesError``.
  func names(of model: Model, _ modelOptions: ModelOptions) throws -> [String] {
    try headNames(of: model, modelOptions)[model.outputHead]
  }
}
