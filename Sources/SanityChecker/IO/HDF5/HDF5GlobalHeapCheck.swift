import Foundation

/// Checks, before libhdf5 opens a file, that every global heap collection in it can be parsed
/// to its end: the bound on the libhdf5 1.10 loop of docs/fuzzing.md, finding 6.
///
/// Variable-length strings (Keras's `model_config`, `layer_names`, `weight_names`) live in
/// global heap collections. libhdf5 1.10 parses a collection object by object, moving from
/// each object's header to the next by `need` bytes, where `need = 8 + L + align8(size)` for
/// a heap object and `need = size` for the free-space object (index 0); `L` is the
/// superblock's size of lengths. A free-space object of size 0 gives `need = 0`, so the parse
/// never moves and `H5Aread` spins forever inside `H5HG_read` → `H5C_protect`. The same
/// happens when a collection's declared size runs past the end of the file (libhdf5 reads the
/// missing bytes as zeros, which parse as free space of size 0).
///
/// The check finds every collection libhdf5 could load: each begins with the signature
/// `GCOL`, version 1, so it scans the whole file for that signature (linear, through a memory
/// map) and walks each candidate's objects exactly as libhdf5 does, with bounds. A collection
/// whose walk would not end, or whose objects run past the collection, is refused. Valid files
/// never contain either; a `GCOL` that is only data inside a dataset is refused only if it also
/// parses as such a collection.
///
/// Layout (HDF5 File Format Specification 3.0, §III.E "Global Heap"):
/// ```
/// collection: "GCOL" | version (1) | reserved (3) | collection size (L) | objects…
/// object:     heap object index (2) | reference count (2) | reserved (4) | object size (L) | data, padded to 8
/// ```
enum HDF5GlobalHeapCheck {
  /// The HDF5 format signature, found at offset 0, 512, 1024, 2048, … .
  static let fileSignature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
  /// `GCOL`.
  static let collectionSignature: [UInt8] = Array("GCOL".utf8)

  /// What is wrong with a collection: where it starts, and why its walk fails.
  struct Defect: Equatable {
    let offset: Int
    let reason: String
  }

  /// The first defective global heap collection in the file at `url`, or `nil`.
  ///
  /// Files without a readable superblock are left to libhdf5, which refuses them itself.
  /// - Parameter url: The HDF5 file.
  /// - Returns: The first defect found.
  static func firstDefect(in url: URL) -> Defect? {
    guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
    return data.withUnsafeBytes { bytes in firstDefect(in: bytes) }
  }

  /// The first defective global heap collection in a file's bytes, or `nil`.
  static func firstDefect(in bytes: UnsafeRawBufferPointer) -> Defect? {
    guard let lengthSize = sizeOfLengths(in: bytes) else { return nil }
    var start = 0
    while let offset = find(collectionSignature, in: bytes, from: start) {
      if let defect = walk(bytes, collectionAt: offset, lengthSize: lengthSize) { return defect }
      start = offset + 1
    }
    return nil
  }

  /// The superblock's size of lengths (2, 4 or 8 bytes), or `nil` without a superblock.
  static func sizeOfLengths(in bytes: UnsafeRawBufferPointer) -> Int? {
    var base = 0
    while base + 16 <= bytes.count {
      if (0..<8).allSatisfy({ bytes[base + $0] == fileSignature[$0] }) {
        let version = bytes[base + 8]
        let size = Int(version <= 1 ? bytes[base + 14] : bytes[base + 10])
        return [2, 4, 8].contains(size) ? size : nil
      }
      base = base == 0 ? 512 : base * 2
    }
    return nil
  }

  /// Walks the collection at `offset` as libhdf5 1.10's `H5HG__cache_heap_deserialize` does.
  static func walk(_ bytes: UnsafeRawBufferPointer, collectionAt offset: Int, lengthSize: Int)
    -> Defect?
  {
    let headerSize = 8 + lengthSize
    // A header that does not fit, or a version other than 1, is not a collection libhdf5 reads.
    guard offset + headerSize <= bytes.count, bytes[offset + 4] == 1 else { return nil }
    let size = integer(bytes, at: offset + 8, size: lengthSize)
    guard size >= UInt64(headerSize) else { return nil }
    guard size <= UInt64(bytes.count - offset) else {
      return Defect(
        offset: offset, reason: "its declared size \(size) runs past the end of the file")
    }
    let end = offset + Int(size)
    let objectHeaderSize = 8 + lengthSize
    var position = offset + headerSize
    while position < end {
      if position + objectHeaderSize > end { return nil }  // the rest is free space
      let index = Int(bytes[position]) | Int(bytes[position + 1]) << 8
      let objectSize = integer(bytes, at: position + 8, size: lengthSize)
      let need: UInt64
      if index == 0 {
        guard objectSize > 0 else {
          return Defect(
            offset: offset, reason: "its free-space object at byte \(position) has size 0")
        }
        need = objectSize
      } else {
        let (padded, overflow) = objectSize.addingReportingOverflow(7)
        need = overflow ? .max : UInt64(objectHeaderSize) + padded / 8 * 8
      }
      guard need <= UInt64(end - position) else {
        return Defect(
          offset: offset,
          reason: "its object \(index) at byte \(position) runs past the collection's end")
      }
      position += Int(need)
    }
    return nil
  }

  /// A little-endian unsigned integer of `size` bytes.
  static func integer(_ bytes: UnsafeRawBufferPointer, at offset: Int, size: Int) -> UInt64 {
    (0..<size).reduce(UInt64(0)) { value, byte in
      value | UInt64(bytes[offset + byte]) << (8 * UInt64(byte))
    }
  }

  /// The offset of the next occurrence of `pattern` at or after `start` (`memchr` for its
  /// first byte, then a comparison).
  static func find(_ pattern: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard let base = bytes.baseAddress, let first = pattern.first else { return nil }
    var position = start
    while position + pattern.count <= bytes.count {
      guard
        let hit = memchr(base + position, Int32(first), bytes.count - pattern.count + 1 - position)
      else {
        return nil
      }
      let offset = base.distance(to: UnsafeRawPointer(hit))
      if (1..<pattern.count).allSatisfy({ bytes[offset + $0] == pattern[$0] }) { return offset }
      position = offset + 1
    }
    return nil
  }
}
