import ArgumentParser
import Foundation
import SanityChecker

/// `sanity export summary`: one row per sequence with its place, predictions and strongest positions.
struct ExportSummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract:
      "Write a per-sequence table: id, coordinates, predictions, attribution sum and top positions.",
    discussion: """
      Columns: id, chrom, start, end, strand (BED coordinates from chr:start-end ids; empty without), target,
      prediction (the explained output), output_0… (every model output; only with --model), attribution_sum and
      top_positions (position:base:score of the --top largest |score|, 0-based positions in the sequence).
      Example: sanity export summary --model Models/deepbind-example.h5 --input Genomes/example-test.fa --method saliency --output per-sequence.tsv
      """)

  @OptionGroup var source: ExportSourceOptions

  @Option(
    help:
      "Per-position score: observed-base (attribution at the observed base) or sum (over the four bases)."
  )
  var score: String = AttributionScore.observedBase.rawValue

  @Option(parsing: .unconditional, help: "Top positions per sequence (at least 0).")
  var top: Int = 5

  @Option(help: "Table: .tsv (standard output when absent or `-`).")
  var output: String?

  @OptionGroup var shardOptions: ShardOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(0, top, "--top")
    _ = try ExportFlags.score(score)
  }

  func run() throws {
    try common.apply()
    let (destination, _) = try Outputs.destination(output, formats: [.tsv], inputs: source.files)
    try shardOptions.requireFile(output)
    let summary = SequenceSummary(score: try ExportFlags.score(score), topCount: top)
    if let shard = try shardOptions.parsed() {
      let block = try source.explainedBlock(common, shard: shard)
      if let explained = block.explained { try summary.write(explained, to: destination) }
      return try shardOptions.writeManifest(
        "export summary", kind: .table, output: output, items: block.items, total: block.total)
    }
    let explained = try source.load(common)
    try summary.write(explained, to: destination)
    Progress.note(
      "wrote \(destination.path): \(explained.count) sequences",
      quiet: common.quiet || destination == .standardOutput)
  }
}

/// Flag values the export subcommands share.
enum ExportFlags {
  /// The score named by `--score`.
  static func score(_ name: String) throws -> AttributionScore {
    guard let score = AttributionScore(rawValue: name) else {
      throw ValidationError("--score must be observed-base or sum, not '\(name)'")
    }
    return score
  }
}
