import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// `sanity check rc`, `sanity check simplex` and `--correct-gradient` on the shipped example.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct CheckRCSimplexCLITests {
  @Test func rcWritesResultsAndAveragedMaps() throws {
    let folder = try TemporaryDirectory()
    let results = folder.file("rc.json").path
    let averaged = folder.file("averaged.h5").path
    let run = try CLI.run([
      "check", "rc", "--model", CLI.model, "--input", CLI.sequences, "--limit", "20",
      "--methods", "saliency", "--averaged", averaged, "--output", results, "--quiet",
    ])
    #expect(run.status == 0, "\(run.error)")
    let report = try CheckReport.decoded(from: Data(contentsOf: URL(fileURLWithPath: results)))
    #expect(
      report.rows.contains {
        $0.check == .reverseComplement && $0.method == "saliency" && $0.layer == .reverseComplement
      })
    #expect(
      report.settings["strand-symmetric"] != nil
        && report.settings["gradient-correction"] == "not applied")
    #expect(!report.verdicts.contains { $0.control != nil && $0.outcome == .passes })
    #expect(FileManager.default.fileExists(atPath: averaged))
  }

  @Test func simplexDiagnosticAndCorrectedCheck() throws {
    let folder = try TemporaryDirectory()
    let results = folder.file("simplex.tsv").path
    let run = try CLI.run([
      "check", "simplex", "--model", CLI.model, "--input", CLI.sequences, "--limit", "10",
      "--methods", "saliency,gradient-x-input", "--output", results, "--quiet",
    ])
    #expect(run.status == 0, "\(run.error)")
    let text = try String(contentsOf: URL(fileURLWithPath: results), encoding: .utf8)
    #expect(text.contains("off-simplex\t-\tsaliency\toriginal\t-\tangle-mean"))
    let corrected = folder.file("class.json").path
    let classRun = try CLI.run([
      "check", "class", "--model", CLI.model, "--input", CLI.sequences, "--limit", "10", "--other",
      "1",
      "--methods", "saliency", "--correct-gradient", "--output", corrected, "--quiet",
    ])
    #expect(classRun.status == 0, "\(classRun.error)")
    let report = try CheckReport.decoded(from: Data(contentsOf: URL(fileURLWithPath: corrected)))
    #expect(report.settings["gradient-correction"] == "applied (simplex-corrected)")
  }

  /// `sanity explain --correct-gradient` writes the library's corrected maps (each position's
  /// mean over A, C, G, T subtracted) and records the correction in the file; without the flag
  /// the maps are the method's own and the file says so; Grad-CAM's position maps are refused.
  @Test func explainCorrectsGradientsOnlyWhenAsked() throws {
    let folder = try TemporaryDirectory()
    let data = try InputData.load(TestSupport.repositoryRoot.appendingPathComponent(CLI.sequences))
      .prefix(10)
    let model = try ModelLoader.load(TestSupport.repositoryRoot.appendingPathComponent(CLI.model))
    let maps = try Saliency().attribution(
      for: data.inputs, targets: [Int](repeating: 0, count: 10), in: model
    ).values
    for (flag, expected, setting) in [
      ([], maps, "not applied"),
      (["--correct-gradient"], SimplexCorrected.corrected(maps), "applied (simplex-corrected)"),
    ] {
      let path = folder.file("saliency\(flag.count).h5").path
      let run = try CLI.run(
        [
          "explain", "--model", CLI.model, "--input", CLI.sequences, "--limit", "10", "--method",
          "saliency", "--target", "0", "--output", path, "--quiet",
        ] + flag)
      #expect(run.status == 0, "\(run.error)")
      let file = try HDF5File(reading: URL(fileURLWithPath: path))
      let written = try file.readTensor("attributions")
      #expect(written == expected, "\(flag)")
      #expect(try file.readStringAttribute("gradient_correction", of: "/") == setting)
      if !flag.isEmpty {
        let sums = written.scalars.indices.filter { $0 % 4 == 0 }.map {
          written.scalars[$0..<($0 + 4)].reduce(0, +)
        }
        #expect(sums.allSatisfy { abs($0) < 1e-5 }, "corrected maps sum to 0 at every position")
        #expect(written != maps)
      }
    }
    let refused = folder.file("gradcam.h5").path
    let run = try CLI.run([
      "explain", "--model", CLI.model, "--input", CLI.sequences, "--limit", "5", "--method",
      "grad-cam", "--correct-gradient", "--output", refused, "--quiet",
    ])
    #expect(run.status == 2 && run.error.contains("--correct-gradient applies to DNA maps"))
    #expect(!FileManager.default.fileExists(atPath: refused))
  }
}
