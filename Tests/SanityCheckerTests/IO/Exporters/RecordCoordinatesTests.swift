import SanityChecker
import Testing

@Suite struct RecordCoordinatesTests {
  @Test(arguments: [
    // BED (bedtools getfasta): 100 bases span [100, 200).
    ("chr1:100-200", 100, RecordCoordinates(chromosome: "chr1", start: 100, end: 200)),
    ("chr1:100-200(+)", 100, RecordCoordinates(chromosome: "chr1", start: 100, end: 200)),
    (
      "chr1:100-200(-)", 100,
      RecordCoordinates(chromosome: "chr1", start: 100, end: 200, isReverse: true)
    ),
    (
      "chr1:100-200:-", 100,
      RecordCoordinates(chromosome: "chr1", start: 100, end: 200, isReverse: true)
    ),
    ("chr1:100-200:+", 100, RecordCoordinates(chromosome: "chr1", start: 100, end: 200)),
    (
      "peak3::chrX:5-9(-)", 4,
      RecordCoordinates(chromosome: "chrX", start: 5, end: 9, isReverse: true)
    ),
    // 1-based closed (samtools faidx): 101 bases for chr1:100-200 are [99, 200).
    ("chr1:100-200", 101, RecordCoordinates(chromosome: "chr1", start: 99, end: 200)),
  ])
  func readsCoordinates(id: String, length: Int, expected: RecordCoordinates) throws {
    #expect(try RecordCoordinates.parse(id: id, length: length, file: "in.fa") == expected)
  }

  @Test func refusesRecordsWithoutCoordinatesNamingThem() {
    for id in ["seq1", "chr1:100", "chr1:100-200(+):-", "chr1:200-100"] {
      #expect(throws: CoordinateError.missing(file: "in.fa", record: id)) {
        try RecordCoordinates.parse(id: id, length: 100, file: "in.fa")
      }
    }
    let error = CoordinateError.missing(file: "in.fa", record: "seq1")
    #expect(error.description.hasPrefix("in.fa: record 'seq1' has no genomic coordinates"))
  }

  @Test func refusesCoordinatesThatDoNotSpanTheSequence() {
    #expect(
      throws: CoordinateError.lengthMismatch(
        file: "in.fa", record: "chr1:100-200", length: 90, span: 100)
    ) {
      try RecordCoordinates.parse(id: "chr1:100-200", length: 90, file: "in.fa")
    }
    // A 1-based reading needs start ≥ 1.
    #expect(
      throws: CoordinateError.lengthMismatch(
        file: "in.fa", record: "chr1:0-10", length: 11, span: 10)
    ) {
      try RecordCoordinates.parse(id: "chr1:0-10", length: 11, file: "in.fa")
    }
  }

  @Test func minusStrandPositionsRunBackwards() {
    let plus = RecordCoordinates(chromosome: "c", start: 10, end: 14)
    let minus = RecordCoordinates(chromosome: "c", start: 10, end: 14, isReverse: true)
    #expect((0..<4).map(plus.genomePosition) == [10, 11, 12, 13])
    #expect((0..<4).map(minus.genomePosition) == [13, 12, 11, 10])
  }
}
