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
      The same seed gives byte-identical files; Genomes/ was made with --seed 1 and the default counts.
      The output folder must not hold the --motifs file (an output never replaces an input).
      Example: sanity simulate --output my-example --train-count 2000 --seed 1
      """)

  @Option(help: "Output folder.")
  var output: String
  @Option(help: "MEME motif file; each selected motif becomes a task.")
  var motifs: String = "Genomes/motifs.meme"
  @Option(
    name: .customLong("motif-ids"),
    help: "Comma-separated accessions to take from --motifs, in task order (default: every motif).")
  var motifIDs: String?
  @Option(
    parsing: .unconditional, help: "Training sequences (half positives, half shuffles; at least 1)."
  )
  var trainCount: Int = 20000
  @Option(parsing: .unconditional, help: "Test sequences (at least 1).")
  var testCount: Int = 500
  @Option(parsing: .unconditional, help: "Sequence length (at least 1).")
  var length: Int = 101
  @Option(parsing: .unconditional, help: "Background G+C fraction (between 0 and 1).")
  var gcContent: Double = 0.42
  @Option(
    parsing: .unconditional, help: "Fraction of positives that carry every motif (between 0 and 1)."
  )
  var allMotifsFraction: Double = 0.2
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(1, trainCount, "--train-count")
    try FlagCheck.atLeast(1, testCount, "--test-count")
    try FlagCheck.atLeast(1, length, "--length")
    try FlagCheck.within(gcContent, 0, 1, "--gc-content")
    try FlagCheck.within(allMotifsFraction, 0, 1, "--all-motifs-fraction")
  }

  func run() throws {
    try common.apply()
    _ = try Outputs.folder(output, files: ExampleGenome.fileNames, inputs: [motifs])
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
