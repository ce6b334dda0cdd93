import ArgumentParser
import Foundation
import SanityChecker

/// `sanity demo`: every check on the shipped example, ending in an HTML report.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Run every method and check on the shipped example (Models/, Genomes/) and write a report.",
    discussion: """
      Uses Models/deepbind-example.h5 (a DeepBind-architecture model with two tasks, CTCF and REST) and the
      simulated ChIP-seq sequences in Genomes/, whose planted motifs are known. Writes results.tsv, results.json,
      one attribution file per method and report.html to --output, and prints the report's path.
      Example: sanity demo --output sanity-demo
      """)

  @Option(help: "Folder for the results (created if needed).")
  var output: String = "sanity-demo"
  @Option(help: "The repository folder holding Models/ and Genomes/.")
  var root: String = "."
  @Option(help: "Explained test sequences.")
  var count: Int = 200
  @Option(help: "Seeds of the randomization checks.")
  var seeds: Int = 5
  @OptionGroup var common: CommonOptions

  func run() throws {
    common.apply()
    let rootURL = URL(fileURLWithPath: root)
    let outputURL = URL(fileURLWithPath: output)
    try FileManager.default.createDirectory(at: outputURL, withIntermediateDirectories: true)
    let demo = try DemoRun(root: rootURL, count: count, seeds: seeds, seed: common.seed, quiet: common.quiet)
    let report = try demo.run(writingAttributionsTo: outputURL.appendingPathComponent("attributions"))
    try OutputFile.write(report.tsv, to: outputURL.appendingPathComponent("results.tsv").path)
    try OutputFile.write(try report.json(), to: outputURL.appendingPathComponent("results.json"))
    let page = outputURL.appendingPathComponent("report.html")
    try HTMLReport.write(try demo.reportContent(report), to: page)
    for verdict in report.verdicts {
      Progress.note("\(verdict.check) · \(verdict.method): \(verdict.outcome.rawValue)", quiet: common.quiet)
    }
    print(page.standardizedFileURL.path)
  }
}
