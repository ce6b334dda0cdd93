import CZlib
import Foundation

/// Writes a gzip-compressed file (one gzip member) through zlib's deflate.
///
/// Bytes go to a temporary file beside the destination, which ``finish()`` renames into
/// place, so a failed or abandoned write never leaves a partial `.gz` file behind.
///
/// ```swift
/// let writer = try GzipWriter(url: URL(fileURLWithPath: "peaks.fa.gz"))
/// try writer.write(">chr1:100-200\nACGT\n")
/// try writer.finish()
/// ```
public final class GzipWriter {
  /// The destination's name as given, used in messages.
  public let file: String

  private let destination: URL
  private let temporary: URL
  private let descriptor: Int32
  private let deflater: DeflateStream
  private var isFinished = false

  /// Creates the temporary file and a deflate stream.
  /// - Parameters:
  ///   - url: The destination file, created or replaced by ``finish()``.
  ///   - level: The zlib compression level, 0 (store) to 9 (best); 6 by default.
  /// - Throws: ``GzipError/systemError(file:operation:reason:)`` when the temporary file
  ///   cannot be created.
  public init(url: URL, level: Int = 6) throws(GzipError) {
    file = GzipReader.displayName(of: url)
    destination = url
    temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    deflater = try DeflateStream(level: level, file: file)
    descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .systemError(file: file, operation: "create", reason: GzipReader.reason(errno))
    }
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
    if !isFinished { unlink(temporary.path) }
  }

  /// Compresses and writes bytes.
  /// - Parameter bytes: The uncompressed bytes.
  /// - Throws: ``GzipError/systemError(file:operation:reason:)`` when writing fails.
  public func write(_ bytes: [UInt8]) throws(GzipError) {
    precondition(!isFinished, "GzipWriter: write after finish()")
    try deflater.deflate(bytes, isFinal: false) { chunk throws(GzipError) in try append(chunk) }
  }

  /// Compresses and writes a string's UTF-8 bytes.
  /// - Parameter text: The text.
  /// - Throws: ``GzipError/systemError(file:operation:reason:)`` when writing fails.
  public func write(_ text: String) throws(GzipError) {
    try write(Array(text.utf8))
  }

  /// Ends the gzip member, closes the file and renames it into place.
  /// - Throws: ``GzipError/systemError(file:operation:reason:)`` when writing or renaming fails.
  public func finish() throws(GzipError) {
    guard !isFinished else { return }
    try deflater.deflate([], isFinal: true) { chunk throws(GzipError) in try append(chunk) }
    guard rename(temporary.path, destination.path) == 0 else {
      throw .systemError(
        file: file, operation: "rename the temporary file", reason: GzipReader.reason(errno))
    }
    isFinished = true
  }

  /// Compresses bytes in memory into one complete gzip member.
  ///
  /// Concatenating the results of several calls gives a valid multi-member gzip file.
  /// - Parameters:
  ///   - bytes: The uncompressed bytes.
  ///   - level: The zlib compression level, 0 to 9; 6 by default.
  /// - Returns: The gzip member: header, deflate data and trailer.
  /// - Throws: ``GzipError/systemError(file:operation:reason:)`` when zlib cannot allocate its state.
  public static func compressed(_ bytes: [UInt8], level: Int = 6) throws(GzipError) -> [UInt8] {
    let deflater = try DeflateStream(level: level, file: "<memory>")
    var member: [UInt8] = []
    try deflater.deflate(bytes, isFinal: true) { member.append(contentsOf: $0) }
    return member
  }

  private func append(_ chunk: UnsafeBufferPointer<UInt8>) throws(GzipError) {
    guard let base = chunk.baseAddress else { return }
    var written = 0
    while written < chunk.count {
      let count = Foundation.write(descriptor, base + written, chunk.count - written)
      if count < 0 {
        let code = errno
        if code == EINTR { continue }
        throw .systemError(file: file, operation: "write", reason: GzipReader.reason(code))
      }
      written += count
    }
  }
}
