/// An error in a DeepBind `.seq` file, located compiler-style as `file:line[:column]`.
public enum SeqFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist.
  case fileNotFound(file: String)
  /// The file could not be opened or read; `detail` says why.
  case unreadable(file: String, detail: String)
  /// The file is gzip-compressed but its compressed data is corrupt or truncated; `line` is the
  /// line of the decompressed text reached when the defect was found.
  case corruptGzip(file: String, line: Int, detail: String)
  /// The file has no header or no data row.
  case emptyFile(file: String)
  /// The header lacks a required column (`EventID`, `seq` or `Bound`).
  case missingColumn(file: String, line: Int, column: String)
  /// A row has a different number of tab-separated columns than the header.
  case columnCount(file: String, line: Int, expected: Int, actual: Int)
  /// A `Bound` value is not a finite number.
  case invalidLabel(file: String, line: Int, value: String, record: String)
  /// A `seq` value holds a byte that is not a nucleotide code.
  case invalidCharacter(file: String, line: Int, column: Int, character: UInt8, record: String)
  /// A `seq` value is empty.
  case emptySequence(file: String, line: Int, record: String)

  /// A line (one record) is longer than the reader may hold.
  case lineTooLong(file: String, line: Int, maximum: Int)

  /// Maps an error of the byte reader to the error that names the same file.
  init(_ error: GzipError, line: Int) {
    switch error {
    case .fileNotFound(let file):
      self = .fileNotFound(file: file)
    case .systemError(let file, _, _):
      self = .unreadable(file: file, detail: error.detail)
    case .corrupt(let file, _, _), .truncated(let file, _):
      self = .corruptGzip(file: file, line: line, detail: error.detail)
    case .lineTooLong(let file, let line, let maximum):
      self = .lineTooLong(file: file, line: line, maximum: maximum)
    }
  }

  /// The 1-based line the error is on, when it has one.
  public var line: Int? {
    switch self {
    case .missingColumn(_, let line, _), .columnCount(_, let line, _, _),
      .invalidLabel(_, let line, _, _), .invalidCharacter(_, let line, _, _, _),
      .emptySequence(_, let line, _), .lineTooLong(_, let line, _):
      return line
    case .corruptGzip(_, let line, _):
      return line
    case .fileNotFound, .unreadable, .emptyFile:
      return nil
    }
  }

  /// A compiler-style message with a remedy.
  public var description: String {
    let header = "'FoldID<TAB>EventID<TAB>seq<TAB>Bound'"
    switch self {
    case .fileNotFound(let file):
      return "\(file): no such .seq file; check the path"
    case .unreadable(let file, let detail):
      return "\(file): \(detail)"
    case .corruptGzip(let file, let line, let detail):
      return "\(file):\(line): \(detail)"
    case .emptyFile(let file):
      return
        "\(file): the file holds no rows; expected the header \(header) and one row per sequence"
    case .missingColumn(let file, let line, let column):
      return "\(file):\(line): the header has no '\(column)' column; expected the header \(header)"
    case .columnCount(let file, let line, let expected, let actual):
      return
        "\(file):\(line): the row has \(actual) tab-separated columns but the header has "
        + "\(expected); separate columns with single tabs"
    case .invalidLabel(let file, let line, let value, let record):
      return
        "\(file):\(line): the Bound value '\(value)' of record '\(record)' is not a number; "
        + "expected 1 (bound) or 0 (unbound)"
    case .invalidCharacter(let file, let line, let column, let character, let record):
      return
        "\(file):\(line):\(column): invalid character \(NucleotideAlphabet.quoted(character)) "
        + "in record '\(record)'; expected A, C, G, T, N or an IUPAC code"
    case .lineTooLong(let file, let line, let maximum):
      return
        "\(file):\(line): the row is longer than \(maximum) bytes, the most this run reads; "
        + "give sequences of the model's input length (raise --memory for longer ones)"
    case .emptySequence(let file, let line, let record):
      return
        "\(file):\(line): record '\(record)' has an empty seq column; remove the row or add its bases"
    }
  }
}
