import ArgumentParser
import Foundation
import SanityChecker

/// `sanity export motifs`: motifs from clustered seqlets, in MEME format, with database matches.
struct ExportMotifsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "motifs",
    abstract:
      "Cluster seqlets into motifs (MEME format) and match them against a motif database (Tomtom).",
    discussion: """
      Each motif is written twice: its position frequency matrix (MOTIF positive-1) and its contribution-weighted
      frequencies (MOTIF positive-1.cwm). matches.tsv has one row per (motif, match), best first per motif, with
      Tomtom p-values and Benjamini-Hochberg q-values over the database.
      Example: sanity export motifs --model Models/deepbind-example.h5 --input Genomes/example-test.fa --method saliency --database Genomes/motifs.meme --output motifs.meme --matches matches.tsv
      """)

  @OptionGroup var source: ExportSourceOptions
  @Option(help: "Motif database in MEME format (e.g. JASPAR).")
  var database: String
  @Option(help: "Seqlet p-value threshold (0 < p ≤ 1).")
  var threshold: Double = 0.01
  @Option(help: "Column similarity: pearson or euclidean.")
  var similarity: String = "pearson"
  @Option(parsing: .unconditional, help: "Minimum aligned columns of a match (at least 1).")
  var minimumOverlap: Int = 5
  @Option(parsing: .unconditional, help: "Matches written per motif (at least 1).")
  var top: Int = 10
  @Option(help: "Motifs in MEME minimal format (.meme).")
  var output: String
  @Option(help: "Matches as TSV (.tsv).")
  var matches: String
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(1, minimumOverlap, "--minimum-overlap")
    try FlagCheck.atLeast(1, top, "--top")
    guard ColumnSimilarity(rawValue: similarity) != nil else {
      throw ValidationError("--similarity must be pearson or euclidean, not '\(similarity)'")
    }
  }

  func run() throws {
    try shardOptions.refuse(
      "motifs are clustered over the whole set: shard `sanity explain --shard K/N`, join the maps with `sanity merge`, then call motifs with --attributions"
    )
    try common.apply()
    let destinations = try MotifOutputs.destinations(
      [output, matches], inputs: source.files + [database])
    let matcher = try TomtomMatcher(
      database: try MEMEMotif.read(URL(fileURLWithPath: database)),
      configuration: .init(
        similarity: ColumnSimilarity(rawValue: similarity) ?? .pearson,
        minimumOverlap: minimumOverlap),
      file: database)
    let discovery = MotifDiscovery(
      caller: try RecursiveSeqletCaller(threshold: threshold), matcher: matcher)
    let explained = try source.load(common)
    let result = try discovery.run(maps: explained.attributions, input: explained.sequences)
    try AtomicOutput.write(DiscoveredMotif.meme(result.motifs), to: destinations[0])
    try AtomicOutput.write(MotifMatchTable.tsv(result.table, limit: top), to: destinations[1])
    Progress.note(
      "wrote \(result.motifs.count) motifs from \(result.seqlets.count) seqlets to \(output) and \(matches)",
      quiet: common.quiet || destinations[0] == .standardOutput)
  }
}
