import Foundation
import SanityTestSupport
import Testing

/// Every bad input exits 2, says `sanity: error:` with the file and place, and leaves no output file.
@Suite struct BadInputTests {
  static let malformed: [(arguments: [String], message: String)] = [
    (["predict", "--model", "Tests/Fixtures/Malformed/models/not_hdf5.h5", "--input", CLI.sequences], "not_hdf5.h5"),
    (["predict", "--model", "missing.h5", "--input", CLI.sequences], "missing.h5"),
    (["predict", "--model", CLI.model, "--input", "Tests/Fixtures/Malformed/sequences/bad_character.fa"], "bad_character.fa:"),
    (["predict", "--model", CLI.model, "--input", "Tests/Fixtures/Malformed/sequences/truncated.fa.gz"], "truncated.fa.gz"),
    (["explain", "--model", CLI.model, "--input", CLI.sequences, "--method", "bogus"], "unknown method 'bogus'"),
    (["explain", "--model", CLI.model, "--input", CLI.sequences, "--method", "grad-cam", "--layer", "nope"], "no layer named 'nope'"),
    (["check", "model", "--model", CLI.model, "--input", CLI.sequences, "--order", "sideways"], "--order"),
    (["predict", "--model", "Tests/Fixtures/Malformed/models/nan_weight.h5", "--input", CLI.sequences], "nan_weight.h5"),
  ]

  @Test(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"), arguments: 0..<malformed.count)
  func badInputExitsTwoAndWritesNothing(index: Int) throws {
    let (arguments, message) = Self.malformed[index]
    let folder = try TemporaryDirectory()
    let output = folder.file("out.h5").path
    let result = try CLI.run(arguments + (arguments[0] == "predict" ? ["--output", folder.file("out.tsv").path] : ["--output", output]))
    #expect(result.status == 2, "\(arguments): exit \(result.status), stderr \(result.error)")
    #expect(result.error.hasPrefix("sanity: error: "), "\(result.error)")
    #expect(result.error.contains(message), "\(result.error) should name \(message)")
    #expect(try folder.contents().isEmpty, "no output file may remain")
  }
}
