import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Inputs that look unusual but are valid: each gives the same predictions as the plain file.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct WorkingInputTests {
  /// The first three records of the shipped test set.
  static func records() throws -> [(header: String, bases: String)] {
    let text = try String(
      contentsOf: TestSupport.repositoryRoot.appendingPathComponent(CLI.sequences), encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    return (0..<3).map { (lines[2 * $0], lines[2 * $0 + 1]) }
  }

  static func fasta(_ records: [(header: String, bases: String)], newline: String = "\n") -> String
  {
    records.map { "\($0.header)\(newline)\($0.bases)\(newline)" }.joined()
  }

  /// Predictions of `sanity predict` for a file, as TSV text.
  static func predict(_ path: String) throws -> String {
    let folder = try TemporaryDirectory()
    let output = folder.file("p.tsv").path
    let result = try CLI.run(["predict", "--model", CLI.model, "--input", path, "--output", output])
    #expect(result.status == 0, "\(path): \(result.error)")
    return (try? String(contentsOf: URL(fileURLWithPath: output), encoding: .utf8)) ?? ""
  }

  static func expectedPredictions() throws -> String {
    let folder = try TemporaryDirectory()
    return try predict(try folder.write(fasta(records()), to: "plain.fa").path)
  }

  @Test(arguments: ["crlf", "lowercase", "rna", "spaces and ünïcödé", "multi-member gzip"])
  func variantGivesThePlainPredictions(_ variant: String) throws {
    let folder = try TemporaryDirectory()
    let records = try Self.records()
    let path: String
    switch variant {
    case "crlf":
      path = try folder.write(Self.fasta(records, newline: "\r\n"), to: "crlf.fa").path
    case "lowercase":
      path = try folder.write(
        Self.fasta(records.map { ($0.header, $0.bases.lowercased()) }), to: "soft-masked.fa"
      ).path
    case "rna":
      path = try folder.write(
        Self.fasta(records.map { ($0.header, $0.bases.replacingOccurrences(of: "T", with: "U")) }),
        to: "rna.fa"
      ).path
    case "spaces and ünïcödé":
      let subfolder = folder.file("my data ü")
      try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
      path = subfolder.appendingPathComponent("séquences à tester.fa").path
      try Data(Self.fasta(records).utf8).write(to: URL(fileURLWithPath: path))
    default:
      var bytes: [UInt8] = []
      for (index, record) in records.enumerated() {
        let member = folder.file("member\(index).gz")
        let writer = try GzipWriter(url: member)
        try writer.write(Self.fasta([record]))
        try writer.finish()
        bytes += try [UInt8](Data(contentsOf: member))
      }
      path = try folder.write(bytes, to: "members.fa.gz").path
    }
    #expect(try Self.predict(path) == Self.expectedPredictions(), "\(variant)")
  }

  @Test func iupacCodesAreRead() throws {
    let folder = try TemporaryDirectory()
    let records = try Self.records().map {
      ($0.header, "RYSWKMBDHVN" + String($0.bases.dropFirst(11)))
    }
    let output = try Self.predict(try folder.write(Self.fasta(records), to: "iupac.fa").path)
    let rows = output.split(separator: "\n")
    #expect(rows.count == 4)
    #expect(
      rows.dropFirst().allSatisfy {
        $0.split(separator: "\t").dropFirst().allSatisfy { Float($0)?.isFinite == true }
      })
  }

  @Test func outputsGoToStandardOutputAndThroughLinks() throws {
    let folder = try TemporaryDirectory()
    let target = try folder.write("old", to: "target.tsv")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("link.tsv").path, withDestinationPath: target.path)
    let arguments = ["predict", "--model", CLI.model, "--input", CLI.sequences, "--limit", "3"]
    #expect(try CLI.run(arguments + ["--output", folder.file("link.tsv").path]).status == 0)
    let written = try String(contentsOf: target, encoding: .utf8)
    #expect(written.hasPrefix("id\toutput_0\toutput_1\n"))
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("link.tsv").path)
        == target.path)
    let standardOutput = try CLI.run(arguments + ["--output", "-"])
    #expect(standardOutput.status == 0)
    #expect(standardOutput.output == written)
    #expect(try folder.contents() == ["link.tsv", "target.tsv"])
  }

  @Test func interruptedRunLeavesNothing() throws {
    let folder = try TemporaryDirectory()
    let process = Process()
    process.executableURL = CLI.binary
    process.currentDirectoryURL = TestSupport.repositoryRoot
    process.arguments = [
      "explain", "--model", CLI.model, "--input", "Genomes/example-train.fa.gz", "--method",
      "integrated-gradients",
      "--steps", "400", "--output", folder.file("ig.h5").path, "--quiet",
    ]
    process.standardError = Pipe()
    try process.run()
    // Interrupt once the temporary file exists (the run is writing), or after 20 s at most.
    for _ in 0..<200 where try folder.contents().isEmpty { usleep(100_000) }
    #expect(try !folder.contents().isEmpty, "the run should be writing its temporary file")
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    #expect(process.terminationStatus == 128 + SIGINT)
    #expect(
      try folder.contents().isEmpty,
      "an interrupted run leaves neither the temporary file nor a partial output")
  }
}
