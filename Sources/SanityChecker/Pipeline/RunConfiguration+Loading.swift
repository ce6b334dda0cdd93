import Foundation
import Yams

extension RunConfiguration {
  /// Reads a configuration from a YAML or JSON file (JSON is read as the YAML it also is).
  ///
  /// Every mistake is reported with the file, the line and the key: a syntax error, a missing
  /// or unknown key, a value of the wrong type, or a value out of range (``validate()``).
  /// - Parameter url: The `.yaml`, `.yml` or `.json` file.
  /// - Returns: The checked configuration.
  /// - Throws: ``RunConfigurationError``.
  public static func load(from url: URL) throws(RunConfigurationError) -> RunConfiguration {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadable(file: url.path, reason: SystemErrorReason.reading(error))
    }
    return try parse(text, file: url.path)
  }

  /// Reads a configuration from YAML or JSON text.
  /// - Parameters:
  ///   - text: The text.
  ///   - file: The file name used in errors.
  /// - Returns: The checked configuration.
  /// - Throws: ``RunConfigurationError``.
  public static func parse(_ text: String, file: String) throws(RunConfigurationError)
    -> RunConfiguration
  {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw RunConfigurationError.syntax(
          file: file, line: 1, column: 1, problem: "the file is empty")
      }
      root = node
    } catch let error as RunConfigurationError {
      throw error
    } catch let error as YamlError {
      throw syntaxError(error, file: file)
    } catch {
      throw .syntax(file: file, line: 1, column: 1, problem: String(describing: error))
    }
    // Unknown keys first, so that a misspelt key is named as such rather than as a missing one.
    try checkKeys(root, against: [encoded(template)].compactMap { $0 }, path: "", file: file)
    let configuration: RunConfiguration
    do {
      configuration = try YAMLDecoder().decode(RunConfiguration.self, from: root)
    } catch let error as DecodingError {
      throw decodingError(error, file: file, root: root)
    } catch {
      throw .syntax(file: file, line: 1, column: 1, problem: String(describing: error))
    }
    do {
      try configuration.validate()
    } catch {
      throw error.located(file: file, line: line(of: error.key, in: root))
    }
    return configuration
  }

  /// The configuration as YAML, in declaration order (what `sanity run --print-config` writes).
  /// - Returns: The YAML text.
  public func yaml() -> String {
    (try? YAMLEncoder().encode(self)) ?? ""
  }

  /// A syntax error with its place.
  static func syntaxError(_ error: YamlError, file: String) -> RunConfigurationError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .syntax(file: file, line: mark.line, column: mark.column, problem: problem)
    default:
      return .syntax(file: file, line: 1, column: 1, problem: String(describing: error))
    }
  }

  /// A decoding error as a configuration error at the key's line.
  static func decodingError(_ error: DecodingError, file: String, root: Node)
    -> RunConfigurationError
  {
    func name(_ path: [any CodingKey]) -> String {
      path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(
        "."
      ).description
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = name(context.codingPath)
      let full = parent.isEmpty ? key.stringValue : parent + "." + key.stringValue
      return .missingKey(file: file, line: line(of: parent, in: root), key: full)
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      let key = name(context.codingPath)
      return .invalidValue(
        file: file, line: line(of: key, in: root), key: key,
        value: node(at: key, in: root)?.string ?? "(a \(kind(of: node(at: key, in: root))))",
        expected: expectedName(type))
    case .dataCorrupted(let context):
      let key = name(context.codingPath)
      return .invalidValue(
        file: file, line: line(of: key, in: root), key: key,
        value: node(at: key, in: root)?.string ?? "",
        expected: context.debugDescription)
    @unknown default:
      return .syntax(file: file, line: 1, column: 1, problem: String(describing: error))
    }
  }

  /// A configuration as a YAML node.
  static func encoded(_ configuration: RunConfiguration) -> Node? {
    (try? YAMLEncoder().encode(configuration)).flatMap { try? Yams.compose(yaml: $0) }
  }

  /// The demo's configuration with every optional setting present: the keys it has are every key
  /// there is.
  static var template: RunConfiguration {
    var template = demo()
    template.memory = "1G"
    template.methodSettings.layer = "conv1d_1"
    template.methodSettings.maxPooling = "difference-routing"
    template.methodSettings.lrpComposite = "conservative"
    template.checks.labelRandomization?.trainingLimit = 1
    template.checks.reverseComplement?.threshold = 0.9
    return template
  }

  /// Every key of `node` must be a key of the same mapping in one of `known` (``template``
  /// encoded); `null` values are allowed for optional keys.
  static func checkKeys(_ node: Node, against known: [Node], path: String, file: String)
    throws(RunConfigurationError)
  {
    if let mapping = node.mapping {
      let knownMappings = known.compactMap(\.mapping)
      for (keyNode, value) in mapping {
        let key = keyNode.string ?? ""
        let full = path.isEmpty ? key : path + "." + key
        let matches = knownMappings.compactMap { $0[key] }
        guard !matches.isEmpty else {
          if value.null != nil { continue }
          var names: [String] = []
          for mapping in knownMappings {
            for name in mapping.keys.compactMap(\.string) where !names.contains(name) {
              names.append(name)
            }
          }
          throw .unknownKey(file: file, line: keyNode.mark?.line ?? 0, key: full, known: names)
        }
        try checkKeys(value, against: matches, path: full, file: file)
      }
    } else if let sequence = node.sequence {
      for (index, element) in sequence.enumerated() {
        let matches = known.compactMap { $0.sequence }.compactMap {
          index < $0.count ? $0[index] : $0.first
        }
        try checkKeys(element, against: matches, path: "\(path)[\(index)]", file: file)
      }
    }
  }

  /// The node at a dotted key path such as `checks.modelRandomization.metrics[1]`.
  static func node(at key: String, in root: Node) -> Node? {
    var current: Node? = root
    for part in key.split(separator: ".") {
      var name = Substring(part)
      var indices: [Int] = []
      while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
        indices.insert(
          Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) ?? 0, at: 0)
        name = name[..<open]
      }
      if !name.isEmpty { current = current?.mapping?[String(name)] }
      for index in indices {
        guard let sequence = current?.sequence, index < sequence.count else { return current }
        current = sequence[index]
      }
    }
    return current
  }

  /// The line of a key's value (the closest present parent's when it is missing).
  static func line(of key: String, in root: Node) -> Int {
    var parts = key.split(separator: ".").map(String.init)
    while !parts.isEmpty {
      if let found = node(at: parts.joined(separator: "."), in: root), let mark = found.mark {
        return mark.line
      }
      parts.removeLast()
    }
    return root.mark?.line ?? 1
  }

  /// A node's kind in words.
  static func kind(of node: Node?) -> String {
    switch node {
    case .mapping?: return "mapping"
    case .sequence?: return "list"
    case .scalar?: return "value"
    default: return "missing value"
    }
  }

  /// A decoded type in words.
  static func expectedName(_ type: Any.Type) -> String {
    switch type {
    case is Int.Type, is UInt64.Type, is Int?.Type: return "a whole number"
    case is Float.Type, is Double.Type: return "a number"
    case is Bool.Type: return "true or false"
    case is String.Type, is String?.Type: return "a text"
    default:
      let name = String(describing: type)
      return name.hasPrefix("Array")
        ? "a list" : name.hasPrefix("Dictionary") ? "a mapping" : "a mapping (\(name))"
    }
  }
}
