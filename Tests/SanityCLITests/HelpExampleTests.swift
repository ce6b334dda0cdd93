import Foundation
import SanityTestSupport
import Testing

/// Every example shown in a subcommand's `--help` runs as shown (in a folder that links Models/ and
/// Genomes/), or, for the long ones, names only files that exist in the repository.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct HelpExampleTests {
  /// Subcommands whose example runs, in an order where `report` finds the results `check model` wrote.
  static let runnable: [[String]] = [
    ["predict"], ["explain"], ["ism"], ["check", "model"], ["check", "class"],
    ["check", "invariance"], ["report"],
    ["train"], ["simulate"],
  ]
  /// Examples that take minutes (or the benchmark references): their files must exist.
  static let checkedOnly: [[String]] = [["check", "labels"], ["demo"], ["run"], ["bench"]]

  /// The example of a help text: the line starting `Example: sanity`, joined with its wrapped lines.
  static func example(of command: [String]) throws -> [String] {
    let help = try CLI.run(command + ["--help"]).output
    let lines = help.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix("Example: sanity ") }) else {
      return []
    }
    var text = String(lines[start].dropFirst("Example: sanity ".count))
    for line in lines[(start + 1)...] {
      if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
      text += " " + line.trimmingCharacters(in: .whitespaces)
    }
    return text.split(separator: " ").map(String.init)
  }

  @Test func everyExampleRuns() throws {
    let folder = try TemporaryDirectory()
    for name in ["Models", "Genomes"] {
      try FileManager.default.createSymbolicLink(
        at: folder.file(name),
        withDestinationURL: TestSupport.repositoryRoot.appendingPathComponent(name))
    }
    for command in Self.runnable {
      let arguments = try Self.example(of: command)
      #expect(
        Array(arguments.prefix(command.count)) == command,
        "help of \(command) shows an example of itself")
      let result = try CLI.run(
        arguments + ["--quiet"].filter { _ in command != ["report"] }, in: folder.url)
      #expect(result.status == 0, "sanity \(arguments.joined(separator: " ")): \(result.error)")
    }
  }

  @Test(arguments: checkedOnly)
  func longExampleNamesExistingFiles(_ command: [String]) throws {
    let arguments = try Self.example(of: command)
    #expect(Array(arguments.prefix(command.count)) == command)
    let paths = arguments.filter { $0.contains("/") && !$0.hasPrefix("-") }
    for path in paths {
      let url = TestSupport.repositoryRoot.appendingPathComponent(path)
      guard !path.hasPrefix("../shared") || FileManager.default.fileExists(atPath: url.path) else {
        continue  // the benchmark references live beside the repository, when present
      }
      #expect(
        FileManager.default.fileExists(atPath: url.path),
        "\(command): the example names \(path), which does not exist")
    }
    if command == ["demo"] {
      for url in [
        "Genomes/example-test.fa", "Genomes/example-train.fa.gz", "Models/deepbind-example.h5",
        "Genomes/motifs.meme",
      ] {
        #expect(
          FileManager.default.fileExists(
            atPath: TestSupport.repositoryRoot.appendingPathComponent(url).path))
      }
    }
  }
}
