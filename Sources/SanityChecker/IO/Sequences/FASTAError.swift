/// An error in a FASTA file, located compiler-style as `file:line:column`.
///
/// Every message names the file and, where there is one, the line (1-based) and column
/// (1-based, in bytes), and ends with a remedy:
///
/// ```
/// peaks.fa:12:37: invalid character 'X' in record 'chr1:100-200'; expected A, C, G, T, N or an IUPAC code
/// ```
public enum FASTAError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist.
  case fileNotFound(file: String)
  /// The file could not be opened or read; `detail` says why.
  case unreadable(file: String, detail: String)
  /// The file is gzip-compressed but its compressed data is corrupt or truncated; `line` is the
  /// line of the decompressed text reached when the defect was found.
  case corruptGzip(file: String, line: Int, detail: String)
  /// The file holds no record at all (it is empty or has only blank lines).
  case emptyFile(file: String)
  /// Sequence text appears before the first `>` header.
  case sequenceBeforeHeader(file: String, line: Int)
  /// A record has a header but no bases.
  case emptyRecord(file: String, line: Int, record: String)
  /// A record has more bases than the reader may hold (`line` is its header's line).
  case recordTooLong(file: String, line: Int, record: String, maximum: Int)
  /// A sequence line holds a byte that is not a nucleotide code.
  case invalidCharacter(file: String, line: Int, column: Int, character: UInt8, record: String)

  /// Maps an error of the byte reader to the error that names the same file.
  init(_ error: GzipError, line: Int) {
    switch error {
    case .fileNotFound(let file):
      self = .fileNotFound(file: file)
    case .systemError(let file, _, _), .lineTooLong(let file, _, _):
      self = .unreadable(file: file, detail: error.detail)
    case .corrupt(let file, _, _), .truncated(let file, _):
      self = .corruptGzip(file: file, line: line, detail: error.detail)
    }
  }

  /// The file the error is about.
  public var file: String {
    switch self {
    case .fileNotFound(let file), .unreadable(let file, _), .corruptGzip(let file, _, _),
      .emptyFile(let file), .sequenceBeforeHeader(let file, _), .emptyRecord(let file, _, _),
      .invalidCharacter(let file, _, _, _, _), .recordTooLong(let file, _, _, _):
      return file
    }
  }

  /// The 1-based line the error is on, when it has one.
  public var line: Int? {
    switch self {
    case .sequenceBeforeHeader(_, let line), .emptyRecord(_, let line, _),
      .invalidCharacter(_, let line, _, _, _), .recordTooLong(_, let line, _, _):
      return line
    case .corruptGzip(_, let line, _):
      return line
    case .fileNotFound, .unreadable, .emptyFile:
      return nil
    }
  }

  /// A compiler-style message with a remedy.
  public var description: String {
    switch self {
    case .fileNotFound(let file):
      return "\(file): no such FASTA file; check the path"
    case .unreadable(let file, let detail):
      return "\(file): \(detail)"
    case .corruptGzip(let file, let line, let detail):
      return "\(file):\(line): \(detail)"
    case .emptyFile(let file):
      return "\(file): the file holds no FASTA record; expected a '>' header line followed by bases"
    case .sequenceBeforeHeader(let file, let line):
      return
        "\(file):\(line): sequence text before the first '>' header; add a header line such as '>seq1'"
    case .emptyRecord(let file, let line, let record):
      return
        "\(file):\(line): record '\(record)' has no bases; remove the header or add its sequence"
    case .recordTooLong(let file, let line, let record, let maximum):
      return
        "\(file):\(line): record '\(record)' is longer than \(maximum) bases, the most this run "
        + "reads (the model's input length, or a share of --memory for a model that takes any length); "
        + "give sequences of the model's input length (--lengths pad:N or crop:N makes them so)"
    case .invalidCharacter(let file, let line, let column, let character, let record):
      return
        "\(file):\(line):\(column): invalid character \(NucleotideAlphabet.quoted(character)) "
        + "in record '\(record)'; expected A, C, G, T, N or an IUPAC code"
    }
  }
}
