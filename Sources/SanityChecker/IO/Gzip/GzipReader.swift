import CZlib
import Foundation

/// Reads a file in fixed-size chunks, inflating it on the fly when it is gzip-compressed.
///
/// The first two bytes decide: `1f 8b` (the gzip magic) selects inflation through zlib with
/// `windowBits = 15 + 32`, anything else passes the bytes through unchanged. Concatenated gzip
/// members (as written by `cat a.gz b.gz`, `bgzip` or `pigz --independent`) are read as one
/// stream. Memory stays constant: one input buffer and one output buffer of `chunkSize` bytes.
///
/// ```swift
/// let reader = try GzipReader(url: URL(fileURLWithPath: "peaks.fa.gz"))
/// while let chunk = try reader.nextChunk() { consume(chunk) }
/// ```
///
/// The reader owns a file descriptor and zlib state, so it is a class and not `Sendable`:
/// use one reader per thread.
public final class GzipReader {
  /// The file's name as given (its relative path for relative URLs), used in messages.
  public let file: String
  /// The number of (decompressed) bytes each call to ``nextChunk()`` returns at most.
  public let chunkSize: Int
  /// Whether the file starts with the gzip magic bytes `1f 8b`.
  public private(set) var isCompressed = false

  private let descriptor: Int32
  private let inputCapacity: Int
  private let input: UnsafeMutablePointer<UInt8>
  private var inputStart = 0
  private var inputCount = 0
  private var bytesRead = 0
  private var isAtEndOfFile = false
  private var stream: UnsafeMutablePointer<z_stream>?
  private var output: UnsafeMutablePointer<UInt8>?
  private var isBetweenMembers = false

  /// Opens a file for chunked reading.
  /// - Parameters:
  ///   - url: The file, plain or gzip-compressed.
  ///   - chunkSize: The largest chunk ``nextChunk()`` returns (1 MiB by default); must be > 0.
  /// - Throws: ``GzipError/fileNotFound(file:)`` or ``GzipError/systemError(file:operation:reason:)``
  ///   when the file cannot be opened or read.
  public init(url: URL, chunkSize: Int = 1 << 20) throws(GzipError) {
    precondition(chunkSize > 0, "GzipReader: chunkSize must be positive, got \(chunkSize)")
    file = Self.displayName(of: url)
    self.chunkSize = chunkSize
    descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    inputCapacity = max(chunkSize, 64)
    input = .allocate(capacity: inputCapacity)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw .fileNotFound(file: file) }
      throw .systemError(file: file, operation: "open", reason: Self.reason(code))
    }
    try refill()
    if inputCount >= 2 && input[0] == 0x1f && input[1] == 0x8b {
      try startInflating()
    }
  }

  deinit {
    if let stream {
      inflateEnd(stream)
      stream.deinitialize(count: 1)
      stream.deallocate()
    }
    output?.deallocate()
    input.deallocate()
    if descriptor >= 0 { close(descriptor) }
  }

  /// The next chunk of (decompressed) bytes.
  /// - Returns: Between 1 and ``chunkSize`` bytes, or `nil` at the end of the file.
  /// - Throws: ``GzipError/truncated(file:offset:)`` when the gzip stream ends early,
  ///   ``GzipError/corrupt(file:offset:reason:)`` for invalid compressed data, and
  ///   ``GzipError/systemError(file:operation:reason:)`` when reading fails.
  public func nextChunk() throws(GzipError) -> [UInt8]? {
    isCompressed ? try nextInflatedChunk() : try nextPlainChunk()
  }

  /// Reads a whole file into memory (for small files such as label or target files).
  /// - Parameter url: The file, plain or gzip-compressed.
  /// - Returns: The (decompressed) bytes.
  /// - Throws: ``GzipError`` as ``init(url:chunkSize:)`` and ``nextChunk()`` do.
  public static func readAll(url: URL) throws(GzipError) -> [UInt8] {
    let reader = try GzipReader(url: url)
    var bytes: [UInt8] = []
    while let chunk = try reader.nextChunk() { bytes.append(contentsOf: chunk) }
    return bytes
  }

  /// The name used for a file in messages: the path as the user gave it.
  static func displayName(of url: URL) -> String {
    url.isFileURL ? url.relativePath : url.absoluteString
  }

  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  private func nextPlainChunk() throws(GzipError) -> [UInt8]? {
    if inputStart < inputCount {
      let end = min(inputCount, inputStart + chunkSize)
      defer { inputStart = end }
      return Array(UnsafeBufferPointer(start: input + inputStart, count: end - inputStart))
    }
    guard !isAtEndOfFile else { return nil }
    var failure: GzipError?
    let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      do throws(GzipError) {
        count = try readFile(into: base, capacity: chunkSize)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return chunk.isEmpty ? nil : chunk
  }

  private func startInflating() throws(GzipError) {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    guard shim_inflateInit2(stream, 15 + 32) == Z_OK else {
      stream.deallocate()
      throw .systemError(file: file, operation: "initialise zlib", reason: "out of memory")
    }
    stream.pointee.next_in = input
    stream.pointee.avail_in = UInt32(inputCount)
    inputStart = inputCount
    self.stream = stream
    output = .allocate(capacity: chunkSize)
    isCompressed = true
  }

  private func nextInflatedChunk() throws(GzipError) -> [UInt8]? {
    guard let stream, let output else { return nil }
    stream.pointee.next_out = output
    stream.pointee.avail_out = UInt32(chunkSize)
    while stream.pointee.avail_out > 0 {
      if stream.pointee.avail_in == 0 {
        if !isAtEndOfFile {
          try refill()
          inputStart = inputCount
          stream.pointee.next_in = input
          stream.pointee.avail_in = UInt32(inputCount)
        }
        if stream.pointee.avail_in == 0 {
          if isBetweenMembers { break }
          throw .truncated(file: file, offset: bytesRead)
        }
      }
      if isBetweenMembers {
        inflateReset(stream)
        isBetweenMembers = false
      }
      let status = inflate(stream, Z_NO_FLUSH)
      if status == Z_STREAM_END {
        isBetweenMembers = true
      } else if status != Z_OK && status != Z_BUF_ERROR {
        let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw .corrupt(file: file, offset: bytesRead - Int(stream.pointee.avail_in), reason: reason)
      }
    }
    let produced = chunkSize - Int(stream.pointee.avail_out)
    guard produced > 0 else { return nil }
    return Array(UnsafeBufferPointer(start: output, count: produced))
  }

  /// Refills the input buffer from the file, reading until it is full or the file ends.
  private func refill() throws(GzipError) {
    inputStart = 0
    inputCount = try readFile(into: input, capacity: inputCapacity)
  }

  /// Reads into `buffer` until `capacity` bytes are read or the file ends.
  /// - Returns: The number of bytes read.
  private func readFile(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(GzipError)
    -> Int
  {
    var filled = 0
    while filled < capacity && !isAtEndOfFile {
      let count = read(descriptor, buffer + filled, capacity - filled)
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        throw .systemError(file: file, operation: "read", reason: Self.reason(code))
      }
      if count == 0 { isAtEndOfFile = true }
      filled += count
      bytesRead += count
    }
    return filled
  }
}
