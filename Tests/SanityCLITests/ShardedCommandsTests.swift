import Foundation
import SanityTestSupport
import Testing

/// `--shard K/N` on the per-sequence commands and `sanity merge` of their outputs: on the
/// shipped example (500 records, chunks of 210), the merged file is the unsharded command's,
/// byte for byte, for 1, 2, 3 and 7 shards (with 7, four shards are empty).
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct ShardedCommandsTests {
  /// A command, its output's extension, and its arguments without --output and --shard.
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let ext: String
    let arguments: [String]
    var testDescription: String { name }
  }

  static let source = ["--model", CLI.model, "--input", CLI.sequences]

  static let cases: [Case] = [
    Case(name: "predict", ext: "tsv", arguments: ["predict"] + source),
    Case(name: "predict-json", ext: "json", arguments: ["predict"] + source),
    // Seeded (per-item noise numbered by record index) and path-batched methods.
    Case(
      name: "explain-smoothgrad", ext: "h5",
      arguments: ["explain"] + source + ["--method", "smoothgrad", "--seed", "3"]),
    Case(
      name: "explain-ig", ext: "h5",
      arguments: ["explain"] + source + ["--method", "integrated-gradients"]),
    Case(name: "ism", ext: "h5", arguments: ["ism"] + source),
    Case(
      name: "export-track", ext: "bedGraph",
      arguments: ["export", "track"] + source + ["--method", "saliency", "--target", "0"]),
  ]

  /// Runs `sanity` and expects `status`.
  @discardableResult
  static func sanity(_ arguments: [String], status: Int32 = 0) throws -> CLI.Result {
    let result = try CLI.run(arguments + ["--quiet"])
    #expect(result.status == status, "sanity \(arguments.joined(separator: " ")): \(result.error)")
    return result
  }

  @Test(arguments: cases)
  func mergedShardsEqualTheUnshardedOutputByteForByte(_ command: Case) throws {
    let folder = try TemporaryDirectory()
    let whole = folder.file("whole.\(command.ext)")
    try Self.sanity(command.arguments + ["--output", whole.path])
    let expected = try Data(contentsOf: whole)
    #expect(expected.count > 1000, "\(command.name): the unsharded output is too small to compare")
    for count in [1, 2, 3, 7] {
      let parts = (1...count).map { folder.file("part-\(count)-\($0).\(command.ext)") }
      for (index, part) in parts.enumerated() {
        try Self.sanity(
          command.arguments + ["--output", part.path, "--shard", "\(index + 1)/\(count)"])
        #expect(
          FileManager.default.fileExists(atPath: part.path + ".part.json"),
          "\(command.name) \(index + 1)/\(count) wrote no manifest")
      }
      if count == 3 {
        let second = try Data(contentsOf: parts[1])
        #expect(second != expected, "\(command.name): shard 2/3 holds the whole output")
      }
      let merged = folder.file("merged-\(count).\(command.ext)")
      try Self.sanity(["merge"] + parts.map(\.path) + ["--output", merged.path])
      #expect(
        try Data(contentsOf: merged) == expected,
        "\(command.name): \(count) shards merged differ from the unsharded output")
    }
  }

  @Test func mergeRefusesGapsOrderAndOtherRunsWithoutWritingOutput() throws {
    let folder = try TemporaryDirectory()
    let arguments = ["predict"] + Self.source
    let parts = (1...3).map { folder.file("p\($0).tsv") }
    for (index, part) in parts.enumerated() {
      try Self.sanity(arguments + ["--output", part.path, "--shard", "\(index + 1)/3"])
    }
    let other = folder.file("other.tsv")
    try Self.sanity(arguments + ["--limit", "400", "--output", other.path, "--shard", "3/3"])
    let merged = folder.file("merged.tsv")
    for (given, message) in [
      ([parts[0], parts[2]], "give every shard's output"),
      ([parts[1], parts[0], parts[2]], "give every shard's output"),
      ([parts[0], parts[1], other], "belongs to another run"),
    ] {
      let result = try Self.sanity(
        ["merge"] + given.map(\.path) + ["--output", merged.path], status: 2)
      #expect(result.error.contains(message), "\(result.error)")
      #expect(!FileManager.default.fileExists(atPath: merged.path))
    }
  }

  @Test func tracksWhoseShardsExplainDifferentTargetsAreRefused() throws {
    let folder = try TemporaryDirectory()
    let arguments = ["export", "track"] + Self.source + ["--method", "saliency"]
    let parts = (1...3).map { folder.file("t\($0).bedGraph") }
    for (index, part) in parts.enumerated() {
      try Self.sanity(arguments + ["--output", part.path, "--shard", "\(index + 1)/3"])
    }
    let headers = try parts.map {
      try String(contentsOf: $0, encoding: .utf8).prefix { $0 != "\n" }
    }
    let merged = folder.file("merged.bedGraph")
    let result = try CLI.run(["merge"] + parts.map(\.path) + ["--output", merged.path])
    if Set(headers).count > 1 {
      #expect(result.status == 2 && result.error.contains("give --target"), "\(result.error)")
      #expect(!FileManager.default.fileExists(atPath: merged.path))
    } else {
      #expect(result.status == 0, "\(result.error)")
    }
  }

  @Test(arguments: [
    ["check", "motifs", "--database", "Genomes/motifs.meme"],
    ["export", "seqlets", "--method", "saliency", "--output", "s.bed"],
    ["export", "summary", "--method", "saliency", "--output", "s.tsv"],
    [
      "export", "motifs", "--method", "saliency", "--database", "Genomes/motifs.meme", "--output",
      "m.meme", "--matches", "m.tsv",
    ],
  ])
  func commandsThatSummarizeAllItemsRefuseShard(_ command: [String]) throws {
    let result = try CLI.run(command + Self.source + ["--shard", "1/2", "--quiet"])
    #expect(result.status != 0)
    #expect(
      result.error.contains("--shard: this command's output summarizes all items"),
      "\(result.error)")
  }

  @Test func shardNeedsAnOutputFile() throws {
    let result = try CLI.run(["predict"] + Self.source + ["--shard", "1/2"])
    #expect(result.status == 2 && result.error.contains("--shard needs --output FILE"))
  }
}
