import Foundation

/// An independent reader of stored (uncompressed) zip archives and float32 `.npy` entries,
/// used to check the exporters' output without the code under test.
struct ZipReader {
  struct Entry: Equatable {
    let name: String
    let crc: UInt32
    let data: [UInt8]
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  let bytes: [UInt8]

  func uint16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
  func uint32(_ offset: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
  }

  /// The CRC-32 (polynomial 0xEDB88320), bit by bit.
  static func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }

  /// Reads the entries through the central directory, checking each local header against it.
  func entries() throws -> [Entry] {
    let end = bytes.count - 22
    guard end >= 0, uint32(end) == 0x0605_4B50 else {
      throw Failure(description: "no end-of-central-directory record")
    }
    let count = uint16(end + 10)
    guard uint16(end + 8) == count, uint16(end + 20) == 0 else {
      throw Failure(description: "bad end record")
    }
    var position = Int(uint32(end + 16))
    guard position + Int(uint32(end + 12)) == end else {
      throw Failure(description: "central directory size/offset do not meet the end record")
    }
    var entries: [Entry] = []
    for _ in 0..<count {
      guard uint32(position) == 0x0201_4B50, uint16(position + 10) == 0 else {
        throw Failure(description: "bad central header")
      }
      let crc = uint32(position + 16)
      let size = Int(uint32(position + 20))
      guard Int(uint32(position + 24)) == size else {
        throw Failure(description: "compressed size != size")
      }
      let nameLength = uint16(position + 28)
      let extra = uint16(position + 30) + uint16(position + 32)
      let local = Int(uint32(position + 42))
      let name = String(
        decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
      guard uint32(local) == 0x0403_4B50, uint16(local + 8) == 0, uint32(local + 14) == crc,
        Int(uint32(local + 18)) == size, Int(uint32(local + 22)) == size,
        uint16(local + 26) == nameLength
      else {
        throw Failure(description: "local header of \(name) disagrees with the central directory")
      }
      let start = local + 30 + nameLength + uint16(local + 28)
      entries.append(Entry(name: name, crc: crc, data: Array(bytes[start..<(start + size)])))
      position += 46 + nameLength + extra
    }
    return entries
  }

  /// Parses a little-endian float32 `.npy` payload into its header text, shape and values.
  static func npy(_ data: [UInt8]) throws -> (header: String, shape: [Int], values: [Float]) {
    guard data.count >= 10, data[0] == 0x93,
      String(decoding: data[1..<6], as: UTF8.self) == "NUMPY", data[6] == 1, data[7] == 0
    else { throw Failure(description: "not an .npy v1.0 payload") }
    let length = Int(data[8]) | Int(data[9]) << 8
    guard (10 + length) % 64 == 0 else { throw Failure(description: "data not 64-byte aligned") }
    let header = String(decoding: data[10..<(10 + length)], as: UTF8.self)
    guard header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': ("),
      header.hasSuffix("\n"),
      let open = header.firstIndex(of: "("), let close = header.firstIndex(of: ")")
    else { throw Failure(description: "unexpected header \(header)") }
    let shape = header[header.index(after: open)..<close].split(separator: ",")
      .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    let payload = Array(data[(10 + length)...])
    guard payload.count == 4 * shape.reduce(1, *) else {
      throw Failure(description: "payload size")
    }
    let values = stride(from: 0, to: payload.count, by: 4).map { offset in
      Float(
        bitPattern: (0..<4).reduce(UInt32(0)) {
          $0 | UInt32(payload[offset + $1]) << (8 * UInt32($1))
        })
    }
    return (header, shape, values)
  }
}
