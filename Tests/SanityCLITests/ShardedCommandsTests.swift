import Foundation
import SanityTestSupport
import Testing

/// `--shard K/N` on the per-sequence commands and `sanity merge` of their outputs: on the
/// shipped example (500 records, chunks of 210), the merged file is the unsharded command's,
/// byte for byte, for 1, 2, 3 and 7 shards (with 7, four shards are empty).
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct ShardedCommandsTests {
  static let source = ["--model", CLI.model, "--input", CLI.sequences]

  static let cases: [ShardMerge.Case] = [
    .init(name: "predict", ext: "tsv", arguments: ["predict"] + source),
    .init(name: "predict-json", ext: "json", arguments: ["predict"] + source),
    // Seeded (per-item noise numbered by record index) and path-batched methods.
    .init(
      name: "explain-smoothgrad", ext: "h5",
      arguments: ["explain"] + source + ["--method", "smoothgrad", "--seed", "3"]),
    .init(
      name: "explain-ig", ext: "h5",
      arguments: ["explain"] + source + ["--method", "integrated-gradients"]),
    .init(name: "ism", ext: "h5", arguments: ["ism"] + source),
    .init(
      name: "export-track", ext: "bedGraph",
      arguments: ["export", "track"] + source + ["--method", "saliency", "--target", "0"]),
  ]

  @Test(arguments: cases)
  func mergedShardsEqualTheUnshardedOutputByteForByte(_ command: ShardMerge.Case) throws {
    try ShardMerge.expectMergedPartsEqualWhole(
      command, partExtension: command.ext, minimumBytes: 1000)
  }

  @Test func mergeRefusesGapsOrderAndOtherRunsWithoutWritingOutput() throws {
    let folder = try TemporaryDirectory()
    let arguments = ["predict"] + Self.source
    let parts = (1...3).map { folder.file("p\($0).tsv") }
    for (index, part) in parts.enumerated() {
      try ShardMerge.sanity(arguments + ["--output", part.path, "--shard", "\(index + 1)/3"])
    }
    let other = folder.file("other.tsv")
    try ShardMerge.sanity(arguments + ["--limit", "400", "--output", other.path, "--shard", "3/3"])
    let merged = folder.file("merged.tsv")
    for (given, message) in [
      ([parts[0], parts[2]], "give every shard's output"),
      ([parts[1], parts[0], parts[2]], "give every shard's output"),
      ([parts[0], parts[1], other], "belongs to another run"),
    ] {
      let result = try ShardMerge.sanity(
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
      try ShardMerge.sanity(arguments + ["--output", part.path, "--shard", "\(index + 1)/3"])
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
