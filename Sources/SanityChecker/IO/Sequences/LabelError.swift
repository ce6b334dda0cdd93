/// An error pairing sequences with their labels, located as `file:line`.
public enum LabelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A FASTA header has no label attribute (such as `label=1`).
  case missingLabel(file: String, line: Int, record: String, key: String)
  /// A label is not a finite number.
  case invalidLabel(file: String, line: Int, value: String)
  /// A FASTA header's `label=` value is not a number.
  case invalidHeaderLabel(file: String, line: Int, record: String, value: String)
  /// A row has a different number of labels (tasks) than the first row.
  case taskCount(file: String, line: Int, expected: Int, actual: Int)
  /// The label file has a different number of rows than the sequence file has records.
  ///
  /// `line` is the label file's line where the mismatch shows: its first extra row, or its
  /// last row when it has too few.
  case countMismatch(
    sequenceFile: String, sequenceCount: Int, labelFile: String, labelCount: Int, line: Int)
  /// A label file holds no label row.
  case emptyLabelFile(file: String)

  /// The file the error is about (the label file for a count mismatch).
  public var file: String {
    switch self {
    case .missingLabel(let file, _, _, _), .invalidLabel(let file, _, _),
      .invalidHeaderLabel(let file, _, _, _),
      .taskCount(let file, _, _, _),
      .countMismatch(_, _, let file, _, _), .emptyLabelFile(let file):
      return file
    }
  }

  /// A compiler-style message with a remedy.
  public var description: String {
    switch self {
    case .missingLabel(let file, let line, let record, let key):
      return
        "\(file):\(line): record '\(record)' has no '\(key)=' attribute in its header; "
        + "add one (e.g. '>\(record) \(key)=1') or give the labels in a target file"
    case .invalidLabel(let file, let line, let value):
      return "\(file):\(line): label '\(value)' is not a number; labels are numbers such as 0 or 1"
    case .invalidHeaderLabel(let file, let line, let record, let value):
      return
        "\(file):\(line): record '\(record)' has label '\(value)', which is not a number; "
        + "write numbers such as 'label=1' (or 'label=1,0' for two tasks)"
    case .taskCount(let file, let line, let expected, let actual):
      return
        "\(file):\(line): \(actual) labels but the first row has \(expected); "
        + "give every record one label per task"
    case .countMismatch(
      let sequenceFile, let sequenceCount, let labelFile, let labelCount, let line):
      return
        "\(labelFile):\(line): \(labelCount) label rows but \(sequenceFile) holds \(sequenceCount) "
        + "records; give exactly one label row per record, in the same order"
    case .emptyLabelFile(let file):
      return "\(file): the file holds no label row; give one row of labels per record"
    }
  }
}
