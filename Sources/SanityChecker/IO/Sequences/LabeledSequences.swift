/// Sequences with their identifiers and labels, one or more tasks per record.
///
/// Labels are `[[Float]]`: one row per record, one column per task. A single-task binary
/// problem has rows `[1]` or `[0]`; a target file with rows `1 0` / `0 1` gives two tasks.
/// The loaders in `LabeledSequences+Loading.swift` read labels from FASTA headers, DeepBind
/// `.seq` files, separate target files, or a positives file and a negatives file.
public struct LabeledSequences: Equatable, Sendable {
  /// The record identifiers, in file order.
  public var ids: [String]
  /// The bases of each record as uppercase ASCII IUPAC codes.
  public var sequences: [[UInt8]]
  /// The labels of each record: `labels[record][task]`.
  public var labels: [[Float]]

  /// Creates labelled sequences.
  /// - Parameters:
  ///   - ids: The identifiers.
  ///   - sequences: The bases, one array per record.
  ///   - labels: The labels, one row per record; every row has the same number of tasks.
  public init(ids: [String], sequences: [[UInt8]], labels: [[Float]]) {
    precondition(
      ids.count == sequences.count && ids.count == labels.count,
      "LabeledSequences: \(ids.count) ids, \(sequences.count) sequences, \(labels.count) label rows"
    )
    precondition(
      labels.allSatisfy { $0.count == labels.first?.count },
      "LabeledSequences: label rows have different task counts")
    self.ids = ids
    self.sequences = sequences
    self.labels = labels
  }

  /// The number of records.
  public var count: Int { ids.count }

  /// The number of tasks (labels per record); 0 when there is no record.
  public var taskCount: Int { labels.first?.count ?? 0 }

  /// The labels of one task, one per record.
  /// - Parameter task: The task's index, below ``taskCount``.
  /// - Returns: `labels[record][task]` for every record.
  public func labels(forTask task: Int) -> [Float] {
    precondition((0..<taskCount).contains(task), "LabeledSequences: task \(task) of \(taskCount)")
    return labels.map { $0[task] }
  }

  /// Appends the records of another set with the same number of tasks.
  /// - Parameter other: The records to append.
  public mutating func append(contentsOf other: LabeledSequences) {
    precondition(
      count == 0 || other.count == 0 || taskCount == other.taskCount,
      "LabeledSequences: appending \(other.taskCount) tasks to \(taskCount)")
    ids += other.ids
    sequences += other.sequences
    labels += other.labels
  }
}
