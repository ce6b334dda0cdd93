import ArgumentParser
import SanityChecker

/// The `sanity` command: checks whether attribution maps depend on what a model learned.
@main
struct Sanity: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sanity",
    abstract: "Sanity checks for attribution maps of DNA and image CNNs.",
    version: "0.1.0",
    subcommands: [])
}
