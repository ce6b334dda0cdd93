import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct MotifPositionsBEDTests {
  @Test func bedLinesBecomeInstances() throws {
    let text = """
      track name=sites
      # planted sites
      seq1\t10\t25\tMA0139.2\t0\t-
      seq2 3 9

      seq3\t0\t4\tM\t.\t.
      """
    let instances = try MotifInstance.parseBED(text, file: "sites.bed")
    #expect(
      instances == [
        MotifInstance(sequenceID: "seq1", motif: "MA0139.2", start: 10, end: 25, strand: .reverse),
        MotifInstance(sequenceID: "seq2", motif: "site", start: 3, end: 9, strand: .forward),
        MotifInstance(sequenceID: "seq3", motif: "M", start: 0, end: 4, strand: .forward),
      ])
  }

  @Test func badLinesNameTheFileAndLine() throws {
    #expect(
      throws: MotifTableError.malformedRow(file: "a.bed", line: 2, reason: "bad interval '9'-'3'")
    ) {
      try MotifInstance.parseBED("s\t1\t2\ns\t9\t3\n", file: "a.bed")
    }
    #expect(
      throws: MotifTableError.malformedRow(
        file: "a.bed", line: 1, reason: "2 columns; BED needs chrom, start, end")
    ) { try MotifInstance.parseBED("s 1\n", file: "a.bed") }
  }

  /// A BED file and the equivalent table give the same positions.
  @Test func readPositionsChoosesByExtension() throws {
    let folder = try TemporaryDirectory()
    let bed = try folder.write("s1\t4\t12\tM\t0\t+\n", to: "sites.bed")
    let table = try folder.write(
      "id\tmotif\tstart\tend\tstrand\ns1\tM\t4\t12\t+\n", to: "sites.tsv")
    #expect(try MotifInstance.readPositions(bed) == MotifInstance.readPositions(table))
  }
}
