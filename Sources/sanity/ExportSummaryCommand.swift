import ArgumentParser
import Foundation
import SanityChecker

/// `sanity export summary`: one row per sequence with its place, predictions and strongest positions.
struct ExportSummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract:
      "Write a per-sequence table: id, coordinates, predictions, attribution sum, top positions and seqlets.",
    discussion: """
      Columns: id, chrom, start, end, strand (BED coordinates from chr:start-end ids; empty without), target,
      prediction (the explained output), output_0… (every model output; only with --model), attribution_sum,
      top_positions (position:base:score of the --top largest |score|, 0-based positions in the sequence), n_seqlets
      and seqlets (start-end:sign:score, recursive rule as in `export seqlets`). With --database the seqlets are
      clustered into motifs and matched (as in `export motifs`): best_motif, match_id, match_name and match_q give,
      of the motifs holding one of the sequence's seqlets, the one with the smallest q.
      Example: sanity export summary --model Models/deepbind-example.h5 --input Genomes/example-test.fa --method saliency --database Genomes/motifs.meme --output per-sequence.tsv
      """)

  @OptionGroup var source: ExportSourceOptions

  @Option(
    help:
      "Per-position score: observed-base (attribution at the observed base) or sum (over the four bases)."
  )
  var score: String = AttributionScore.observedBase.rawValue

  @Option(parsing: .unconditional, help: "Top positions per sequence (at least 0).")
  var top: Int = 5

  @Option(help: "Motif database in MEME format: adds each sequence's best motif match.")
  var database: String?

  @Option(help: "Seqlet p-value threshold (0 < p ≤ 1).")
  var seqletThreshold: Double = 0.01

  @Option(help: "Table: .tsv (standard output when absent or `-`).")
  var output: String?

  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(0, top, "--top")
    _ = try ExportFlags.score(score)
  }

  func run() throws {
    try common.apply()
    try shardOptions.refuse(
      "seqlet p-values are taken against the whole set's sums: shard `sanity explain --shard K/N`, join the maps with `sanity merge`, then summarize with --attributions"
    )
    let (destination, _) = try Outputs.destination(
      output, formats: [.tsv], inputs: source.files + [database].compactMap { $0 })
    let caller = try RecursiveSeqletCaller(threshold: seqletThreshold)
    let matcher = try database.map { path in
      try TomtomMatcher(database: try MEMEMotif.read(URL(fileURLWithPath: path)), file: path)
    }
    let explained = try source.load(common)
    let found = try MotifDiscovery(caller: caller, matcher: matcher).run(
      maps: explained.attributions, input: explained.sequences)
    let summary = SequenceSummary(score: try ExportFlags.score(score), topCount: top)
    try summary.write(
      explained,
      columns: SequenceSummary.seqletColumns(
        found, count: explained.count, matches: matcher != nil),
      to: destination)
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
