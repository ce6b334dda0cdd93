import Foundation

/// Where a text reader gets its bytes: a file (plain or gzip) or bytes already in memory.
///
/// The in-memory form cuts its bytes into chunks of the same size a file reader would
/// return, so parsers see chunk boundaries in the same places either way.
enum ByteChunkSource {
  case file(GzipReader)
  case memory(bytes: [UInt8], chunkSize: Int, offset: Int)

  /// Opens a file.
  init(url: URL, chunkSize: Int) throws(GzipError) {
    self = .file(try GzipReader(url: url, chunkSize: chunkSize))
  }

  /// Wraps bytes already in memory.
  init(bytes: [UInt8], chunkSize: Int) {
    precondition(chunkSize > 0, "ByteChunkSource: chunkSize must be positive, got \(chunkSize)")
    self = .memory(bytes: bytes, chunkSize: chunkSize, offset: 0)
  }

  /// The next chunk, or `nil` at the end.
  mutating func nextChunk() throws(GzipError) -> [UInt8]? {
    switch self {
    case .file(let reader):
      return try reader.nextChunk()
    case .memory(let bytes, let chunkSize, let offset):
      guard offset < bytes.count else { return nil }
      let end = min(bytes.count, offset + chunkSize)
      self = .memory(bytes: bytes, chunkSize: chunkSize, offset: end)
      return Array(bytes[offset..<end])
    }
  }
}
