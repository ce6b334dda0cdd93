import Foundation
@testable import SanityChecker
import SanityTestSupport
import Testing

/// `sanity check motifs`, `sanity export seqlets` and `sanity export motifs` on the shipped
/// example (CTCF and REST planted; `Genomes/motifs.meme` holds their JASPAR matrices).
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct MotifsCLITests {
  static let source = ["--model", CLI.model, "--input", CLI.sequences, "--limit", "120"]

  /// The check writes results rows plus motif columns, Saliency's best motif on the trained
  /// model matches a planted motif, and a verdict is printed.
  @Test func checkMotifs() throws {
    let folder = try TemporaryDirectory()
    let output = folder.file("motifs.tsv").path
    let result = try CLI.run(
      ["check", "motifs"] + Self.source + [
        "--methods", "saliency", "--database", "Genomes/motifs.meme", "--order", "complete",
        "--output", output,
      ])
    #expect(result.status == 0, "\(result.error)")
    let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
    #expect(
      lines[0].split(separator: "\t").map(String.init) == ResultRow.columns
        + MotifStageSummary.columns)
    let original = try #require(
      lines.first { $0.hasPrefix("motifs\t-\tsaliency\toriginal\t-\tmatches-retained") })
    let fields = original.split(separator: "\t").map(String.init)
    #expect(["MA0139.2", "MA0138.3"].contains(fields[14]), "\(original)")
    #expect(result.error.contains("motifs saliency: "), "\(result.error)")
  }

  /// Seqlets as BED placed on the example's coordinates, with FASTA of the same spans.
  @Test func exportSeqlets() throws {
    let folder = try TemporaryDirectory()
    let (bed, fasta) = (folder.file("s.bed").path, folder.file("s.fa").path)
    let result = try CLI.run(
      ["export", "seqlets"] + Self.source + [
        "--method", "saliency", "--target", "0", "--output", bed, "--fasta", fasta, "--quiet",
      ])
    #expect(result.status == 0, "\(result.error)")
    let rows = try String(contentsOfFile: bed, encoding: .utf8).split(separator: "\n")
    #expect(rows[0] == "#chrom\tstart\tend\tname\tscore\tstrand\tp_value")
    #expect(rows.count > 20)
    let first = rows[1].split(separator: "\t")
    #expect(first[0].hasPrefix("chrSim") && Int(first[1]).map { $0 >= 10000 } == true, "\(rows[1])")
    let records = try String(contentsOfFile: fasta, encoding: .utf8).split(separator: "\n")
    #expect(records.count == 2 * (rows.count - 1))
  }

  /// Motifs in MEME format (read back by the MEME reader) and a matches table.
  @Test func exportMotifs() throws {
    let folder = try TemporaryDirectory()
    let (motifs, matches) = (folder.file("m.meme").path, folder.file("m.tsv").path)
    let result = try CLI.run(
      ["export", "motifs"] + Self.source + [
        "--method", "saliency", "--target", "0", "--database", "Genomes/motifs.meme", "--output",
        motifs, "--matches", matches,
        "--quiet",
      ])
    #expect(result.status == 0, "\(result.error)")
    let read = try MEMEMotif.read(URL(fileURLWithPath: motifs))
    #expect(read.count >= 2 && read.count % 2 == 0)
    let table = try String(contentsOfFile: matches, encoding: .utf8).split(separator: "\n")
    #expect(
      table[0] == "motif\tsign\tn_seqlets\tmatch_id\tmatch_name\tp\tq\toffset\tstrand\toverlap")
    #expect(table[1].hasPrefix("positive-1\tpositive\t"))
  }

  /// The per-sequence summary with `--database`: seqlet columns, and sequences holding a planted
  /// site mostly take that site's matrix as their best match.
  @Test func summaryNamesSeqletsAndBestMatches() throws {
    let result = try CLI.run(
      ["export", "summary"] + Self.source + [
        "--method", "saliency", "--target", "0", "--database", "Genomes/motifs.meme", "--quiet",
      ])
    #expect(result.status == 0, "\(result.error)")
    let rows = result.output.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    let header = try #require(rows.first)
    #expect(
      Array(header.suffix(6)) == [
        "n_seqlets", "seqlets", "best_motif", "match_id", "match_name", "match_q",
      ])
    #expect(rows.count == 121)
    let column = { (name: String) in header.firstIndex(of: name) ?? 0 }
    let planted = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent(CLI.sequences), encoding: .utf8
    )
    .split(separator: "\n").filter { $0.hasPrefix(">") }.prefix(120)
    .map { $0.split(separator: " ").first { $0.hasPrefix("motifs=") }.map(String.init) ?? "" }
    var (agree, withSite) = (0, 0)
    for (row, motifs) in zip(rows.dropFirst(), planted) {
      let count = Int(row[column("n_seqlets")]) ?? -1
      #expect(count >= 0 && row[column("seqlets")].split(separator: ",").count == count)
      let site = motifs.dropFirst("motifs=".count).split(separator: ":").first.map(String.init)
      guard let site, site != "none" else { continue }
      withSite += 1
      if row[column("match_id")] == site, let q = Double(row[column("match_q")]), q < 0.05 {
        agree += 1
      }
    }
    #expect(withSite > 20 && Double(agree) >= 0.5 * Double(withSite), "\(agree) of \(withSite)")
  }

  static let cases: [BadInputCase] = [
    .init(
      ["check", "motifs"] + source + [
        "--methods", "saliency", "--database", "{dir}/db.meme", "--output", "{dir}/r.tsv",
      ],
      [.text("db.meme", "not a motif file\n")],
      expect: "db.meme: not a MEME motif file"),
    .init(
      ["export", "motifs"] + source + [
        "--method", "saliency", "--database", "{dir}/db.meme", "--output", "{dir}/m.meme",
        "--matches", "{dir}/m.tsv",
      ],
      [
        .text(
          "db.meme",
          "MEME version 4\n\nMOTIF X x\nletter-probability matrix: alength= 4 w= 2\n0.25 0.25 0.25 0.25\n0.5 0.5 0.5\n"
        )
      ],
      expect: "db.meme:6: expected 4 non-negative probabilities"),
    .init(
      ["check", "motifs"] + source + [
        "--methods", "saliency", "--database", "Genomes/motifs.meme", "--similarity", "cosine",
        "--output", "{dir}/r.tsv",
      ],
      expect: "--similarity must be pearson or euclidean, not 'cosine'"),
    .init(
      ["export", "seqlets"] + source + [
        "--method", "saliency", "--threshold", "0", "--output", "{dir}/s.bed",
      ],
      expect: "seqlet threshold is 0.0; expected a p-value in (0, 1]"),
    .init(
      [
        "export", "seqlets", "--model", CLI.model, "--input", "{dir}/in.fa", "--method", "saliency",
        "--output", "{dir}/s.bed", "--quiet",
      ],
      [.text("in.fa", ">chr1:0-90\n" + String(repeating: "ACGT", count: 25) + "A\n")],
      expect: "record 'chr1:0-90': its coordinates chr1:0-90 do not span its 101 bases"),
  ]

  /// Bad input exits 2 naming the file, line, record or flag, and leaves no output.
  @Test(arguments: cases)
  func badInputIsNamed(_ badCase: BadInputCase) throws {
    try BadInputRunner.check(badCase)
  }
}
