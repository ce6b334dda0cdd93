import Foundation
import SanityTestSupport
import Testing

/// `--help` of every subcommand against recorded snapshots.
///
/// `RECORD_GOLDEN=1` re-records them, and the test then fails, so a recording is never taken
/// for a pass.
@Suite struct HelpSnapshotTests {
  static let commands: [[String]] = [
    [], ["predict"], ["explain"], ["ism"], ["check"], ["check", "model"], ["check", "labels"],
    ["check", "class"],
    ["check", "invariance"], ["check", "motifs"], ["check", "rc"], ["check", "simplex"], ["export"],
    ["export", "track"], ["export", "modisco"], ["export", "seqlets"], ["export", "motifs"],
    ["export", "summary"],
    ["train"], ["report"], ["demo"], ["run"], ["merge"], ["simulate"], ["bench"],
  ]

  @Test(arguments: commands)
  func helpMatchesSnapshot(command: [String]) throws {
    let result = try CLI.run(command + ["--help"])
    #expect(result.status == 0)
    let name = (["sanity"] + command).joined(separator: "-") + ".txt"
    let snapshot = TestSupport.fixture("CLI/help/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(
        at: snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
      try result.output.write(to: snapshot, atomically: true, encoding: .utf8)
      Issue.record("recorded \(name); run again without RECORD_GOLDEN to compare")
      return
    }
    let expected = try String(contentsOf: snapshot, encoding: .utf8)
    #expect(
      result.output == expected,
      "help of '\(command.joined(separator: " "))' changed; re-record with RECORD_GOLDEN=1 if intended"
    )
    if !command.isEmpty, command != ["check"], command != ["export"] {
      #expect(
        result.output.contains("Example: sanity") || result.output.contains("Example:"),
        "help shows an example")
    }
  }
}
