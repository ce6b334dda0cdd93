import ArgumentParser
import SanityChecker

/// `--memory`, the memory budget every subcommand accepts.
struct MemoryOptions: ParsableArguments {
  @Option(help: "Memory budget, e.g. 512M or 4G (default: 1G, at least 64M).")
  var memory: String?

  func validate() throws {
    _ = try budget()
  }

  /// Sets ``MemoryBudget/current`` from `--memory`.
  func apply() throws {
    if let budget = try budget() { MemoryBudget.current = budget }
  }

  private func budget() throws -> MemoryBudget? {
    guard let memory else { return nil }
    do {
      return try MemoryBudget(parsing: memory)
    } catch {
      throw ValidationError("--memory: \(error)")
    }
  }
}
