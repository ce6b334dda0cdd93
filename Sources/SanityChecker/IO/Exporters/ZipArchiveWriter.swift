import CZlib
import Foundation

/// Writes a zip archive whose entries are stored (method 0, no compression).
///
/// The layout is what NumPy's `savez` writes: local file headers with the CRC-32 and sizes, the data, then the central
/// directory and its end record. Timestamps are fixed at 1980-01-01 00:00 so equal contents
/// give equal bytes. No ZIP64 records: every size and offset must stay below 4 GiB.
///
/// Reference: PKWARE APPNOTE.TXT 6.3.10, §4.3.7 (local header), §4.3.12 (central directory),
/// §4.3.16 (end of central directory).
struct ZipArchiveWriter {
  /// One entry already written, remembered for the central directory.
  private struct Entry {
    let name: [UInt8]
    let crc: UInt32
    let size: UInt32
    let offset: UInt32
  }

  private let handle: FileHandle
  private let file: String
  private var entries: [Entry] = []
  private var offset = 0

  /// DOS date 1980-01-01 (day 1, month 1, year 0) and time 00:00:00.
  private static let dosDate: UInt16 = 0x0021
  private static let dosTime: UInt16 = 0

  /// Starts an archive in an open, empty file.
  /// - Parameters:
  ///   - handle: The file to write.
  ///   - file: Its name, for messages.
  init(handle: FileHandle, file: String) {
    self.handle = handle
    self.file = file
  }

  /// The CRC-32 (ISO-HDLC, as zip uses) of byte chunks, through zlib.
  static func crc32(_ chunks: [[UInt8]]) -> UInt32 {
    var crc = CZlib.crc32(0, nil, 0)
    for chunk in chunks {
      chunk.withUnsafeBufferPointer { bytes in
        var start = 0
        while start < bytes.count {
          let length = min(bytes.count - start, Int(UInt32.max))
          crc = CZlib.crc32(crc, bytes.baseAddress.map { $0 + start }, UInt32(length))
          start += length
        }
      }
    }
    return UInt32(truncatingIfNeeded: crc)
  }

  /// Appends one stored entry made of consecutive chunks.
  /// - Parameters:
  ///   - name: The entry's name, e.g. `arr_0.npy`.
  ///   - chunks: The entry's bytes, in order.
  /// - Throws: ``ExportError/archiveTooLarge(file:bytes:)`` or ``ExportError/writeFailed(file:reason:)``.
  mutating func addEntry(named name: String, chunks: [[UInt8]]) throws(ExportError) {
    let size = chunks.reduce(0) { $0 + $1.count }
    let nameBytes = Array(name.utf8)
    guard offset + 30 + nameBytes.count + size < Int(UInt32.max) else {
      throw .archiveTooLarge(file: file, bytes: offset + 30 + nameBytes.count + size)
    }
    let entry = Entry(
      name: nameBytes, crc: Self.crc32(chunks), size: UInt32(size), offset: UInt32(offset))
    var header = ByteWriter()
    header.append(UInt32(0x0403_4B50))
    header.append(UInt16(20))
    header.append(UInt16(0))
    header.append(UInt16(0))
    header.append(Self.dosTime)
    header.append(Self.dosDate)
    header.append(entry.crc)
    header.append(entry.size)
    header.append(entry.size)
    header.append(UInt16(nameBytes.count))
    header.append(UInt16(0))
    header.bytes += nameBytes
    try write(header.bytes)
    for chunk in chunks { try write(chunk) }
    entries.append(entry)
  }

  /// Writes the central directory and the end record.
  /// - Throws: ``ExportError``.
  mutating func finish() throws(ExportError) {
    let directoryOffset = offset
    var directory = ByteWriter()
    for entry in entries {
      directory.append(UInt32(0x0201_4B50))
      directory.append(UInt16(20))
      directory.append(UInt16(20))
      directory.append(UInt16(0))
      directory.append(UInt16(0))
      directory.append(Self.dosTime)
      directory.append(Self.dosDate)
      directory.append(entry.crc)
      directory.append(entry.size)
      directory.append(entry.size)
      directory.append(UInt16(entry.name.count))
      directory.append(UInt16(0))
      directory.append(UInt16(0))
      directory.append(UInt16(0))
      directory.append(UInt16(0))
      directory.append(UInt32(0))
      directory.append(entry.offset)
      directory.bytes += entry.name
    }
    let directorySize = directory.bytes.count
    guard directoryOffset + directorySize + 22 < Int(UInt32.max), entries.count < 0xFFFF else {
      throw .archiveTooLarge(file: file, bytes: directoryOffset + directory.bytes.count + 22)
    }
    directory.append(UInt32(0x0605_4B50))
    directory.append(UInt16(0))
    directory.append(UInt16(0))
    directory.append(UInt16(entries.count))
    directory.append(UInt16(entries.count))
    directory.append(UInt32(directorySize))
    directory.append(UInt32(directoryOffset))
    directory.append(UInt16(0))
    try write(directory.bytes)
  }

  private mutating func write(_ bytes: [UInt8]) throws(ExportError) {
    do {
      try handle.write(contentsOf: bytes)
    } catch {
      throw .writeFailed(
        file: file, reason: "the temporary file could not be written; the disk may be full")
    }
    offset += bytes.count
  }
}

/// Little-endian serialization of fixed-width integers.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func append<Value: FixedWidthInteger>(_ value: Value) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }
}
