import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// `--output-head` and `--profile-scalar` on the BPNet-style fixture (two heads: profile, counts).
@Suite struct OutputHeadCLITests {
  static let model = TestSupport.fixture("Graph/bpnet_keras3.h5").path

  /// Two seeded 40 bp sequences.
  static func sequences(in folder: TemporaryDirectory) throws -> String {
    var generator = SeededGenerator(seed: 7)
    let records = (0..<2).map { index in
      ">s\(index)\n" + String((0..<40).map { _ in Array("ACGT")[Int(generator.next() % 4)] })
    }
    return try folder.write(records.joined(separator: "\n") + "\n", to: "seqs.fa").path
  }

  /// Predictions write every head: 68 profile columns, then the counts column.
  @Test func predictWritesEveryHead() throws {
    let folder = try TemporaryDirectory()
    let result = try CLI.run([
      "predict", "--model", Self.model, "--input", try Self.sequences(in: folder),
    ])
    #expect(result.status == 0, "\(result.error)")
    let header = result.output.split(separator: "\n").first.map(String.init) ?? ""
    let columns = header.split(separator: "\t").map(String.init)
    #expect(columns.count == 1 + 68 + 1)
    #expect(columns.first == "id" && columns[1] == "profile_0" && columns.last == "counts")
  }

  /// Explaining the counts head by name works; an unknown head exits 2 naming the flag and the
  /// heads, and leaves no output.
  @Test func explainChoosesTheHead() throws {
    let folder = try TemporaryDirectory()
    let input = try Self.sequences(in: folder)
    let arguments = [
      "explain", "--model", Self.model, "--input", input, "--method", "saliency", "--target", "0",
    ]
    let counts = try CLI.run(
      arguments + ["--output-head", "counts", "--output", folder.file("counts.h5").path])
    #expect(counts.status == 0, "\(counts.error)")
    let profile = try CLI.run(
      arguments + [
        "--output-head", "0", "--profile-scalar", "--output", folder.file("profile.h5").path,
      ])
    #expect(profile.status == 0, "\(profile.error)")
    let unknown = try CLI.run(
      arguments + ["--output-head", "shape", "--output", folder.file("none.h5").path])
    #expect(unknown.status == 2)
    #expect(
      unknown.error.contains("--output-head shape")
        && unknown.error.contains("0 (profile), 1 (counts)"))
    #expect(!FileManager.default.fileExists(atPath: folder.file("none.h5").path))
  }
}
