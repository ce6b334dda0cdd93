import Foundation
import SanityChecker
import Testing

/// The motif check's keys in run configurations: present in the demo, every mistake named by
/// its line and dotted key.
@Suite struct RunConfigurationMotifsTests {
  @Test func demoRunsTheMotifCheckOnThePlantedMatrices() throws {
    let demo = RunConfiguration.demo(seed: 4)
    let motifs = try #require(demo.checks.motifs)
    #expect(motifs.database == "Genomes/motifs.meme")
    #expect(motifs.seeds == [4] && motifs.order == "cascading" && motifs.significance == 0.05)
    #expect(motifs.methods.allSatisfy(demo.methods.contains))
    #expect(demo.files.contains("Genomes/motifs.meme"))
    #expect(demo.relocated(to: "/data").checks.motifs?.database == "/data/Genomes/motifs.meme")
  }

  /// A replacement in the demo's YAML, the changed line's text, and the expected message.
  static let mistakes: [(old: String, new: String, line: String, message: String)] = [
    (
      "    database: Genomes/motifs.meme", "    database: ''", "database: ''",
      "key 'checks.motifs.database' is ''"
    ),
    (
      "  - ism\n    order: cascading", "  - lime\n    order: cascading", "- lime",
      "key 'checks.motifs.methods[4]' is 'lime'; expected one of the run's methods or controls"
    ),
    (
      "    order: cascading\n    seeds:", "    order: sideways\n    seeds:", "order: sideways",
      "key 'checks.motifs.order' is 'sideways'"
    ),
    (
      "    significance: 5e-2", "    significance: 1.5", "significance: 1.5",
      "key 'checks.motifs.significance' is '1.5'; expected a q-value in (0, 1]"
    ),
    (
      "    significance: 5e-2", "    significanc: 0.05", "significanc:",
      "unknown key 'checks.motifs.significanc'"
    ),
  ]

  @Test(arguments: mistakes.indices)
  func mistakesNameLineAndKey(_ index: Int) {
    let mistake = Self.mistakes[index]
    let text = RunConfiguration.demo().yaml()
    #expect(text.contains(mistake.old), "the demo's YAML has '\(mistake.old)'")
    let yaml = text.replacingOccurrences(of: mistake.old, with: mistake.new)
    let line =
      (yaml.components(separatedBy: "\n").firstIndex { $0.contains(mistake.line) } ?? -1) + 1
    #expect {
      _ = try RunConfiguration.parse(yaml, file: "run.yaml")
    } throws: { error in
      let text = String(describing: error)
      return text.contains("run.yaml:\(line): ") && text.contains(mistake.message)
    }
  }

  @Test func emptySeedsAreRefused() {
    var configuration = RunConfiguration.demo()
    configuration.checks.motifs?.seeds = []
    #expect(throws: RunConfigurationError.self) { try configuration.validate() }
  }
}
