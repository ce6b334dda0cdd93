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

  private enum State { case lineStart, header, sequence }

  private var source: ByteChunkSource
  private var chunk: [UInt8] = []
  private var position = 0
  private var byteOrderMarkProgress = 0
  private var state = State.lineStart
  private var line = 1
  private var lineOffset = 0
  private var header: [UInt8] = []
  private var headerLine = 0
  private var pending: (id: String, description: String, line: Int)?
  private var bases: [UInt8] = []
  private var recordCount = 0
  private var isFinished = false

  /// Opens a FASTA file, plain or gzip-compressed.
  /// - Parameters:
  ///   - url: The file.
  ///   - chunkSize: The number of bytes read at a time (1 MiB by default).
  /// - Throws: ``FASTAError/fileNotFound(file:)`` or ``FASTAError/unreadable(file:detail:)``.
  public init(url: URL, chunkSize: Int = 1 << 20) throws(FASTAError) {
    file = GzipReader.displayName(of: url)
    do throws(GzipError) {
      source = try ByteChunkSource(url: url, chunkSize: chunkSize)
    } catch {
      throw FASTAError(error, line: 1)
    }
  }

  /// Reads FASTA text already in memory.
  /// - Parameters:
  ///   - bytes: The text.
  ///   - name: The name used in messages, e.g. `"peaks.fa"`.
  ///   - chunkSize: The number of bytes parsed at a time (for testing chunk boundaries).
  public init(bytes: [UInt8], name: String, chunkSize: Int = 1 << 20) {
    file = name
    source = ByteChunkSource(bytes: bytes, chunkSize: chunkSize)
  }

  /// The next record.
  /// - Returns: The record, or `nil` after the last one.
  /// - Throws: ``FASTAError`` naming the file and line of the first defect.
  public func next() throws(FASTAError) -> FASTARecord? {
    while true {
      if position == chunk.count {
        guard try loadChunk() else { return try finish() }
        continue
      }
      switch state {
      case .header:
        scanHeader()
      case .sequence:
        try scanSequenceLine()
      case .lineStart:
        let byte = chunk[position]
        if byte == UInt8(ascii: ">") {
          if let record = try completeRecord() { return record }
          state = .header
          headerLine = line
          header.removeAll(keepingCapacity: true)
          position += 1
        } else if byte == UInt8(ascii: "\n") {
          line += 1
          position += 1
        } else {
          state = .sequence
          lineOffset = 0
        }
      }
    }
  }

  /// Reads all remaining records into memory.
  /// - Returns: The records in file order.
  /// - Throws: ``FASTAError`` naming the file and line of the first defect.
  public func readAll() throws(FASTAError) -> [FASTARecord] {
    var records: [FASTARecord] = []
    while let record = try next() { records.append(record) }
    return records
  }

  /// The next record's identifier and bases (``SequenceRecordReader`` conformance).
  /// - Returns: The record, or `nil` after the last one.
  /// - Throws: ``FASTAError``.
  public func nextSequence() throws -> (id: String, sequence: [UInt8])? {
    guard let record = try next() else { return nil }
    return (record.id, record.sequence)
  }

  private func loadChunk() throws(FASTAError) -> Bool {
    let next: [UInt8]?
    do throws(GzipError) { next = try source.nextChunk() } catch {
      throw FASTAError(error, line: line)
    }
    guard let next else { return false }
    chunk = next
    position = 0
    skipByteOrderMark()
    return true
  }

  /// Skips a UTF-8 byte-order mark at the start of the text, even when split across chunks.
  private func skipByteOrderMark() {
    let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
    while byteOrderMarkProgress < mark.count, position < chunk.count {
      guard chunk[position] == mark[byteOrderMarkProgress] else {
        byteOrderMarkProgress = mark.count
        return
      }
      byteOrderMarkProgress += 1
      position += 1
    }
  }

  private func finish() throws(FASTAError) -> FASTARecord? {
    guard !isFinished else { return nil }
    if state == .header {
      finalizeHeader()
      state = .lineStart
    }
    if let record = try completeRecord() { return record }
    isFinished = true
    if recordCount == 0 { throw .emptyFile(file: file) }
    return nil
  }

  private func completeRecord() throws(FASTAError) -> FASTARecord? {
    guard let pending else { return nil }
    self.pending = nil
    guard !bases.isEmpty else {
      throw .emptyRecord(file: file, line: pending.line, record: pending.id)
    }
    let record = FASTARecord(
      id: pending.id, description: pending.description, sequence: bases, line: pending.line)
    let capacity = bases.count
    bases = []
    bases.reserveCapacity(capacity)
    recordCount += 1
    return record
  }

  /// The index of the next `\n` at or after `start` in the current chunk.
  private func newlineIndex(from start: Int) -> Int? {
    chunk.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress,
        let found = memchr(base + start, 0x0A, buffer.count - start)
      else { return nil }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
  }

  private func scanHeader() {
    let end = newlineIndex(from: position)
    header.append(contentsOf: chunk[position..<(end ?? chunk.count)])
    guard let end else {
      position = chunk.count
      return
    }
    finalizeHeader()
    line += 1
    state = .lineStart
    position = end + 1
  }

  /// Splits the header into identifier and description.
  private func finalizeHeader() {
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    let text = header.drop(while: isSpace)
    let idEnd = text.firstIndex(where: isSpace) ?? text.endIndex
    var rest = text[idEnd...].drop(while: isSpace)
    while let last = rest.last, isSpace(last) { rest = rest.dropLast() }
    pending = (
      String(decoding: text[..<idEnd], as: UTF8.self), String(decoding: rest, as: UTF8.self),
      headerLine
    )
  }

  private func scanSequenceLine() throws(FASTAError) {
    let end = newlineIndex(from: position)
    let stop = end ?? chunk.count
    if let pending {
      let start = position
      let invalidOffset = chunk.withUnsafeBufferPointer { buffer in
        NucleotideAlphabet.appendNormalized(
          UnsafeBufferPointer(rebasing: buffer[start..<stop]), to: &bases)
      }
      if let invalidOffset {
        throw .invalidCharacter(
          file: file, line: line, column: lineOffset + invalidOffset + 1,
          character: chunk[start + invalidOffset], record: pending.id)
      }
    } else if chunk[position..<stop].contains(where: {
      NucleotideAlphabet.normalization[Int($0)] != NucleotideAlphabet.skipped
    }) {
      throw .sequenceBeforeHeader(file: file, line: line)
    }
    lineOffset += stop - position
    position = stop
    if let end {
      line += 1
      state = .lineStart
      position = end + 1
    }
  }
}
