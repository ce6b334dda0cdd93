import Foundation

/// Splits a plain or gzip-compressed text file into lines, streaming in chunks.
///
/// Lines are returned without their `\n` and without a trailing `\r`, so CRLF files read like
/// LF files. A last line without a final newline is returned too.
final class TextLineReader {
  /// The file's name as given, used in messages.
  let file: String
  /// The 1-based number of the line last returned (0 before the first).
  private(set) var lineNumber = 0
  /// The longest line returned; a longer one is refused while it is read, so no more than
  /// this (plus one chunk) is ever buffered.
  let maximumLineLength: Int

  private var source: ByteChunkSource
  private var chunk: [UInt8] = []
  private var position = 0
  private var carry: [UInt8] = []

  /// Opens a file.
  init(url: URL, chunkSize: Int = 1 << 20, maximumLineLength: Int = .max) throws(GzipError) {
    file = GzipReader.displayName(of: url)
    self.maximumLineLength = maximumLineLength
    source = try ByteChunkSource(url: url, chunkSize: chunkSize)
  }

  /// Reads text already in memory.
  init(bytes: [UInt8], name: String, chunkSize: Int = 1 << 20, maximumLineLength: Int = .max) {
    file = name
    self.maximumLineLength = maximumLineLength
    source = ByteChunkSource(bytes: bytes, chunkSize: chunkSize)
  }

  /// The next line, or `nil` at the end of the file.
  func nextLine() throws(GzipError) -> [UInt8]? {
    while true {
      if position == chunk.count {
        guard let next = try source.nextChunk() else { break }
        chunk = next
        position = 0
      }
      let start = position
      let newline = chunk.withUnsafeBufferPointer { buffer -> Int? in
        guard let base = buffer.baseAddress,
          let found = memchr(base + start, 0x0A, buffer.count - start)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
      }
      guard let newline else {
        carry.append(contentsOf: chunk[start...])
        position = chunk.count
        if carry.count > maximumLineLength {
          throw .lineTooLong(file: file, line: lineNumber + 1, maximum: maximumLineLength)
        }
        continue
      }
      position = newline + 1
      var line = carry
      carry = []
      line.append(contentsOf: chunk[start..<newline])
      if line.count > maximumLineLength {
        throw .lineTooLong(file: file, line: lineNumber + 1, maximum: maximumLineLength)
      }
      return finished(line)
    }
    guard !carry.isEmpty else { return nil }
    defer { carry = [] }
    return finished(carry)
  }

  private func finished(_ line: [UInt8]) -> [UInt8] {
    lineNumber += 1
    return line.last == 0x0D ? Array(line.dropLast()) : line
  }
}
