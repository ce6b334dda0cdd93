import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// `sanity export` on the shipped example: each subcommand's output read back and checked.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct ExportCLITests {
  static let computed = [
    "--model", CLI.model, "--input", CLI.sequences, "--method", "saliency", "--limit", "40",
    "--quiet",
  ]

  static func columns(_ table: String, _ names: [String]) -> [[String]] {
    let lines = table.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = lines.first else { return [] }
    let indices = names.compactMap { header.firstIndex(of: $0) }
    return lines.dropFirst().map { row in indices.map { row[$0] } }
  }

  @Test func summaryFromTheModelAndFromExplainAgree() throws {
    let folder = try TemporaryDirectory()
    let fromModel = try CLI.run(
      ["export", "summary"] + Self.computed + ["--target", "1", "--top", "3"])
    #expect(fromModel.status == 0, "\(fromModel.error)")
    let lines = fromModel.output.split(separator: "\n")
    #expect(lines.count == 41)
    #expect(
      lines[0]
        == "id\tchrom\tstart\tend\tstrand\ttarget\tprediction\toutput_0\toutput_1\tattribution_sum\ttop_positions\tn_seqlets\tseqlets"
    )
    #expect(lines[1].hasPrefix("chrSim2:10000-10101\tchrSim2\t10000\t10101\t+\t1\t"))
    let maps = folder.file("a.h5").path
    let explain = try CLI.run([
      "explain", "--model", CLI.model, "--input", CLI.sequences, "--method", "saliency", "--target",
      "1", "--limit", "40", "--output", maps, "--quiet",
    ])
    #expect(explain.status == 0, "\(explain.error)")
    let table = folder.file("s.tsv")
    let fromFile = try CLI.run([
      "export", "summary", "--input", CLI.sequences, "--limit", "40", "--attributions", maps,
      "--top", "3", "--output", table.path, "--quiet",
    ])
    #expect(fromFile.status == 0, "\(fromFile.error)")
    let shared = [
      "id", "chrom", "start", "end", "target", "prediction", "attribution_sum", "top_positions",
    ]
    let written = try String(contentsOf: table, encoding: .utf8)
    #expect(Self.columns(written, shared) == Self.columns(fromModel.output, shared))
    #expect(!written.contains("output_0"), "model outputs only when the model is run")
  }

  @Test func bigWigHoldsTheBedGraphValues() throws {
    let folder = try TemporaryDirectory()
    let sizes = folder.file("g.sizes")
    try "chrSim1\t2500000\nchrSim2\t100000\n".write(to: sizes, atomically: true, encoding: .utf8)
    let bedGraph = folder.file("t.bedGraph")
    let bigWig = folder.file("t.bw")
    for output in [bedGraph, bigWig] {
      let result = try CLI.run(
        ["export", "track"] + Self.computed + [
          "--target", "0", "--chrom-sizes", sizes.path, "--output", output.path,
        ])
      #expect(result.status == 0, "\(result.error)")
    }
    let text = try String(contentsOf: bedGraph, encoding: .utf8)
    #expect(
      text.hasPrefix(
        "track type=bedGraph name=\"saliency target 0\" description=\"saliency, target 0: attribution at the observed base"
      ))
    let track = try GenomeTrack(readingBigWig: bigWig)
    #expect(track.chromosomes.map(\.name) == ["chrSim2"])
    #expect(track.chromosomes.first?.length == 100_000)
    let rows = text.split(separator: "\n").dropFirst().map {
      $0.split(separator: "\t").map(String.init)
    }
    let values = track.chromosomes.flatMap { chromosome in
      chromosome.starts.indices.map {
        [
          "chrSim2", String(chromosome.starts[$0]), String(chromosome.ends[$0]),
          String(chromosome.values[$0]),
        ]
      }
    }
    #expect(rows == values, "every bigWig interval equals the bedGraph line")
    // 40 consecutive 101-bp records cover [10000, 14040) without gaps.
    #expect(
      track.chromosomes.first?.starts.first == 10_000
        && track.chromosomes.first?.ends.last == 14_040)
  }

  @Test func modiscoWritesTheThreeFiles() throws {
    let folder = try TemporaryDirectory()
    let prefix = folder.file("example").path
    let result = try CLI.run(
      ["export", "modisco"] + Self.computed + ["--correct-gradient", "--output-prefix", prefix])
    #expect(result.status == 0, "\(result.error)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(names == ["example.attr.npz", "example.ohe.npz", "example.settings.json"])
    let settings = try String(contentsOf: folder.file("example.settings.json"), encoding: .utf8)
    #expect(settings.contains("\"correct_gradient\" : \"true\""))
    // 40 × 101 × 4 float32 values after a 128-byte .npy header, stored in a zip.
    let size =
      try FileManager.default.attributesOfItem(atPath: prefix + ".attr.npz")[.size] as? Int ?? 0
    #expect(size > 40 * 101 * 4 * 4 && size < 40 * 101 * 4 * 4 + 400)
  }
}
