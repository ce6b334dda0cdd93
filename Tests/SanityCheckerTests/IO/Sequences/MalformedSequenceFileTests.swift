import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The corpus in `Tests/Fixtures/Malformed/sequences/`: one defect per file.
@Suite struct MalformedSequenceFileTests {
  static func fixture(_ name: String) -> URL {
    TestSupport.fixture("Malformed/sequences/\(name)")
  }

  /// Expects `message` to start with `file:line:` for the fixture's path.
  static func expectLocated(
    _ message: String, _ name: String, line: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let prefix = "\(fixture(name).path):\(line):"
    #expect(
      message.hasPrefix(prefix), "'\(message)' does not start with '\(prefix)'",
      sourceLocation: sourceLocation)
    #expect(message.contains(name), sourceLocation: sourceLocation)
  }

  static func fastaError(_ name: String) throws -> FASTAError {
    try #require(throws: FASTAError.self) { try FASTAReader(url: fixture(name)).readAll() }
  }

  static func seqFileError(_ name: String) throws -> SeqFileError {
    try #require(throws: SeqFileError.self) { try SeqFileReader(url: fixture(name)).readAll() }
  }

  @Test func badCharacter() throws {
    let error = try Self.fastaError("bad_character.fa")
    #expect(
      error
        == .invalidCharacter(
          file: Self.fixture("bad_character.fa").path, line: 3, column: 5,
          character: UInt8(ascii: "X"),
          record: "chr1:100-200"))
    Self.expectLocated(error.description, "bad_character.fa", line: 3)
    #expect(
      error.description.hasSuffix(
        ":3:5: invalid character 'X' in record 'chr1:100-200'; expected A, C, G, T, N or an IUPAC code"
      ))
  }

  @Test func emptyRecord() throws {
    let error = try Self.fastaError("empty_record.fa")
    #expect(
      error
        == .emptyRecord(file: Self.fixture("empty_record.fa").path, line: 3, record: "empty_one"))
    Self.expectLocated(error.description, "empty_record.fa", line: 3)
  }

  @Test func sequenceBeforeHeader() throws {
    let error = try Self.fastaError("sequence_before_header.fa")
    #expect(
      error == .sequenceBeforeHeader(file: Self.fixture("sequence_before_header.fa").path, line: 1))
    Self.expectLocated(error.description, "sequence_before_header.fa", line: 1)
  }

  @Test func emptyFile() throws {
    let error = try Self.fastaError("empty.fa")
    #expect(error == .emptyFile(file: Self.fixture("empty.fa").path))
    #expect(error.description.hasPrefix("\(Self.fixture("empty.fa").path): "))
  }

  @Test func truncatedGzip() throws {
    let error = try Self.fastaError("truncated.fa.gz")
    guard case .corruptGzip(let file, let line, let detail) = error else {
      Issue.record("expected .corruptGzip, got \(error)")
      return
    }
    #expect(file == Self.fixture("truncated.fa.gz").path)
    #expect(detail.contains("truncated after 40 compressed bytes"))
    Self.expectLocated(error.description, "truncated.fa.gz", line: line)
    #expect(error.line == line && line >= 1)
  }

  @Test func seqColumnCount() throws {
    let error = try Self.seqFileError("bad_column_count.seq")
    #expect(
      error
        == .columnCount(
          file: Self.fixture("bad_column_count.seq").path, line: 3, expected: 4, actual: 3))
    Self.expectLocated(error.description, "bad_column_count.seq", line: 3)
  }

  @Test func seqLabel() throws {
    let error = try Self.seqFileError("bad_label.seq")
    #expect(
      error
        == .invalidLabel(
          file: Self.fixture("bad_label.seq").path, line: 2, value: "yes", record: "seq_00001_peak")
    )
    Self.expectLocated(error.description, "bad_label.seq", line: 2)
  }

  @Test func seqBaseInGzipFile() throws {
    let error = try Self.seqFileError("bad_base.seq.gz")
    #expect(
      error
        == .invalidCharacter(
          file: Self.fixture("bad_base.seq.gz").path, line: 3, column: 22,
          character: UInt8(ascii: "-"),
          record: "seq_00002_peak"))
    Self.expectLocated(error.description, "bad_base.seq.gz", line: 3)
  }

  @Test func targetCountMismatchNamesBothFiles() throws {
    let fasta = Self.fixture("count_mismatch.fa")
    let targets = Self.fixture("count_mismatch.target")
    let error = try #require(throws: LabelError.self) {
      try LabeledSequences(fasta: fasta, targets: targets)
    }
    #expect(
      error
        == .countMismatch(
          sequenceFile: fasta.path, sequenceCount: 3, labelFile: targets.path, labelCount: 2,
          line: 2))
    Self.expectLocated(error.description, "count_mismatch.target", line: 2)
    #expect(error.description.contains("count_mismatch.fa holds 3 records"))
  }
}
