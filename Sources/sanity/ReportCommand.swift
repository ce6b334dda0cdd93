import ArgumentParser
import Foundation
import SanityChecker

/// `sanity report`: the HTML report of saved results.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Render results (.json from `sanity check … --output results.json`) as one self-contained HTML page.",
    discussion: "Example: sanity report results.json --output report.html")

  @Argument(help: "Results files (.json).")
  var results: [String]
  @Option(help: "The HTML file to write.")
  var output: String
  @Option(help: "The page's title.")
  var title: String = "SanityChecker report"

  func run() throws {
    let reports = try results.map { path -> CheckReport in
      guard path.hasSuffix(".json") else { throw ValidationError("\(path): give the .json results (`--output results.json`)") }
      guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
      do {
        return try CheckReport.decoded(from: data)
      } catch {
        throw ValidationError("\(path): not a SanityChecker results file (\(error))")
      }
    }
    let merged = CheckReport.merging(reports)
    try HTMLReport.write(
      ReportContent(title: title, report: merged, modelDescription: merged.settings.first { $0.key.hasSuffix("model-file") }?.value ?? ""),
      to: URL(fileURLWithPath: output))
    print(output)
  }
}
