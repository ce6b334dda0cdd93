import SanityTestSupport
import Foundation
import SanityChecker
import Testing

@Suite struct SeqFileReaderTests {
  static let text =
    "FoldID\tEventID\tseq\tBound\r\nA\tseq_00002_peak\tacgtNU\t1\r\n\r\nB\tseq_00002_shuf\tTTGCAA\t0\r\n"

  static func records(_ text: String) throws -> [SeqRecord] {
    try SeqFileReader(bytes: Array(text.utf8), name: "inline.seq").readAll()
  }

  @Test func readsRowsWithIdsFoldsLabelsAndLines() throws {
    let records = try Self.records(Self.text)
    #expect(
      records == [
        SeqRecord(
          id: "seq_00002_peak", fold: "A", sequence: Array("ACGTNT".utf8), label: 1, line: 2),
        SeqRecord(
          id: "seq_00002_shuf", fold: "B", sequence: Array("TTGCAA".utf8), label: 0, line: 4),
      ])
  }

  @Test func findsColumnsByName() throws {
    let records = try Self.records("Bound\tseq\tEventID\n0.5\tGGA\tx\n")
    #expect(
      records == [SeqRecord(id: "x", fold: "", sequence: Array("GGA".utf8), label: 0.5, line: 2)])
  }

  @Test func readsPlainAndGzipFilesAlike() throws {
    let directory = try TemporaryDirectory()
    let plain = try directory.write(Self.text, to: "set_B.seq")
    let compressed = try directory.write(
      try GzipWriter.compressed(Array(Self.text.utf8)), to: "set_B.seq.gz")
    let fromPlain = try SeqFileReader(url: plain).readAll()
    #expect(fromPlain.count == 2)
    #expect(try SeqFileReader(url: compressed, chunkSize: 5).readAll() == fromPlain)
  }

  @Test func missingColumnIsNamed() throws {
    let error = try #require(throws: SeqFileError.self) {
      try Self.records("FoldID\tEventID\tsequence\tBound\n")
    }
    #expect(error == .missingColumn(file: "inline.seq", line: 1, column: "seq"))
    #expect(error.description.hasPrefix("inline.seq:1: the header has no 'seq' column"))
  }

  @Test func emptyFilesAndHeaderOnlyFilesAreRejected() throws {
    for text in ["", "FoldID\tEventID\tseq\tBound\n\n"] {
      #expect(throws: SeqFileError.emptyFile(file: "inline.seq")) { try Self.records(text) }
    }
  }

  @Test func emptySequenceIsRejected() throws {
    #expect(throws: SeqFileError.emptySequence(file: "inline.seq", line: 2, record: "r")) {
      try Self.records("EventID\tseq\tBound\nr\t\t1\n")
    }
  }

  @Test func nonFiniteLabelsAreRejected() throws {
    #expect(
      throws: SeqFileError.invalidLabel(file: "inline.seq", line: 2, value: "nan", record: "r")
    ) {
      try Self.records("EventID\tseq\tBound\nr\tACGT\tnan\n")
    }
  }
}
