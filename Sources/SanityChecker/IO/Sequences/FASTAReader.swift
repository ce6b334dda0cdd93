import Foundation

/// A streaming FASTA reader: one ``FASTARecord`` at a time, in constant memory.
///
/// It reads plain or gzip-compressed files (see ``GzipReader``) in chunks of 1 MiB and keeps
/// only the current record in memory, so files with millions of records stream through.
/// It accepts multi-line records, CRLF line ends, blank lines, soft-masked (lowercase)
/// bases, IUPAC codes and `U` (read as `T`); bases are returned uppercase. A UTF-8 byte-order
/// mark at the start is skipped.
///
/// ```swift
/// let reader = try FASTAReader(url: URL(fileURLWithPath: "peaks.fa.gz"))
/// while let record = try reader.next() { print(record.id, record.sequence.count) }
/// ```
///
/// Errors are ``FASTAError`` values that name the file, line and column.
public final class FASTAReader: SequenceRecordReader {
  /// The file's name as given (or the name passed for in-memory text), used in messages.
  public let file: String

  private var scanner: FASTAScanner

  /// The longest record read by default: 1/64 of the memory budget in bases (16 Mi bases for
  /// 1 GiB), since each base becomes 16 bytes of one-hot input and more in explanations.
  public static var defaultMaximumRecordLength: Int { MemoryBudget.current.bytes / 64 }

  /// Opens a FASTA file, plain or gzip-compressed.
  ///
  /// A record longer than `maximumRecordLength` is refused as soon as it grows past it, so a
  /// small gzip file that inflates to one huge record never fills memory. A model of fixed
  /// input length `L` that crops by up to `c` bases needs at most `L + c`.
  /// - Parameters:
  ///   - url: The file.
  ///   - chunkSize: The number of bytes read at a time (1 MiB by default).
  ///   - maximumRecordLength: The most bases one record may have
  ///     (``defaultMaximumRecordLength`` by default).
  /// - Throws: ``FASTAError/fileNotFound(file:)`` or ``FASTAError/unreadable(file:detail:)``.
  public init(url: URL, chunkSize: Int = 1 << 20, maximumRecordLength: Int? = nil)
    throws(FASTAError)
  {
    file = GzipReader.displayName(of: url)
    do throws(GzipError) {
      scanner = FASTAScanner(
        file: file, source: try ByteChunkSource(url: url, chunkSize: chunkSize),
        maximumLength: maximumRecordLength ?? Self.defaultMaximumRecordLength)
    } catch {
      throw FASTAError(error, line: 1)
    }
  }

  /// Reads FASTA text already in memory.
  /// - Parameters:
  ///   - bytes: The text.
  ///   - name: The name used in messages, e.g. `"peaks.fa"`.
  ///   - chunkSize: The number of bytes parsed at a time (for testing chunk boundaries).
  ///   - maximumRecordLength: The most bases one record may have (no limit by default: the
  ///     text is already in memory).
  public init(
    bytes: [UInt8], name: String, chunkSize: Int = 1 << 20, maximumRecordLength: Int = .max
  ) {
    file = name
    scanner = FASTAScanner(
      file: name, source: ByteChunkSource(bytes: bytes, chunkSize: chunkSize),
      maximumLength: maximumRecordLength)
  }

  /// The next record.
  /// - Returns: The record, or `nil` after the last one.
  /// - Throws: ``FASTAError`` naming the file and line of the first defect.
  public func next() throws(FASTAError) -> FASTARecord? {
    try scanner.next()
  }

  /// Reads all remaining records into memory.
  /// - Returns: The records in file order.
  /// - Throws: ``FASTAError`` naming the file and line of the first defect.
  public func readAll() throws(FASTAError) -> [FASTARecord] {
    var records: [FASTARecord] = []
    while let record = try next() { records.append(record) }
    return records
  }

  /// Reads the next record's bases into a buffer, reusing its storage
  /// (``SequenceRecordReader`` conformance).
  /// - Parameter bases: Replaced by the record's bases.
  /// - Returns: The record's identifier, or `nil` after the last record.
  /// - Throws: ``FASTAError`` naming the file and line of the first defect.
  public func nextSequence(into bases: inout [UInt8]) throws -> String? {
    try scanner.nextSequence(into: &bases)?.id
  }
}
