import Foundation

/// The `name = value` lines of a params file with their line numbers (internal).
struct DeepBindParamsReader {
  /// The keys of the DeepBind 0.1 format.
  static let keys: Set<String> = [
    "reverse_complement", "num_detectors", "detector_len", "has_avg_pooling", "num_hidden",
    "detectors", "thresholds", "weights1", "biases1", "weights2", "biases2",
  ]

  let file: String
  /// Each key's value text, line number and the 1-based column where the value starts.
  private var entries: [String: (value: Substring, line: Int, column: Int)] = [:]
  private let lastLine: Int

  init(text: String, file: String) throws(DeepBindParamsError) {
    self.file = file
    // DeepBind's own files end lines with CRLF; a Swift `Character` holds "\r\n" as one newline.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    let header = lines.first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
    guard header == "# deepbind 0.1" else {
      throw .missingHeader(file: file, line: 1, found: header)
    }
    var last = 1
    for (index, line) in lines.enumerated().dropFirst() {
      let number = index + 1
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.isEmpty { continue }
      last = number
      if trimmed.hasPrefix("#") { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw .unexpectedLine(file: file, line: number, text: String(line))
      }
      let key = String(line[..<equals]).trimmingCharacters(in: .whitespaces)
      guard Self.keys.contains(key) else {
        throw .unexpectedLine(file: file, line: number, text: String(line))
      }
      guard entries[key] == nil else { throw .duplicateKey(file: file, line: number, key: key) }
      let valueStart = line.index(after: equals)
      let column = line.distance(from: line.startIndex, to: valueStart) + 1
      entries[key] = (line[valueStart...], number, column)
    }
    lastLine = last
  }

  private func entry(_ key: String) throws(DeepBindParamsError) -> (
    value: Substring, line: Int, column: Int
  ) {
    guard let entry = entries[key] else { throw .missingKey(file: file, line: lastLine, key: key) }
    return entry
  }

  /// An integer setting within `allowed`.
  func integer(_ key: String, allowed: ClosedRange<Int>, expected: String)
    throws(DeepBindParamsError) -> Int
  {
    let entry = try entry(key)
    let text = String(entry.value).trimmingCharacters(in: .whitespaces)
    guard let value = Int(text), allowed.contains(value) else {
      throw .invalidInteger(file: file, line: entry.line, key: key, text: text, expected: expected)
    }
    return value
  }

  /// A comma-separated array of exactly `count` finite floats (an empty value is 0 floats).
  func floats(_ key: String, count: Int, rule: String) throws(DeepBindParamsError) -> [Float] {
    let entry = try entry(key)
    var values: [Float] = []
    values.reserveCapacity(min(count, entry.value.utf8.count / 2 + 1))
    var column = entry.column
    if !entry.value.allSatisfy({ $0 == " " || $0 == "\t" }) {
      for token in entry.value.split(separator: ",", omittingEmptySubsequences: false) {
        let leading = token.prefix { $0 == " " || $0 == "\t" }.count
        let text = token.trimmingCharacters(in: .whitespaces)
        guard let value = Float(text), value.isFinite else {
          throw .invalidFloat(
            file: file, line: entry.line, column: column + leading, key: key, text: text)
        }
        values.append(value)
        column += token.count + 1
      }
    }
    guard values.count == count else {
      throw .wrongValueCount(
        file: file, line: entry.line, key: key, expected: count, actual: values.count, rule: rule)
    }
    return values
  }
}
