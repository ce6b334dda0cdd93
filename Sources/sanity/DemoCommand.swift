import ArgumentParser
import Foundation
import SanityChecker

/// `sanity demo`: every check on the shipped example, ending in an HTML report.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract:
      "Run every method and check on the shipped example (Models/, Genomes/) and write a report.",
    discussion: """
      Uses Models/deepbind-example.h5 (a DeepBind-architecture model with two tasks, CTCF and REST) and the
      simulated ChIP-seq sequences in Genomes/, whose planted motifs are known. Writes results.tsv, results.json,
      motifs.tsv, one attribution file per method and report.html to --output, and prints the report's path.
      Example: sanity demo --output sanity-demo
      """)

  @Option(help: "Folder for the results (created if needed).")
  var output: String = "sanity-demo"
  @Option(help: "The repository folder holding Models/ and Genomes/.")
  var root: String = "."
  @Option(parsing: .unconditional, help: "Explained test sequences (at least 1).")
  var count: Int = 200
  @Option(parsing: .unconditional, help: "Seeds of the randomization checks (at least 1).")
  var seeds: Int = 5
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(1, count, "--count")
    try FlagCheck.atLeast(1, seeds, "--seeds")
  }

  func run() throws {
    try common.apply()
    var configuration = RunConfiguration.demo(count: count, seeds: seeds, seed: common.seed)
    if URL(fileURLWithPath: root).standardizedFileURL
      != URL(fileURLWithPath: ".").standardizedFileURL
    {
      configuration = configuration.relocated(to: root)
    }
    try RunCommand.execute(
      configuration, shard: nil, output: output, force: false, quiet: common.quiet)
  }
}
