import Foundation

/// A JSON value, as Keras model configurations hold them.
///
/// Keras configurations are free-form JSON whose keys vary between Keras versions, so they are
/// read into this tree rather than into fixed `Codable` structs; typed accessors on
/// ``KerasLayerEntry`` turn fields into checked Swift values with errors naming the layer.
enum JSONValue: Equatable, Sendable, Codable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .number(let value):
      if value.rounded() == value, abs(value) < 0x1p53 {
        try container.encode(Int64(value))
      } else {
        try container.encode(value)
      }
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// Parses JSON text.
  /// - Parameter text: The JSON.
  /// - Returns: The value, or `nil` if the text is not valid JSON.
  static func parse(_ text: String) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  /// The value as compact JSON with sorted keys (deterministic output).
  var serialized: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }

  /// A number that holds a `Float` exactly as written in decimal (`0.001`, not `0.0010000000474974513`).
  /// - Parameter value: The float.
  /// - Returns: `.number` with the shortest decimal that reads back as `value`.
  static func decimal(_ value: Float) -> JSONValue {
    .number(Double("\(value)") ?? Double(value))
  }

  /// An array of integers.
  static func integers(_ values: [Int]) -> JSONValue { .array(values.map { .number(Double($0)) }) }

  /// The member `key` of an object, or `nil`.
  subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The string, or `nil` for other values.
  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number as an `Int` when it is integral, or `nil`.
  var integer: Int? {
    if case .number(let value) = self, value.rounded() == value, abs(value) < 0x1p53 {
      return Int(value)
    }
    return nil
  }

  /// The number, or `nil`.
  var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The Boolean, or `nil`.
  var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The elements of an array, or `nil`.
  var array: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The members of an object, or `nil`.
  var object: [String: JSONValue]? {
    if case .object(let value) = self { return value }
    return nil
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral
{
  init(stringLiteral value: String) { self = .string(value) }
  init(integerLiteral value: Int) { self = .number(Double(value)) }
  init(floatLiteral value: Double) { self = .number(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
}
