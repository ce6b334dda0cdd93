import Foundation
import SanityTestSupport
import Testing

/// `--shard K/N` on the standalone checks and `sanity merge` of their per-item values: on the
/// shipped example (450 of its records, chunks of 210, so three blocks hold items and with 7
/// shards four are empty) the merged table is the unsharded check's, byte for byte — rows,
/// bootstrap intervals and verdicts — for 1, 2, 3 and 7 shards.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct ShardedChecksTests {
  static let source = ["--model", CLI.model, "--input", CLI.sequences, "--limit", "450"]

  static let cases: [ShardMerge.Case] = [
    // Two seeds, a seeded method (noise numbered by record index) and two metrics.
    .init(
      name: "model", ext: "tsv",
      arguments: ["check", "model"] + source + [
        "--seeds", "2", "--methods", "saliency,smoothgrad", "--metrics", "spearman,ssim",
      ]),
    .init(
      name: "model-json-per-item", ext: "json",
      arguments: ["check", "model"] + source + [
        "--seeds", "1", "--methods", "saliency", "--per-item", "--order", "independent",
      ]),
    // Two units, and the random other class drawn by record index.
    .init(
      name: "class-targets", ext: "tsv",
      arguments: ["check", "class"] + source + ["--methods", "saliency", "--target", "0,1"]),
    .init(
      name: "invariance", ext: "tsv",
      arguments: ["check", "invariance"] + source + ["--methods", "saliency,gradient-x-input"]),
    .init(
      name: "rc", ext: "tsv", arguments: ["check", "rc"] + source + ["--methods", "saliency"]),
    .init(
      name: "simplex", ext: "tsv",
      arguments: ["check", "simplex"] + source + [
        "--methods", "saliency,gradient-x-input", "--seeds", "1",
      ]),
    .init(
      name: "labels", ext: "tsv",
      arguments: [
        "check", "labels", "--model", CLI.model, "--train", "Genomes/example-train.fa.gz",
        "--input", CLI.sequences, "--limit", "450", "--epochs", "1", "--methods", "saliency",
      ]),
  ]

  @Test(arguments: cases)
  func mergedPartsEqualTheUnshardedCheckByteForByte(_ check: ShardMerge.Case) throws {
    try ShardMerge.expectMergedPartsEqualWhole(check, partExtension: "json", minimumBytes: 200)
  }

  /// `export modisco`: the three files at the merged prefix equal the unsharded export's
  /// (the archives' stored entries, dates and CRCs included), for a seeded map and for DeepSHAP's
  /// seeded references.
  @Test(arguments: ["smoothgrad", "deepshap"])
  func mergedModiscoPartsEqualTheUnshardedExportByteForByte(_ method: String) throws {
    let folder = try TemporaryDirectory()
    let arguments = ["export", "modisco"] + Self.source + ["--method", method, "--seed", "2"]
    let files = ["ohe.npz", "attr.npz", "settings.json"]
    let whole = folder.file("whole").path
    try ShardMerge.sanity(arguments + ["--output-prefix", whole])
    let expected = try files.map { try Data(contentsOf: URL(fileURLWithPath: "\(whole).\($0)")) }
    #expect(expected[1].count > 100_000, "\(method): the unsharded export is too small to compare")
    for count in [1, 2, 3, 7] {
      let parts = (1...count).map { folder.file("part-\(count)-\($0)").path }
      for (index, part) in parts.enumerated() {
        try ShardMerge.sanity(
          arguments + ["--output-prefix", part, "--shard", "\(index + 1)/\(count)"])
      }
      let merged = folder.file("merged-\(count)").path
      try ShardMerge.sanity(["merge"] + parts + ["--output", merged])
      for (file, bytes) in zip(files, expected) {
        #expect(
          try Data(contentsOf: URL(fileURLWithPath: "\(merged).\(file)")) == bytes,
          "\(method): \(count) shards merged give another \(file)")
      }
    }
  }

  @Test func mergeRefusesMissingForeignOverlappingAndTruncatedParts() throws {
    let folder = try TemporaryDirectory()
    let arguments = ["check", "invariance"] + Self.source + ["--methods", "saliency"]
    let parts = (1...3).map { folder.file("p\($0).json") }
    for (index, part) in parts.enumerated() {
      try ShardMerge.sanity(
        arguments + ["--output", part.path, "--shard", "\(index + 1)/3"])
    }
    let otherSetting = folder.file("shift.json")
    try ShardMerge.sanity(
      arguments + ["--shift", "2", "--output", otherSetting.path, "--shard", "2/3"])
    let otherCheck = folder.file("rc.json")
    try ShardMerge.sanity(
      ["check", "rc"] + Self.source + [
        "--methods", "saliency", "--output", otherCheck.path, "--shard", "2/3",
      ])
    let truncated = folder.file("truncated.json")
    try Data(try Data(contentsOf: parts[1]).prefix(100)).write(to: truncated)
    try Data(contentsOf: URL(fileURLWithPath: parts[1].path + ".part.json")).write(
      to: URL(fileURLWithPath: truncated.path + ".part.json"))
    let missing = folder.file("missing.json")
    let merged = folder.file("merged.tsv")
    for (given, named, message) in [
      ([parts[0], missing, parts[2]], missing, "no such manifest"),
      ([parts[0], parts[2]], parts[0], "give every shard's output"),
      ([parts[0], parts[0], parts[2]], parts[0], "give every shard's output"),
      ([parts[0], otherSetting, parts[2]], otherSetting, "a setting differs"),
      ([parts[0], otherCheck, parts[2]], otherCheck, "the command differs"),
      ([parts[0], truncated, parts[2]], truncated, "truncated"),
    ] {
      let result = try ShardMerge.sanity(
        ["merge"] + given.map(\.path) + ["--output", merged.path], status: 2)
      #expect(result.error.contains(message), "\(result.error)")
      #expect(result.error.contains(named.lastPathComponent), "\(result.error)")
      #expect(!FileManager.default.fileExists(atPath: merged.path))
    }
  }

  @Test(arguments: [
    (["check", "model", "--smooth", "2", "--output", "p.json"], "--smooth runs unsharded only"),
    (["check", "model", "--efficient", "--output", "p.json"], "--efficient runs unsharded only"),
    (["check", "rc", "--averaged", "a.h5", "--output", "p.json"], "--averaged writes maps"),
    (["check", "class", "--output", "p.tsv"], "give --output FILE.json"),
    (["check", "invariance"], "--shard needs --output FILE"),
  ])
  func shardedChecksRefuseWhatCannotBeJoined(_ command: [String], message: String) throws {
    let folder = try TemporaryDirectory()
    let result = try CLI.run(
      command.map { $0.contains(".") ? folder.file($0).path : $0 } + Self.source + [
        "--shard", "1/2", "--quiet",
      ])
    #expect(result.status == 2 && result.error.contains(message), "\(result.error)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }
}
