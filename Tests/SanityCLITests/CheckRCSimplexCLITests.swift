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
}
