import SanityTestSupport
import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The measurement's bookkeeping (its speed is measured from release builds, not here).
@Suite struct EncodingThroughputTests {
  @Test func countsRecordsAndEncodedBases() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(
      ">a\nACGTACGTAC\n>b\nacgtn\nNNNNN\n>c\nTTTTTTTTTT\n", to: "three.fa")
    let measurement = try OneHot().measureThroughput(fastaURL: url, batchSize: 2)
    #expect(measurement.records == 3 && measurement.bases == 30)
    #expect(measurement.seconds > 0)
    #expect(measurement.megabasesPerSecond == 30 / measurement.seconds / 1e6)
    #expect(measurement.description.hasPrefix("3 records, 30 bases in "))
    let padded = try OneHot(lengthPolicy: .padWithN(to: 16)).measureThroughput(fastaURL: url)
    #expect(padded.bases == 48)
  }

  @Test func reportsMalformedInput() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write(">a\nACGT\n>b\nACG\n", to: "ragged.fa")
    #expect(
      throws: OneHotError.unequalLength(record: "b", length: 3, expected: 4, firstRecord: "a")
    ) {
      try OneHot().measureThroughput(fastaURL: url)
    }
  }
}
