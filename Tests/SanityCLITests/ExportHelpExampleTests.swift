import Foundation
import SanityTestSupport
import Testing

/// The examples in `sanity export … --help` run as shown (in a folder linking Models/ and Genomes/).
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct ExportHelpExampleTests {
  @Test(arguments: [["export", "track"], ["export", "modisco"], ["export", "summary"]])
  func exampleRuns(_ command: [String]) throws {
    let folder = try TemporaryDirectory()
    for name in ["Models", "Genomes"] {
      try FileManager.default.createSymbolicLink(
        at: folder.file(name),
        withDestinationURL: TestSupport.repositoryRoot.appendingPathComponent(name))
    }
    let arguments = try HelpExampleTests.example(of: command)
    #expect(
      Array(arguments.prefix(command.count)) == command,
      "help of \(command) shows an example of itself")
    let result = try CLI.run(arguments + ["--quiet"], in: folder.url)
    #expect(result.status == 0, "sanity \(arguments.joined(separator: " ")): \(result.error)")
    let written = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
      !["Models", "Genomes"].contains($0)
    }
    #expect(!written.isEmpty, "the example writes its output")
  }
}
