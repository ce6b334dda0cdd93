import Foundation
import SanityTestSupport
import Testing

/// Runs of `sanity` for the `--shard K/N` and `sanity merge` tests, and their byte-for-byte
/// comparison with the unsharded run.
enum ShardMerge {
  /// A command, its output's extension, and its arguments without `--output` and `--shard`.
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let ext: String
    let arguments: [String]
    var testDescription: String { name }
  }

  /// Runs `sanity` and expects `status`.
  /// - Parameters:
  ///   - arguments: The arguments.
  ///   - environment: Variables added to the environment.
  ///   - status: The expected exit status.
  ///   - quiet: Whether `--quiet` is added.
  ///   - sourceLocation: Where a failed expectation is reported.
  /// - Returns: The run's status and output.
  /// - Throws: When the binary cannot be run.
  @discardableResult
  static func sanity(
    _ arguments: [String], environment: [String: String] = [:], status: Int32 = 0,
    quiet: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> CLI.Result {
    let result = try CLI.run(arguments + (quiet ? ["--quiet"] : []), environment: environment)
    #expect(
      result.status == status, "sanity \(arguments.joined(separator: " ")): \(result.error)",
      sourceLocation: sourceLocation)
    return result
  }

  /// Expects the parts of `command` merged to be its whole output, byte for byte.
  ///
  /// Runs `command` whole, then in 1, 2, 3 and 7 shards with a manifest beside each part, and
  /// merges each split. With 3 shards, a part in the whole output's format must hold less than
  /// the whole.
  /// - Parameters:
  ///   - command: The command.
  ///   - partExtension: The parts' extension (`json` for a check's per-item values).
  ///   - minimumBytes: The least size of a whole output worth comparing.
  ///   - sourceLocation: Where a failed expectation is reported.
  /// - Throws: When the binary cannot be run or an output cannot be read.
  static func expectMergedPartsEqualWhole(
    _ command: Case, partExtension: String, minimumBytes: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let folder = try TemporaryDirectory()
    let whole = folder.file("whole.\(command.ext)")
    try sanity(command.arguments + ["--output", whole.path], sourceLocation: sourceLocation)
    let expected = try Data(contentsOf: whole)
    #expect(
      expected.count > minimumBytes,
      "\(command.name): the unsharded output is too small to compare",
      sourceLocation: sourceLocation)
    for count in [1, 2, 3, 7] {
      let parts = (1...count).map { folder.file("part-\(count)-\($0).\(partExtension)") }
      for (index, part) in parts.enumerated() {
        try sanity(
          command.arguments + ["--output", part.path, "--shard", "\(index + 1)/\(count)"],
          sourceLocation: sourceLocation)
        #expect(
          FileManager.default.fileExists(atPath: part.path + ".part.json"),
          "\(command.name) \(index + 1)/\(count) wrote no manifest",
          sourceLocation: sourceLocation)
      }
      if count == 3, partExtension == command.ext {
        let second = try Data(contentsOf: parts[1])
        #expect(
          second != expected, "\(command.name): shard 2/3 holds the whole output",
          sourceLocation: sourceLocation)
      }
      let merged = folder.file("merged-\(count).\(command.ext)")
      try sanity(
        ["merge"] + parts.map(\.path) + ["--output", merged.path], sourceLocation: sourceLocation)
      #expect(
        try Data(contentsOf: merged) == expected,
        "\(command.name): \(count) shards merged differ from the unsharded output",
        sourceLocation: sourceLocation)
    }
  }
}
