import Foundation
import SanityTestSupport
import Testing

/// Bad input to `sanity export`: each exits 2 naming the file and the record (or the flag) and
/// leaves its folder as it was (no track, no `.npz`, no temporary file).
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct ExportBadInputTests {
  static let model = CLI.model
  static let sequences = CLI.sequences
  static let bases = String(repeating: "ACGT", count: 25) + "A"
  static let computed = [
    "--model", model, "--input", sequences, "--method", "saliency", "--limit", "4",
  ]

  static let cases: [BadInputCase] = [
    .init(
      [
        "export", "track", "--model", model, "--input", "{dir}/in.fa", "--method", "saliency",
        "--output", "{dir}/t.bedGraph",
      ],
      [.text("in.fa", ">chrSim2:0-101\n\(bases)\n>peak7\n\(bases)\n")],
      expect: "{dir}/in.fa: record 'peak7' has no genomic coordinates"),
    .init(
      [
        "export", "track", "--model", model, "--input", "{dir}/in.fa", "--method", "saliency",
        "--output", "{dir}/t.bedGraph",
      ],
      [.text("in.fa", ">chr1:0-90\n\(bases)\n")],
      expect: "{dir}/in.fa: record 'chr1:0-90' has 101 bases, its coordinates span 90"),
    .init(
      ["export", "track"] + computed + [
        "--chrom-sizes", "{dir}/g.sizes", "--output", "{dir}/t.bw",
      ],
      [.text("g.sizes", "chrSim2\t10150\n")],
      expect:
        "record 'chrSim2:10101-10202' ends at 10202, past the chromosome's 10150 bases in {dir}/g.sizes"
    ),
    .init(
      ["export", "track"] + computed + [
        "--chrom-sizes", "{dir}/g.sizes", "--output", "{dir}/t.bedGraph",
      ],
      [.text("g.sizes", "chr1\t1000\n")],
      expect: "record 'chrSim2:10000-10101' is on 'chrSim2', which {dir}/g.sizes does not list"),
    .init(
      ["export", "track"] + computed + [
        "--chrom-sizes", "{dir}/g.sizes", "--output", "{dir}/t.bw",
      ],
      [.text("g.sizes", "chrSim2\t100000\nchrSim1 5\n")],
      expect: "{dir}/g.sizes:2: expected a name and a length separated by a tab"),
    .init(
      ["export", "track"] + computed + ["--output", "{dir}/t.bw"],
      expect: "{dir}/t.bw: a bigWig needs the chromosome sizes"),
    .init(
      ["export", "track"] + computed + ["--output", "{dir}/t.wig"],
      expect: "{dir}/t.wig: unknown output extension; use .bedgraph, .bg, .bdg, .bw or .bigwig"),
    .init(
      ["export", "track"] + computed + ["--output", "{dir}/t.bedGraph", "--merge", "median"],
      expect: "--merge must be mean or max, not 'median'"),
    .init(
      ["export", "summary"] + computed + ["--score", "abs"],
      expect: "--score must be observed-base or sum, not 'abs'"),
    .init(["export", "summary"] + computed + ["--top", "-1"], expect: "--top"),
    .init(
      [
        "export", "summary", "--input", "{dir}/in.fa", "--model", model, "--method", "saliency",
        "--output", "{dir}/out.tsv",
      ],
      [.copy(sequences, as: "in.fa"), .symlink("out.tsv", to: "{dir}/in.fa")],
      expect: "{dir}/out.tsv"),
    .init(
      [
        "export", "summary", "--input", sequences, "--attributions", "{dir}/a.h5", "--model", model,
        "--method", "saliency",
      ],
      expect: "give either --attributions or --model with --method, not both"),
    .init(
      ["export", "summary", "--input", sequences, "--attributions", "{dir}/a.h5", "--target", "0"],
      expect: "--target needs --model"),
    .init(
      ["export", "summary", "--input", sequences, "--model", model],
      expect: "--model needs --method"),
    .init(
      ["export", "summary", "--input", sequences, "--attributions", "{dir}/none.h5"],
      expect: "{dir}/none.h5"),
    .init(
      [
        "export", "summary", "--input", sequences, "--attributions", "{dir}/a.h5", "--output",
        "{dir}/s.tsv",
      ],
      [.copy(model, as: "a.h5")], expect: "{dir}/a.h5: no root attribute 'format'"),
    .init(
      ["export", "summary"] + computed + ["--target", "5"],
      expect: "--target 5 is outside the model's 2 outputs"),
    .init(
      [
        "export", "modisco", "--model", model, "--input", sequences, "--method", "guided-backprop",
        "--limit", "4", "--output-prefix", "{dir}/p",
      ],
      expect: "method 'guided-backprop' has no hypothetical contributions"),
    .init(
      [
        "export", "modisco", "--model", model, "--input", sequences, "--method", "deepshap",
        "--limit", "4", "--correct-gradient", "--output-prefix", "{dir}/p",
      ],
      expect: "--correct-gradient applies to gradient methods"),
    .init(
      ["export", "modisco"] + computed + ["--output-prefix", "{dir}/p"], [.folder("p.attr.npz")],
      expect: "{dir}/p.attr.npz"),
    // 20,000 × 101 × 4 values × 16 bytes = 123 MiB of export copies, over a 64 MiB budget.
    .init(
      [
        "export", "summary", "--model", model, "--input", "Genomes/example-train.fa.gz", "--method",
        "saliency", "--memory", "64M", "--output", "{dir}/s.tsv",
      ],
      expect:
        "exporting 20000 sequences of 101 bp from Genomes/example-train.fa.gz needs 123.3 MiB, over the memory budget of 64 MiB"
    ),
  ]

  @Test(arguments: cases)
  func badInputIsNamed(_ badCase: BadInputCase) throws {
    try BadInputRunner.check(badCase)
  }

  /// An attribution file from other sequences (here: fewer) is refused, and no table is left.
  @Test func attributionsOfOtherSequencesAreRefused() throws {
    let folder = try TemporaryDirectory()
    let maps = folder.file("a.h5").path
    let explain = try CLI.run([
      "explain", "--model", Self.model, "--input", Self.sequences, "--method", "saliency",
      "--limit", "3", "--output", maps, "--quiet",
    ])
    #expect(explain.status == 0, "\(explain.error)")
    let table = folder.file("s.tsv").path
    let result = try CLI.run([
      "export", "summary", "--input", Self.sequences, "--limit", "4", "--attributions", maps,
      "--output", table,
    ])
    #expect(result.status == 2)
    #expect(
      result.error.contains("\(maps): holds 3 items, \(Self.sequences) has 4"), "\(result.error)")
    #expect(!FileManager.default.fileExists(atPath: table))
    let fromFile = try CLI.run([
      "export", "modisco", "--input", Self.sequences, "--limit", "3", "--attributions", maps,
      "--output-prefix", folder.file("p").path,
    ])
    #expect(
      fromFile.status == 0,
      "saliency maps read from a file are their own hypothetical contributions: \(fromFile.error)")
  }
}
