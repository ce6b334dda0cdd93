import ArgumentParser
import Foundation
import SanityChecker

/// The `sanity` command: checks whether attribution maps depend on what a model learned.
///
/// Exit codes: 0 success; 1 a check failed and `--fail-on-fail` was given; 2 bad input or usage.
@main
struct Sanity: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sanity",
    abstract: "Sanity checks for attribution maps of DNA and image CNNs.",
    discussion: """
      Exit codes: 0 success, 1 a check failed (with --fail-on-fail), 2 bad input or usage.
      Start with `sanity demo`, which runs everything on the shipped example.
      """,
    version: "0.1.0",
    subcommands: [
      DemoCommand.self, RunCommand.self, MergeCommand.self, PredictCommand.self,
      ExplainCommand.self, ISMCommand.self, CheckCommand.self,
      ExportCommand.self, TrainCommand.self, ReportCommand.self, SimulateCommand.self,
      BenchCommand.self,
    ])

  /// Parses and runs a subcommand; every error becomes `sanity: error: …` and exit code 2.
  static func main() {
    InterruptCleanup.install()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success || error is CleanExit {
        exit(withError: error)
      }
      FileHandle.standardError.write(Data("sanity: error: \(message(for: error))\n".utf8))
      Foundation.exit(2)
    }
  }

  /// The text after `sanity: error:` — a library error's own message, or the parser's.
  private static func message(for error: Error) -> String {
    if let validation = error as? ValidationError { return validation.message }
    if let system = SystemErrorText.message(for: error) { return system }
    if exitCode(for: error) == .failure { return String(describing: error) }
    let text = fullMessage(for: error)
    return text.hasPrefix("Error: ") ? String(text.dropFirst(7)) : text
  }
}
