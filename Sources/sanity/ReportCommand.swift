import ArgumentParser
import Foundation
import SanityChecker

/// `sanity report`: the HTML report of saved results.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract:
      "Render results (.json from `sanity check … --output results.json`) as one self-contained HTML page.",
    discussion: "Example: sanity report results.json --output report.html")

  @Argument(help: "Results files (.json).")
  var results: [String]
  @Option(help: "The HTML file to write (`-`: standard output).")
  var output: String
  @Option(help: "The page's title.")
  var title: String = "SanityChecker report"
  @OptionGroup var memoryOptions: MemoryOptions

  func run() throws {
    try memoryOptions.apply()
    let (destination, _) = try Outputs.destination(output, formats: [.html], inputs: results)
    let reports = try results.map { path -> CheckReport in
      guard path.hasSuffix(".json") else {
        throw ValidationError("\(path): give the .json results (`--output results.json`)")
      }
      return try ResultsFile.read(path)
    }
    let merged = CheckReport.merging(reports)
    try HTMLReport.write(
      ReportContent(
        title: title, report: merged,
        modelDescription: merged.settings.first { $0.key.hasSuffix("model-file") }?.value ?? ""),
      to: destination)
    if destination.url != nil { print(output) }
  }
}
