/// An error reading or writing a plain or gzip-compressed file.
///
/// Each case names the file as it was given (its relative path when the URL was made from a
/// relative path), so messages read like a compiler's: `peaks.fa.gz: …`.
public enum GzipError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist.
  case fileNotFound(file: String)
  /// The operating system refused to open, read or write the file.
  case systemError(file: String, operation: String, reason: String)
  /// The compressed stream is not valid deflate/gzip data.
  case corrupt(file: String, offset: Int, reason: String)
  /// The compressed stream ends before its last member is complete.
  case truncated(file: String, offset: Int)
  /// A text line is longer than the reader may hold (`line` is 1-based).
  case lineTooLong(file: String, line: Int, maximum: Int)

  /// The file the error is about.
  public var file: String {
    switch self {
    case .fileNotFound(let file), .systemError(let file, _, _), .corrupt(let file, _, _),
      .truncated(let file, _), .lineTooLong(let file, _, _):
      return file
    }
  }

  /// The message without the file name: what went wrong and a remedy.
  public var detail: String {
    switch self {
    case .fileNotFound:
      return "no such file; check the path"
    case .systemError(_, let operation, let reason):
      return "cannot \(operation): \(reason); check the path and its permissions"
    case .corrupt(_, let offset, let reason):
      return
        "corrupt gzip data near compressed byte \(offset) (\(reason)); "
        + "re-download the file or re-compress it with gzip"
    case .truncated(_, let offset):
      return
        "gzip stream is truncated after \(offset) compressed bytes; "
        + "the file is incomplete, re-download it or re-compress it with gzip"
    case .lineTooLong(_, let line, let maximum):
      return
        "line \(line) is longer than \(maximum) bytes, the most this run reads; "
        + "give sequences of the model's input length (raise --memory for longer ones)"
    }
  }

  /// A message naming the file, with a remedy.
  public var description: String { "\(file): \(detail)" }
}
