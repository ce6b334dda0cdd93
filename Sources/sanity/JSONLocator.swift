/// Finds where a JSON text goes wrong, or where a value sits, as a line and column.
///
/// A small recursive-descent scanner over the bytes (RFC 8259, plus the `"nan"`-style strings the
/// results use are ordinary strings). It only locates; decoding is left to `JSONDecoder`.
struct JSONLocator {
  /// A 1-based line and column (in bytes) with what was expected there.
  struct Location: Equatable {
    var line: Int
    var column: Int
    var problem: String
  }

  private let bytes: [UInt8]
  private var offset = 0
  private var depth = 0
  private var path: [String] = []
  private var target: [String]?
  private var found: Int?

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The first syntax error, or `nil` when the text is valid JSON.
  static func syntaxError(in bytes: [UInt8]) -> Location? {
    var scanner = JSONLocator(bytes)
    do {
      scanner.skipSpace()
      try scanner.value()
      scanner.skipSpace()
      guard scanner.offset == bytes.count else {
        throw scanner.failure("end of file after the top-level value")
      }
      return nil
    } catch let failure as Failure {
      return failure.location
    } catch {
      return nil
    }
  }

  /// The position of the value at `path` (keys, and array indices written as numbers).
  static func location(of path: [String], in bytes: [UInt8]) -> Location? {
    var scanner = JSONLocator(bytes)
    scanner.target = path
    scanner.skipSpace()
    try? scanner.value()
    return scanner.found.map { scanner.location(at: $0, problem: "") }
  }

  private struct Failure: Error { var location: Location }

  private func location(at offset: Int, problem: String) -> Location {
    var line = 1
    var column = 1
    for byte in bytes[..<min(offset, bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return Location(line: line, column: column, problem: problem)
  }

  private func failure(_ expected: String) -> Failure {
    let seen =
      offset < bytes.count ? "'\(Character(UnicodeScalar(bytes[offset])))'" : "the end of the file"
    return Failure(location: location(at: offset, problem: "expected \(expected), found \(seen)"))
  }

  private mutating func skipSpace() {
    while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
  }

  private mutating func value() throws {
    if let target, found == nil, path == target { found = offset }
    guard offset < bytes.count else { throw failure("a value") }
    depth += 1
    defer { depth -= 1 }
    guard depth < 512 else { throw failure("less deeply nested values") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): try object()
    case UInt8(ascii: "["): try array()
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
    default: throw failure("a value")
    }
  }

  private mutating func object() throws {
    offset += 1
    skipSpace()
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
      offset += 1
      return
    }
    while true {
      skipSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
        throw failure("a key in quotes")
      }
      let key = try string()
      skipSpace()
      try expect(":", "':' after the key")
      skipSpace()
      path.append(key)
      try value()
      path.removeLast()
      skipSpace()
      if offset < bytes.count, bytes[offset] == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      try expect("}", "',' or '}'")
      return
    }
  }

  private mutating func array() throws {
    offset += 1
    skipSpace()
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
      offset += 1
      return
    }
    var index = 0
    while true {
      skipSpace()
      path.append(String(index))
      try value()
      path.removeLast()
      index += 1
      skipSpace()
      if offset < bytes.count, bytes[offset] == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      try expect("]", "',' or ']'")
      return
    }
  }

  private mutating func string() throws -> String {
    let start = offset + 1
    offset += 1
    while offset < bytes.count {
      switch bytes[offset] {
      case UInt8(ascii: "\""):
        offset += 1
        return String(decoding: bytes[start..<(offset - 1)], as: UTF8.self)
      case UInt8(ascii: "\\"): offset += 2
      case 0..<0x20: throw failure("a closing '\"' (control characters must be escaped)")
      default: offset += 1
      }
    }
    throw failure("a closing '\"'")
  }

  private mutating func literal(_ word: String) throws {
    for byte in word.utf8 {
      guard offset < bytes.count, bytes[offset] == byte else { throw failure("'\(word)'") }
      offset += 1
    }
  }

  private mutating func number() throws {
    let start = offset
    let numberBytes = Set("+-0123456789.eE".utf8)
    while offset < bytes.count, numberBytes.contains(bytes[offset]) { offset += 1 }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    guard Double(text) != nil else {
      offset = start
      throw failure("a number")
    }
  }

  private mutating func expect(_ character: Character, _ description: String) throws {
    guard offset < bytes.count, let ascii = character.asciiValue, bytes[offset] == ascii else {
      throw failure(description)
    }
    offset += 1
  }
}
