/// A mistake in a run configuration, naming the file, the line and the key.
public enum RunConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file cannot be read.
  case unreadable(file: String, reason: String)
  /// The file is not YAML or JSON.
  case syntax(file: String, line: Int, column: Int, problem: String)
  /// A required key is missing from a mapping.
  case missingKey(file: String, line: Int, key: String)
  /// A key that no setting has (a typo, usually).
  case unknownKey(file: String, line: Int, key: String, known: [String])
  /// A value of the wrong type or out of range.
  case invalidValue(file: String, line: Int, key: String, value: String, expected: String)

  /// An invalid value found after decoding; ``RunConfiguration/load(from:)`` adds the file and line.
  static func invalid(key: String, value: String, expected: String) -> RunConfigurationError {
    .invalidValue(file: "", line: 0, key: key, value: value, expected: expected)
  }

  /// The key the error names (empty for unreadable files and syntax errors).
  var key: String {
    switch self {
    case .unreadable, .syntax: return ""
    case .missingKey(_, _, let key), .unknownKey(_, _, let key, _),
      .invalidValue(_, _, let key, _, _):
      return key
    }
  }

  /// The same error in `file` at `line`.
  func located(file: String, line: Int) -> RunConfigurationError {
    switch self {
    case .unreadable, .syntax: return self
    case .missingKey(_, _, let key): return .missingKey(file: file, line: line, key: key)
    case .unknownKey(_, _, let key, let known):
      return .unknownKey(file: file, line: line, key: key, known: known)
    case .invalidValue(_, _, let key, let value, let expected):
      return .invalidValue(file: file, line: line, key: key, value: value, expected: expected)
    }
  }

  /// A compiler-style message, `file:line: what is wrong`, naming the key and, for a key that
  /// is unknown or missing, what to write instead.
  public var description: String {
    func place(_ file: String, _ line: Int) -> String {
      file.isEmpty ? "run configuration" : "\(file):\(line)"
    }
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the run configuration (\(reason))"
    case .syntax(let file, let line, let column, let problem):
      return "\(file):\(line):\(column): not valid YAML or JSON: \(problem)"
    case .missingKey(let file, let line, let key):
      return
        "\(place(file, line)): missing key '\(key)'; `sanity run --print-config` writes a complete configuration"
    case .unknownKey(let file, let line, let key, let known):
      return
        "\(place(file, line)): unknown key '\(key)'; the keys here are \(known.joined(separator: ", "))"
    case .invalidValue(let file, let line, let key, let value, let expected):
      return "\(place(file, line)): key '\(key)' is '\(value)'; expected \(expected)"
    }
  }
}
