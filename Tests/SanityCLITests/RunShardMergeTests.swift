import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// `sanity run --shard K/N` and `sanity merge` on the shipped example: the merged files are the
/// unsharded run's, byte for byte, and an interrupted run resumed gives the same files.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct RunShardMergeTests {
  static let config = "workflow/example-run.yaml"
  static let files = [
    "results.tsv", "results.json", "report.html", "motifs.tsv", "attributions/saliency.h5",
    "attributions/smoothgrad.h5",
  ]

  /// Expects two run folders to hold the same bytes.
  static func expectSameFiles(_ a: URL, _ b: URL, _ label: String) throws {
    for name in files {
      let left = try Data(contentsOf: a.appendingPathComponent(name))
      let right = try Data(contentsOf: b.appendingPathComponent(name))
      #expect(left == right, "\(label): \(name) differs from the unsharded run's")
    }
  }

  @Test func mergedShardsEqualTheUnshardedRunByteForByte() throws {
    let folder = try TemporaryDirectory()
    let whole = folder.file("whole")
    try ShardMerge.sanity(["run", "--config", Self.config, "--output", whole.path])
    let rows = try String(contentsOf: whole.appendingPathComponent("results.tsv"), encoding: .utf8)
    #expect(
      rows.contains("model-randomization") && rows.contains("label-randomization")
        && rows.contains("motif-recovery") && rows.contains("\nmotifs\t"))
    // The reverse-complement check (a seeded method and the floor) and the off-simplex
    // diagnostic with its corrected model randomization are carried through parts too.
    #expect(
      rows.contains("reverse-complement\t-\tsmoothgrad\treverse-complement\tall\tspearman")
        && rows.contains("off-simplex\t-\tsaliency\toriginal\t-\tangle-mean")
        && rows.contains("\tsaliency (simplex-corrected)\t"))
    let page = try String(
      contentsOf: whole.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(
      page.contains("<section id=\"reverse-complement-section\">")
        && page.contains("<section id=\"off-simplex-section\">")
        && page.contains("Gradient correction of this run's maps: not applied"))
    #expect(page.contains("<section id=\"motif-section\">"), "the report shows the motifs")
    // The motif check's label-permuted stage, its random control and the floors go through parts.
    let motifRows = try String(
      contentsOf: whole.appendingPathComponent("motifs.tsv"), encoding: .utf8)
    #expect(
      motifRows.contains("motifs\t-\tsaliency\tpermuted-labels\t-\tseqlets\t")
        && motifRows.contains("motifs\t-\trandom\tpermuted-labels\t-\tmatches-retained\t")
        && motifRows.contains("motifs\tcascading\tsmoothgrad\tfloor\tall\tmatches-retained\t"))
    for count in [1, 2, 3, 7] {
      let parts = (1...count).map { folder.file("parts-\(count)/\($0)") }
      for (index, part) in parts.enumerated() {
        try ShardMerge.sanity([
          "run", "--config", Self.config, "--shard", "\(index + 1)/\(count)", "--output", part.path,
        ])
        #expect(
          FileManager.default.fileExists(atPath: part.appendingPathComponent("part.json").path))
      }
      let merged = folder.file("merged-\(count)")
      try ShardMerge.sanity(["merge"] + parts.map(\.path) + ["--output", merged.path])
      try Self.expectSameFiles(whole, merged, "\(count) shards")
    }
  }

  /// With `methodSettings.correctGradient: true` every method's maps are corrected (the exported
  /// ones too), the results and the report say so, and the off-simplex diagnostic still reads the
  /// uncorrected gradients; two shards merge to the unsharded run's bytes.
  @Test func correctedRunStatesTheCorrectionAndMergesByteForByte() throws {
    let folder = try TemporaryDirectory()
    let yaml = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent(Self.config), encoding: .utf8
    )
    .replacingOccurrences(
      of: "  probability: false\n", with: "  probability: false\n  correctGradient: true\n")
    #expect(yaml.contains("correctGradient: true"))
    let config = try folder.write(Array(yaml.utf8), to: "corrected.yaml")
    let whole = folder.file("whole")
    try ShardMerge.sanity(["run", "--config", config.path, "--output", whole.path])
    let parts = (1...2).map { folder.file("parts/\($0)") }
    for (index, part) in parts.enumerated() {
      try ShardMerge.sanity([
        "run", "--config", config.path, "--shard", "\(index + 1)/2", "--output", part.path,
      ])
    }
    let merged = folder.file("merged")
    try ShardMerge.sanity(["merge"] + parts.map(\.path) + ["--output", merged.path])
    try Self.expectSameFiles(whole, merged, "corrected, 2 shards")
    let report = try CheckReport.decoded(
      from: Data(contentsOf: whole.appendingPathComponent("results.json")))
    #expect(report.settings["gradient-correction"] == "applied (simplex-corrected)")
    let angle = try #require(
      report.rows.first {
        $0.check == .offSimplex && $0.method == "saliency" && $0.metric == "angle-mean"
      })
    #expect(angle.mean > 1, "the diagnostic reads uncorrected gradients: \(angle.fields)")
    let maps = try HDF5File(reading: whole.appendingPathComponent("attributions/saliency.h5"))
    #expect(
      try maps.readStringAttribute("gradient_correction", of: "/") == "applied (simplex-corrected)")
    let values = try maps.readTensor("attributions").scalars
    let largest =
      stride(from: 0, to: values.count, by: 4).map {
        abs(values[$0..<($0 + 4)].reduce(0, +))
      }.max() ?? .nan
    #expect(largest < 1e-5, "every exported position sums to 0")
    let page = try String(
      contentsOf: whole.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(page.contains("Gradient correction of this run's maps: applied (simplex-corrected)"))
  }

  @Test func interruptedRunResumesToTheSameFiles() throws {
    let folder = try TemporaryDirectory()
    let parts = (1...3).map { folder.file("parts/\($0)") }
    func runShards(environment: [String: String] = [:], statuses: [Int32]) throws -> [CLI.Result] {
      try parts.enumerated().map { index, part in
        try ShardMerge.sanity(
          ["run", "--config", Self.config, "--shard", "\(index + 1)/3", "--output", part.path],
          environment: environment,
          status: statuses[index], quiet: false)
      }
    }
    // Killed past item 250: shard 1 (items 1–210) finishes, shards 2 and 3 die before their parts exist.
    _ = try runShards(environment: ["SANITY_TEST_KILL_AFTER_ITEMS": "250"], statuses: [0, 3, 3])
    #expect(
      FileManager.default.fileExists(atPath: parts[0].appendingPathComponent("part.json").path))
    #expect(!FileManager.default.fileExists(atPath: parts[1].path), "a killed shard leaves no part")
    let resumed = try runShards(statuses: [0, 0, 0])
    #expect(
      resumed[0].error.contains("is up to date"), "the finished shard is kept: \(resumed[0].error)")
    #expect(!resumed[1].error.contains("is up to date"))
    let merged = folder.file("merged")
    try ShardMerge.sanity(["merge"] + parts.map(\.path) + ["--output", merged.path])
    let whole = folder.file("whole")
    try ShardMerge.sanity(["run", "--config", Self.config, "--output", whole.path])
    try Self.expectSameFiles(whole, merged, "resumed")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.file("parts").path)
      .filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "no temporary folders are left: \(leftovers)")
  }

  @Test func truncatedOrOutdatedPartsAreRedoneAndForceRedoesAll() throws {
    let folder = try TemporaryDirectory()
    let yaml = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent(Self.config), encoding: .utf8
    )
    .replacingOccurrences(of: "limit: 450", with: "limit: 20")
    let config = try folder.write(Array(yaml.utf8), to: "run.yaml")
    let part = folder.file("part")
    let arguments = ["run", "--config", config.path, "--shard", "1/1", "--output", part.path]
    try ShardMerge.sanity(arguments)
    #expect(try ShardMerge.sanity(arguments, quiet: false).error.contains("is up to date"))
    #expect(
      !(try ShardMerge.sanity(arguments + ["--force"], quiet: false).error.contains("is up to date"))
    )
    let manifest = part.appendingPathComponent("part.json")
    let bytes = try Data(contentsOf: manifest)
    try bytes.prefix(bytes.count / 2).write(to: manifest)
    #expect(
      !(try ShardMerge.sanity(arguments, quiet: false).error.contains("is up to date")),
      "a truncated part is redone")
    #expect(try Data(contentsOf: manifest) == bytes)
    let changed = try folder.write(
      Array(yaml.replacingOccurrences(of: "seeds: [0, 1]", with: "seeds: [0, 2]").utf8),
      to: "run.yaml")
    let rerun = try ShardMerge.sanity(
      ["run", "--config", changed.path, "--shard", "1/1", "--output", part.path], quiet: false)
    #expect(!rerun.error.contains("is up to date"), "a part of other settings is redone")
  }

  @Test func partsOfDifferentRunsOrWithGapsAreRefused() throws {
    let folder = try TemporaryDirectory()
    let yaml = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent(Self.config), encoding: .utf8
    )
    .replacingOccurrences(of: "limit: 450", with: "limit: 20")
    let a = try folder.write(Array(yaml.utf8), to: "a.yaml")
    let b = try folder.write(
      Array(yaml.replacingOccurrences(of: "seed: 0", with: "seed: 3").utf8), to: "b.yaml")
    try ShardMerge.sanity([
      "run", "--config", a.path, "--shard", "1/2", "--output", folder.file("a1").path,
    ])
    try ShardMerge.sanity([
      "run", "--config", a.path, "--shard", "2/2", "--output", folder.file("a2").path,
    ])
    try ShardMerge.sanity([
      "run", "--config", b.path, "--shard", "2/2", "--output", folder.file("b2").path,
    ])
    let mixed = try ShardMerge.sanity(
      ["merge", folder.file("a1").path, folder.file("b2").path, "--output", folder.file("m").path],
      status: 2)
    #expect(
      mixed.error.contains("b2: the part belongs to another run")
        && mixed.error.contains("configuration"))
    // 20 items are one chunk: shard 1/2 is empty and 2/2 holds every item.
    let twice = try ShardMerge.sanity(
      [
        "merge", folder.file("a2").path, folder.file("a1").path, folder.file("a2").path, "--output",
        folder.file("m").path,
      ], status: 2)
    #expect(
      twice.error.contains("a1: the part starts at item 0, but the previous parts end at item 20"),
      "\(twice.error)")
    let missing = try ShardMerge.sanity(
      ["merge", folder.file("a1").path, "--output", folder.file("m").path], status: 2)
    #expect(missing.error.contains("the parts end at item 0 of 20"), "\(missing.error)")
    #expect(
      !FileManager.default.fileExists(atPath: folder.file("m").path),
      "a refused merge leaves no output")
  }

  @Test func configurationMistakesExitTwoNamingLineAndKeyAndLeaveNoOutput() throws {
    let folder = try TemporaryDirectory()
    let yaml = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent(Self.config), encoding: .utf8)
    for (old, new, expected) in [
      ("    epochs: 1", "    epoch: 1", "unknown key 'checks.labelRandomization.epoch'"),
      ("seeds: [0, 1]", "seeds: [0, one]", "key 'seeds[1]' is 'one'"),
      ("otherUnit: 1", "otherUnit: -1", "key 'checks.classSensitivity.otherUnit' is '-1'"),
    ] {
      let text = yaml.replacingOccurrences(of: old, with: new)
      let line =
        (text.components(separatedBy: "\n").firstIndex {
          $0.contains(new.trimmingCharacters(in: .whitespaces))
        } ?? 0) + 1
      let config = try folder.write(Array(text.utf8), to: "bad.yaml")
      let result = try ShardMerge.sanity(
        ["run", "--config", config.path, "--output", folder.file("out").path], status: 2)
      #expect(
        result.error.contains("\(config.path):\(line): ") && result.error.contains(expected),
        "\(result.error)")
      #expect(!FileManager.default.fileExists(atPath: folder.file("out").path))
    }
    let shard = try ShardMerge.sanity(
      ["run", "--config", Self.config, "--shard", "4/3", "--output", folder.file("out").path],
      status: 2)
    #expect(shard.error.contains("--shard must be K/N"))
  }
}
