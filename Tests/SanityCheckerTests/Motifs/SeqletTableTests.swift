@testable import SanityChecker
import Testing

@Suite struct SeqletTableTests {
  static func table(ids: [String], length: Int = 10) throws -> SeqletTable {
    let sequences = ids.map { _ in Array(String(repeating: "ACGTN", count: length / 5).utf8) }
    let input = try OneHot().encode(sequences)
    let seqlets = ids.indices.map {
      Seqlet(
        item: $0, start: 2, end: 6, sign: $0 % 2 == 0 ? .positive : .negative, attribution: 1.5,
        pValue: 1e-4)
    }
    return SeqletTable(seqlets: seqlets, ids: ids, input: input)
  }

  /// 0-based half-open names add the offset; 1-based closed ones subtract one first; a `(-)`
  /// record counts from its end; names without coordinates keep the record and offsets.
  @Test func placesByCoordinates() throws {
    let table = try Self.table(ids: [
      "chr1:100-110", "chr2:101-110", "chr3:100-110(-)", "peak7 label=1",
    ])
    let places = try table.seqlets.map { try table.place($0) }
    #expect(places[0] == ("chr1", 102, 106, "."))
    #expect(places[1] == ("chr2", 102, 106, "."))
    #expect(places[2] == ("chr3", 104, 108, "-"))
    #expect(places[3] == ("peak7", 2, 6, "."))
    let bed = try table.bed()
    #expect(bed.split(separator: "\n")[1] == "chr1\t102\t106\tpositive\t1.5\t.\t0.0001")
    let fasta = try table.fasta()
    #expect(fasta.hasPrefix(">chr1:102-106 positive p=0.0001\nGTNA\n"))
  }

  /// Coordinates that do not span the sequence are refused, naming the record.
  @Test func refusesMismatchedCoordinates() throws {
    let table = try Self.table(ids: ["chr1:100-150"])
    #expect(
      throws: MotifDiscoveryError.coordinatesDoNotMatch(
        record: "chr1:100-150", interval: "chr1:100-150", length: 10)
    ) {
      try table.bed()
    }
  }
}
