/// Why a benchmark could not run.
public enum BenchmarkError: Error, Equatable, CustomStringConvertible {
  /// An item name that is not one of ``BenchmarkItem``'s.
  case unknownItem(String, known: [String])
  /// A reference file the workload needs is missing.
  case missingReference(file: String, item: String)
  /// A child process failed or printed no result.
  case childFailed(item: String, executable: String, status: Int32, output: String)

  /// A compiler-style message that ends with a remedy.
  public var description: String {
    switch self {
    case .unknownItem(let name, let known):
      return "bench: unknown item '\(name)'; use one of \(known.joined(separator: ", "))"
    case .missingReference(let file, let item):
      return
        "\(file): not found (needed by \(item)); pass the reference folder with --reference PATH"
    case .childFailed(let item, let executable, let status, let output):
      let tail = output.split(separator: "\n").suffix(3).joined(separator: " | ")
      return "\(executable): 'bench --item \(item)' exited with status \(status): \(tail); "
        + "run that command alone to see the whole error"
    }
  }
}
