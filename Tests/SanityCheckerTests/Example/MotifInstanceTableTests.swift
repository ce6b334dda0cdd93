import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct MotifInstanceTableTests {
  static let instances = [
    MotifInstance(
      sequenceID: "chrSim2:10000-10101", motif: "MA0139.2", start: 37, end: 52, strand: .forward),
    MotifInstance(
      sequenceID: "chrSim2:10000-10101", motif: "MA0035.5", start: 70, end: 77, strand: .reverse),
    MotifInstance(
      sequenceID: "chrSim2:10202-10303", motif: "MA0035.5", start: 0, end: 7, strand: .forward),
  ]

  @Test func tableRoundTripsThroughAFile() throws {
    let directory = try TemporaryDirectory()
    let text = MotifInstance.table(Self.instances)
    #expect(
      text.hasPrefix("id\tmotif\tstart\tend\tstrand\nchrSim2:10000-10101\tMA0139.2\t37\t52\t+\n"))
    let url = try directory.write(text, to: "truth.tsv")
    #expect(try MotifInstance.readTable(url) == Self.instances)
    #expect(Self.instances[1].headerToken == "MA0035.5:70:-")
    #expect(Self.instances[0].width == 15 && Self.instances[0].positions == 37..<52)
  }

  @Test func groupingFollowsTheIdsAndFiltersMotifs() {
    let ids = ["chrSim2:10202-10303", "none", "chrSim2:10000-10101"]
    let grouped = MotifInstance.grouped(Self.instances, by: ids)
    #expect(grouped.map(\.count) == [1, 0, 2])
    let ctcf = MotifInstance.grouped(Self.instances, by: ids, motifs: ["MA0139.2"])
    #expect(ctcf.map(\.count) == [0, 0, 1] && ctcf[2][0].start == 37)
  }

  @Test(arguments: [
    ("id\tmotif\tstart\tend\tstrand\na\tM\t5\t3\t+\n", 2, "bad interval"),
    ("id\tmotif\tstart\tend\tstrand\na\tM\t1\t3\t+\nb\tM\t1\t3\tx\n", 3, "bad strand 'x'"),
    ("id\tmotif\tstart\tend\tstrand\na\tM\t1\t3\n", 2, "4 fields"),
  ])
  func malformedRowsNameTheLine(text: String, line: Int, reason: String) throws {
    #expect {
      try MotifInstance.parseTable(text, file: "truth.tsv")
    } throws: { error in
      guard
        case .malformedRow(let file, let errorLine, let errorReason)? = error as? MotifTableError
      else { return false }
      let message = (error as? MotifTableError)?.description ?? ""
      return file == "truth.tsv" && errorLine == line && errorReason.hasPrefix(reason)
        && message.hasPrefix("truth.tsv:\(line): ") && message.contains("expected id, motif")
    }
  }

  @Test func otherFilesAreRejectedWithARemedy() throws {
    #expect(throws: MotifTableError.badHeader(file: "x.tsv", found: "name\tstart")) {
      try MotifInstance.parseTable("name\tstart\nA\t1\n", file: "x.tsv")
    }
    #expect(
      MotifTableError.badHeader(file: "x.tsv", found: "").description.contains("sanity simulate"))
    #expect(throws: MotifTableError.unreadable(file: "/nonexistent/truth.tsv")) {
      try MotifInstance.readTable(URL(fileURLWithPath: "/nonexistent/truth.tsv"))
    }
  }
}
