import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// `--target-names` files: one name per line, blank lines and line endings tolerated,
/// repeats refused naming the line, a wrong count naming the flag.
@Suite struct TargetNamesListTests {
  @Test(arguments: [
    "CTCF\nGATA1|K562\nJUN\n", "CTCF\nGATA1|K562\nJUN", "\nCTCF\n\n  GATA1|K562 \nJUN\n\n",
    "CTCF\r\nGATA1|K562\r\nJUN\r\n",
  ])
  func readsOneNamePerLine(text: String) throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write(text, to: "names.txt")
    #expect(
      try TargetNames.read(listFile: url, units: 3, head: "dense") == ["CTCF", "GATA1|K562", "JUN"])
  }

  @Test func repeatedNameNamesBothLines() throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write("a\nb\n\nb\n", to: "names.txt")
    let expected = TargetNamesError.duplicateName(
      file: url.path, line: 4, name: "b", firstLine: 2)
    #expect(throws: expected) { try TargetNames.read(listFile: url, units: 3, head: "dense") }
    #expect(expected.description.hasPrefix("\(url.path):4: --target-names repeats 'b'"))
  }

  @Test func wrongCountNamesTheFlag() throws {
    let folder = try TemporaryDirectory()
    let url = try folder.write("a\nb\n", to: "names.txt")
    let expected = TargetNamesError.countMismatch(
      file: url.path, place: "--target-names", count: 2, units: 3, head: "dense")
    #expect(throws: expected) { try TargetNames.read(listFile: url, units: 3, head: "dense") }
    #expect(expected.description.contains("--target-names holds 2 names, but output 'dense' has 3"))
  }

  @Test func missingFileIsUnreadable() throws {
    let folder = try TemporaryDirectory()
    let error = try #require(
      throws: TargetNamesError.self,
      performing: {
        try TargetNames.read(listFile: folder.file("none.txt"), units: 3, head: "dense")
      })
    #expect(error.file == folder.file("none.txt").path)
  }
}
