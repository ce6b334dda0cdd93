import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ChromosomeSizesTests {
  @Test func readsFaiAndChromSizes() throws {
    let fai = try ChromosomeSizes(
      parsing: "chr2\t2000\t6\t60\t61\nchr1\t1000\t2100\t60\t61\n", file: "g.fa.fai")
    #expect(fai.entries.map(\.name) == ["chr2", "chr1"])
    #expect(fai.length(of: "chr1") == 1000)
    #expect(fai.length(of: "chr3") == nil)
    let sizes = try ChromosomeSizes(
      parsing: "# hg\r\nchr2\t2000\r\n\nchr1\t1000\r\n", file: "g.sizes")
    #expect(sizes == fai)
  }

  @Test func readsAFile() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("g.sizes")
    try "chrA\t7\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(try ChromosomeSizes(contentsOf: url).length(of: "chrA") == 7)
    #expect(throws: ChromosomeSizesError.unreadable(file: folder.file("none.sizes").path)) {
      try ChromosomeSizes(contentsOf: folder.file("none.sizes"))
    }
  }

  @Test(arguments: [
    ("chr1 1000\n", ChromosomeSizesError.malformedLine(file: "s", line: 1)),
    ("chr1\t1000\nchr2\tten\n", .invalidLength(file: "s", line: 2, text: "ten")),
    ("chr1\t0\n", .invalidLength(file: "s", line: 1, text: "0")),
    ("chr1\t4294967296\n", .invalidLength(file: "s", line: 1, text: "4294967296")),
    ("chr1\t5\n\nchr1\t6\n", .duplicate(file: "s", line: 3, name: "chr1")),
    ("# nothing\n", .empty(file: "s")),
  ])
  func refusesBadLinesNamingThem(text: String, expected: ChromosomeSizesError) {
    #expect(throws: expected) { try ChromosomeSizes(parsing: text, file: "s") }
  }

  @Test func messagesNameFileAndLine() {
    let error = ChromosomeSizesError.invalidLength(file: "g.sizes", line: 4, text: "x")
    #expect(error.description.hasPrefix("g.sizes:4: invalid length 'x'"))
  }
}
