/// Parts of a sharded command that cannot be explained or joined.
public enum CommandPartError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The input has no records.
  case noRecords(file: String)
  /// A manifest or part file that cannot be read.
  case unreadable(file: String, reason: String)
  /// A part of another run (command, settings, version or shard count).
  case mismatch(file: String, reason: String)
  /// Parts that are not shards 1 to N of one run, in order.
  case order(file: String, reason: String)
  /// Parts whose joined output would differ from the unsharded command's.
  case notJoinable(file: String, reason: String)
  /// A part's dataset whose rows have another shape than the first part's.
  case rowShape(file: String, dataset: String, expected: [Int], actual: [Int])
  /// A part's dataset whose rows, read as the merge reads them, would not fit the memory budget.
  case exceedsBudget(file: String, dataset: String, MemoryBudgetError)

  /// A message naming the file, with a remedy.
  public var description: String {
    switch self {
    case .noRecords(let file):
      return "\(file): the input has no records; give a file with at least one"
    case .unreadable(let file, let reason):
      return "\(file): cannot read the part: \(reason)"
    case .mismatch(let file, let reason):
      return
        "\(file): the part belongs to another run (\(reason) differs from the first part's); "
        + "rerun its shard with the same command"
    case .order(let file, let reason):
      return "\(file): \(reason); give every shard's output, 1/N to N/N, in order"
    case .notJoinable(let file, let reason):
      return "\(file): \(reason)"
    case .rowShape(let file, let dataset, let expected, let actual):
      return
        "\(file): dataset '\(dataset)' has rows of shape \(actual), the first part's have "
        + "\(expected); give parts of one command's shards"
    case .exceedsBudget(let file, let dataset, let error):
      return "\(file): dataset '\(dataset)': \(error)"
    }
  }
}
