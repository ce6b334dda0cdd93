/// An error in a DeepBind params text file (`# deepbind 0.1`), naming the file and line.
public enum DeepBindParamsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The first line is not `# deepbind 0.1`.
  case missingHeader(file: String, line: Int, found: String)
  /// A line is not `name = value`, or names a key the format does not have.
  case unexpectedLine(file: String, line: Int, text: String)
  /// A key appears twice.
  case duplicateKey(file: String, line: Int, key: String)
  /// A required key is absent; `line` is the file's last line.
  case missingKey(file: String, line: Int, key: String)
  /// An integer setting is not a valid value.
  case invalidInteger(file: String, line: Int, key: String, text: String, expected: String)
  /// A value of an array is not a finite decimal float; `column` is 1-based.
  case invalidFloat(file: String, line: Int, column: Int, key: String, text: String)
  /// An array has the wrong number of values for the model's sizes.
  case wrongValueCount(
    file: String, line: Int, key: String, expected: Int, actual: Int, rule: String)

  /// A compiler-style message, `file:line[:column]: problem; remedy`.
  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the file (\(reason)); check the path and permissions"
    case .missingHeader(let file, let line, let found):
      return "\(file):\(line): expected the header '# deepbind 0.1', found '\(found)'; "
        + "pass a DeepBind params file (db/params/<ID>.txt)"
    case .unexpectedLine(let file, let line, let text):
      return "\(file):\(line): unexpected line '\(Self.clipped(text))'; "
        + "expected 'name = value' with a DeepBind 0.1 key"
    case .duplicateKey(let file, let line, let key):
      return "\(file):\(line): key '\(key)' appears twice; keep one definition"
    case .missingKey(let file, let line, let key):
      return "\(file):\(line): missing key '\(key)'; the params file is incomplete, fetch it again"
    case .invalidInteger(let file, let line, let key, let text, let expected):
      return "\(file):\(line): '\(key)' is '\(text)', expected \(expected); fix the value"
    case .invalidFloat(let file, let line, let column, let key, let text):
      return "\(file):\(line):\(column): invalid number '\(Self.clipped(text))' in '\(key)'; "
        + "expected a finite decimal float such as -9.928660840e-02"
    case .wrongValueCount(let file, let line, let key, let expected, let actual, let rule):
      return "\(file):\(line): '\(key)' has \(actual) values, expected \(expected) (\(rule)); "
        + "the array does not match the sizes declared above it"
    }
  }

  private static func clipped(_ text: String) -> String {
    text.count <= 40 ? text : String(text.prefix(40)) + "…"
  }
}
