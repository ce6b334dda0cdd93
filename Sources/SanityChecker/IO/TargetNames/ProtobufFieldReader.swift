import Foundation

/// Walks the top-level fields of a protobuf message without decoding them.
struct ProtobufFieldReader {
  /// The message.
  let data: Data
  /// The next byte to read, from `data.startIndex`.
  private(set) var offset = 0

  /// Creates a reader at the message's first byte.
  init(data: Data) { self.data = data }

  /// Whether every field has been read.
  var isAtEnd: Bool { offset >= data.count }

  /// The next field's number and, for a length-delimited field, its bytes; `nil` when the
  /// message is damaged (a truncated varint or length, an unknown wire type).
  mutating func nextField() -> (field: UInt64, bytes: Data?)? {
    guard let tag = varint() else { return nil }
    switch tag & 7 {
    case 0:
      return varint().map { _ in (tag >> 3, nil) }
    case 1, 5:
      let width = tag & 7 == 1 ? 8 : 4
      guard data.count - offset >= width else { return nil }
      offset += width
      return (tag >> 3, nil)
    case 2:
      guard let length = varint(), length <= UInt64(data.count - offset) else { return nil }
      let start = data.startIndex + offset
      offset += Int(length)
      return (tag >> 3, data[start..<(start + Int(length))])
    default:
      return nil
    }
  }

  /// Reads a base-128 varint.
  private mutating func varint() -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < data.count, shift < 64 {
      let byte = data[data.startIndex + offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    return nil
  }
}
