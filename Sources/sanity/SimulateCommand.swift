import ArgumentParser
import Foundation
import SanityChecker

/// `sanity simulate`: writes the seeded ChIP-seq-style example (sequences with planted motifs).
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Write a simulated two-task DNA example with planted motifs and its ground truth.",
    discussion: """
      Writes motifs.meme, example-train.fa.gz, example-test.fa(.gz) and example-test.motifs.tsv.
      Each motif is one task; positives carry planted sites, negatives are their dinucleotide shuffles.
      The same seed gives byte-identical files; Genomes/ was made by the example below.
      Example: sanity simulate --output Genomes --seed 1
      """)

  @Option(help: "Output folder.")
  var output: String
  @Option(help: "MEME motif file; each selected motif becomes a task.")
  var motifs: String = "Genomes/motifs.meme"
  @Option(
    name: .customLong("motif-ids"),
    help: "Comma-separated accessions to take from --motifs, in task order (default: every motif).")
  var motifIDs: String?
  @Option(help: "Training sequences (half positives, half shuffles).")
  var trainCount: Int = 20000
  @Option(help: "Test sequences.")
  var testCount: Int = 500
  @Option(help: "Sequence length.")
  var length: Int = 101
  @Option(help: "Background G+C fraction.")
  var gcContent: Double = 0.42
  @Option(help: "Fraction of positives that carry every motif.")
  var allMotifsFraction: Double = 0.2
  @OptionGroup var common: CommonOptions

  func run() throws {
    common.apply()
    guard trainCount >= 0, testCount >= 0 else {
      throw ValidationError("--train-count and --test-count must not be negative")
    }
    let available = try MEMEMotif.read(URL(fileURLWithPath: motifs))
    var selected = available
    if let motifIDs {
      selected = try motifIDs.split(separator: ",").map { accession in
        guard let motif = available.first(where: { $0.identifier == accession }) else {
          throw ValidationError(
            "\(motifs): no motif '\(accession)'; the file has \(available.map(\.identifier).prefix(5).joined(separator: ", "))…"
          )
        }
        return motif
      }
    }
    let genome = try ExampleGenome(
      motifs: selected,
      configuration: .init(
        length: length, gcContent: gcContent, allMotifsFraction: allMotifsFraction))
    let files = try genome.write(
      to: URL(fileURLWithPath: output), trainCount: trainCount, testCount: testCount,
      seed: common.seed)
    for file in files { Progress.note("wrote \(file.path)", quiet: common.quiet) }
  }
}
