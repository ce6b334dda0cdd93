import ArgumentParser
import Foundation
import SanityChecker

/// `sanity export seqlets`: high-attribution spans as BED (and FASTA).
struct ExportSeqletsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "seqlets",
    abstract: "Write seqlets (recursive rule, both signs) as BED, and optionally FASTA.",
    discussion: """
      Seqlets are called on the mean-centred attribution at the observed base (tangermeme's recursive rule): every
      span of at least 4 bases inside a seqlet has a sum with p below --threshold against same-length sums of the
      whole set. Records named chr:start-end are placed on the genome (0-based half-open, or 1-based closed when the
      span is one base longer than the sequence); others keep their name and 0-based offsets.
      --shard is refused: the p-values are taken against the whole set's sums, so a block alone would call other
      seqlets. Shard `sanity explain --shard K/N`, join the maps with `sanity merge`, then call seqlets with --attributions.
      Example: sanity export seqlets --model Models/deepbind-example.h5 --input Genomes/example-test.fa --method saliency --output seqlets.bed --fasta seqlets.fa
      """)

  @OptionGroup var source: ExportSourceOptions
  @Option(help: "Seqlet p-value threshold (0 < p ≤ 1).")
  var threshold: Double = 0.01
  @Option(help: "BED output (.bed; standard output when `-`).")
  var output: String
  @Option(help: "Also write the seqlets' bases as FASTA (.fa/.fasta).")
  var fasta: String?
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    try shardOptions.refuse(
      "seqlet p-values are taken against the whole set's sums: shard `sanity explain --shard K/N`, join the maps with `sanity merge`, then call seqlets with --attributions"
    )
    try common.apply()
    let destinations = try MotifOutputs.destinations(
      [output] + [fasta].compactMap { $0 }, inputs: source.files)
    let caller = try RecursiveSeqletCaller(threshold: threshold)
    let explained = try source.load(common)
    let scores = try PositionScores.scores(explained.attributions, input: explained.sequences)
    let table = SeqletTable(
      seqlets: caller.seqlets(scores), ids: explained.ids, input: explained.sequences)
    let (bed, bases) = (try table.bed(), try fasta.map { _ in try table.fasta() })
    try AtomicOutput.write(bed, to: destinations[0])
    if let bases { try AtomicOutput.write(bases, to: destinations[1]) }
    Progress.note(
      "wrote \(table.seqlets.count) seqlets to \(output)",
      quiet: common.quiet || destinations[0] == .standardOutput)
  }
}

/// Output checks shared by the seqlet and motif exports.
enum MotifOutputs {
  /// Checked, distinct destinations for text outputs (the first may be `-`).
  static func destinations(_ paths: [String], inputs: [String]) throws -> [OutputDestination] {
    let destinations = try paths.enumerated().map { index, path -> OutputDestination in
      if index == 0, path == "-" { return .standardOutput }
      return try OutputDestination(URL(fileURLWithPath: path), inputs: inputs)
    }
    try OutputDestination.checkDistinct(destinations.filter { $0 != .standardOutput })
    return destinations
  }
}
