import ArgumentParser
import Foundation
import SanityChecker

extension InputOptions {
  /// The inputs of a check grouped by sequence length, each group with `modelOptions`' model at
  /// its length, and the `--target` units.
  /// - Throws: A file's error, ``SequenceLengthError`` naming the file and `--lengths` for a
  ///   fixed-length model, or ``TargetSelectionError`` naming `--target`.
  func checkInput(_ modelOptions: ModelOptions, targets: TargetOptions) throws -> CheckInput {
    let groups = try loadGroupedByLength(cap: try modelOptions.recordCap(for: self))
    guard let first = groups.first else {
      throw ValidationError(
        "\(input): has no items (no sequences or images); give a file with at least one")
    }
    let base = try modelOptions.load(for: first.data, from: input)
    let sized = try groups.map { group in
      CheckInput.Group(
        model: try base.resized(toLength: group.length, file: input, lengths: groups.lengths),
        input: group.data.inputs, indices: group.indices)
    }
    return CheckInput(groups: sized, selection: try targets.selection(for: base, modelOptions))
  }
}
