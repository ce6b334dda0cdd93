import SanityTestSupport
import Foundation
import SanityChecker
import Testing

@Suite struct FASTAReaderTests {
  static func records(_ text: String, chunkSize: Int = 1 << 20) throws -> [FASTARecord] {
    try FASTAReader(bytes: Array(text.utf8), name: "inline.fa", chunkSize: chunkSize).readAll()
  }

  static let messy =
    "\u{FEFF}\n>chr1:100-200 label=1 fold=A\r\nacgtNN\r\nRYSWKMBDHV\r\n\r\n>second\tsome words\nAC GT\n\n"
    + "uuUU\n>chr2:5-9_shuf\nggg"

  @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 1 << 20])
  func parsesMultiLineLowercaseCRLFAndIUPACAtEveryChunkSize(chunkSize: Int) throws {
    let records = try Self.records(Self.messy, chunkSize: chunkSize)
    #expect(records.map(\.id) == ["chr1:100-200", "second", "chr2:5-9_shuf"])
    #expect(records.map(\.sequenceString) == ["ACGTNNRYSWKMBDHV", "ACGTTTTT", "GGG"])
    #expect(records.map(\.description) == ["label=1 fold=A", "some words", ""])
    #expect(records.map(\.line) == [2, 6, 10])
  }

  @Test func parsesCoordinatesAndAttributes() throws {
    let records = try Self.records(Self.messy)
    #expect(records[0].coordinates == GenomicInterval(chromosome: "chr1", start: 100, end: 200))
    #expect(records[0].attributes == ["label": "1", "fold": "A"])
    #expect(records[1].coordinates == nil)
    #expect(records[1].attributes.isEmpty)
    #expect(records[2].coordinates == GenomicInterval(chromosome: "chr2", start: 5, end: 9))
  }

  @Test func readsGzipFilesLikePlainOnes() throws {
    let directory = try TemporaryDirectory()
    let plain = try directory.write(Self.messy, to: "peaks.fa")
    let compressed = directory.file("peaks.fa.gz")
    let writer = try GzipWriter(url: compressed)
    try writer.write(Self.messy)
    try writer.finish()
    let fromPlain = try FASTAReader(url: plain).readAll()
    #expect(try FASTAReader(url: compressed, chunkSize: 4).readAll() == fromPlain)
    #expect(fromPlain.count == 3)
  }

  @Test func readsConcatenatedGzipMembers() throws {
    let directory = try TemporaryDirectory()
    let parts = [">a\nACGT\nAC", "GT\n>b\nTTTT\n"]
    let members = try parts.flatMap { try GzipWriter.compressed(Array($0.utf8)) }
    let url = try directory.write(members, to: "multi.fa.gz")
    let records = try FASTAReader(url: url).readAll()
    #expect(records.map(\.id) == ["a", "b"])
    #expect(records.map(\.sequenceString) == ["ACGTACGT", "TTTT"])
  }

  @Test func keepsReturningNilAfterTheEnd() throws {
    let reader = FASTAReader(bytes: Array(">a\nA\n".utf8), name: "x.fa")
    #expect(try reader.next()?.id == "a")
    #expect(try reader.next() == nil)
    #expect(try reader.next() == nil)
  }

  @Test func invalidCharacterNamesFileLineColumnAndRecord() throws {
    let text = ">ok\nACGT\n>chr1:100-200 label=1\nACGTACGTAC\nACGTXCGT\n"
    let error = try #require(throws: FASTAError.self) { try Self.records(text, chunkSize: 3) }
    #expect(
      error
        == .invalidCharacter(
          file: "inline.fa", line: 5, column: 5, character: UInt8(ascii: "X"),
          record: "chr1:100-200"))
    #expect(
      error.description
        == "inline.fa:5:5: invalid character 'X' in record 'chr1:100-200'; expected A, C, G, T, N or an IUPAC code"
    )
  }

  @Test func columnsCountFromTheLineStartAcrossChunks() throws {
    let text = ">r\n" + String(repeating: "A", count: 36) + "-\n"
    for chunkSize in [1, 4, 10, 100] {
      #expect(
        throws: FASTAError.invalidCharacter(
          file: "inline.fa", line: 2, column: 37, character: 0x2D, record: "r")
      ) {
        try Self.records(text, chunkSize: chunkSize)
      }
    }
  }

  @Test func nonPrintableBytesAreShownInHex() {
    let error = FASTAError.invalidCharacter(
      file: "a.fa", line: 1, column: 2, character: 0x07, record: "r")
    #expect(error.description.contains("invalid character byte 0x07"))
  }

  @Test func emptyRecordsAreRejected() throws {
    #expect(throws: FASTAError.emptyRecord(file: "inline.fa", line: 1, record: "a")) {
      try Self.records(">a\n\n>b\nACGT\n")
    }
    #expect(throws: FASTAError.emptyRecord(file: "inline.fa", line: 3, record: "b")) {
      try Self.records(">a\nAC\n>b")
    }
  }

  @Test func sequenceBeforeHeaderIsRejected() throws {
    #expect(throws: FASTAError.sequenceBeforeHeader(file: "inline.fa", line: 2)) {
      try Self.records("  \nACGT\n>a\nACGT\n")
    }
  }

  @Test func emptyFilesAreRejected() throws {
    for text in ["", "\n\n", "\r\n \n"] {
      #expect(throws: FASTAError.emptyFile(file: "inline.fa")) { try Self.records(text) }
    }
  }

  @Test func missingFileIsReported() throws {
    let url = URL(fileURLWithPath: "no/such/peaks.fa")
    let error = try #require(throws: FASTAError.self) { try FASTAReader(url: url) }
    #expect(error == .fileNotFound(file: "no/such/peaks.fa"))
    #expect(error.description == "no/such/peaks.fa: no such FASTA file; check the path")
  }

  @Test func streamsManyRecordsFromAGzipFile() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("many.fa.gz")
    let writer = try GzipWriter(url: url, level: 1)
    var generator = SeededGenerator(seed: 9)
    let letters = Array("ACGT".utf8)
    var expected: [[UInt8]] = []
    for index in 0..<2000 {
      let sequence = (0..<(1 + index % 50)).map { _ in letters[generator.index(below: 4)] }
      expected.append(sequence)
      try writer.write(">r\(index)\n" + String(decoding: sequence, as: UTF8.self) + "\n")
    }
    try writer.finish()
    let reader = try FASTAReader(url: url, chunkSize: 4096)
    var count = 0
    while let record = try reader.next() {
      #expect(
        record.id == "r\(count)" && record.sequence == expected[count]
          && record.line == 2 * count + 1)
      count += 1
    }
    #expect(count == 2000)
  }
}
