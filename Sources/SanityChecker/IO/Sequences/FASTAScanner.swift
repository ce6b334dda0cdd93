import Foundation

/// The FASTA state machine behind ``FASTAReader``.
///
/// It is a struct so that its hot loops work on statically checked state: the reader class
/// pays for one dynamic exclusivity check per record, not one per field access. A record's
/// bases accumulate in `bases`; ``next()`` moves them into a ``FASTARecord``, while
/// ``nextSequence(into:)`` swaps them with the caller's buffer so that streaming reuses storage.
struct FASTAScanner {
  /// A parsed header line.
  typealias Header = (id: String, description: String, line: Int)

  let file: String
  /// The most bases one record may have; a longer record is refused while it is read, so no
  /// more than this (plus one chunk) is ever buffered.
  let maximumLength: Int

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
  private var pending: Header?
  private var bases: [UInt8] = []
  private var expectedLength = 0
  private var recordCount = 0
  private var isFinished = false

  init(file: String, source: ByteChunkSource, maximumLength: Int = .max) {
    self.file = file
    self.source = source
    self.maximumLength = maximumLength
  }

  /// The next record, or `nil` after the last one.
  mutating func next() throws(FASTAError) -> FASTARecord? {
    guard let header = try advance() else { return nil }
    let record = FASTARecord(
      id: header.id, description: header.description, sequence: bases, line: header.line)
    expectedLength = bases.count
    bases = []
    return record
  }

  /// Moves the next record's bases into `buffer` (reusing its storage) and returns its header,
  /// or `nil` after the last record.
  mutating func nextSequence(into buffer: inout [UInt8]) throws(FASTAError) -> Header? {
    guard let header = try advance() else { return nil }
    swap(&bases, &buffer)
    bases.removeAll(keepingCapacity: true)
    return header
  }

  /// Scans up to the end of the next record, leaving its bases in `bases`.
  private mutating func advance() throws(FASTAError) -> Header? {
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
          if let header = try completeRecord() { return header }
          state = .header
          headerLine = line
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

  private mutating func loadChunk() throws(FASTAError) -> Bool {
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
  private mutating func skipByteOrderMark() {
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

  private mutating func finish() throws(FASTAError) -> Header? {
    guard !isFinished else { return nil }
    if state == .header {
      pending = Self.parseHeader(header, line: headerLine)
      state = .lineStart
    }
    if let header = try completeRecord() { return header }
    isFinished = true
    if recordCount == 0 { throw .emptyFile(file: file) }
    return nil
  }

  /// Ends the pending record, if any, checking that it has bases.
  private mutating func completeRecord() throws(FASTAError) -> Header? {
    guard let pending else { return nil }
    self.pending = nil
    guard !bases.isEmpty else {
      throw .emptyRecord(file: file, line: pending.line, record: pending.id)
    }
    recordCount += 1
    return pending
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

  /// Reads header text; a header split across chunks is gathered in `header` first.
  private mutating func scanHeader() {
    let end = newlineIndex(from: position)
    let stop = end ?? chunk.count
    guard let end else {
      header.append(contentsOf: chunk[position..<stop])
      position = stop
      return
    }
    if header.isEmpty {
      let start = position
      pending = chunk.withUnsafeBufferPointer {
        Self.parseHeader(UnsafeBufferPointer(rebasing: $0[start..<stop]), line: headerLine)
      }
    } else {
      header.append(contentsOf: chunk[position..<stop])
      pending = Self.parseHeader(header, line: headerLine)
      header.removeAll(keepingCapacity: true)
    }
    line += 1
    state = .lineStart
    position = end + 1
  }

  /// Splits header text (after the `>`) into identifier and description.
  private static func parseHeader(_ bytes: [UInt8], line: Int) -> Header {
    bytes.withUnsafeBufferPointer { parseHeader($0, line: line) }
  }

  private static func parseHeader(_ text: UnsafeBufferPointer<UInt8>, line: Int) -> Header {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    var idStart = 0
    while idStart < text.count && isSpace(text[idStart]) { idStart += 1 }
    var idEnd = idStart
    while idEnd < text.count && !isSpace(text[idEnd]) { idEnd += 1 }
    var restStart = idEnd
    while restStart < text.count && isSpace(text[restStart]) { restStart += 1 }
    var restEnd = text.count
    while restEnd > restStart && isSpace(text[restEnd - 1]) { restEnd -= 1 }
    let id = String(decoding: UnsafeBufferPointer(rebasing: text[idStart..<idEnd]), as: UTF8.self)
    let description =
      restStart < restEnd
      ? String(decoding: UnsafeBufferPointer(rebasing: text[restStart..<restEnd]), as: UTF8.self)
      : ""
    return (id, description, line)
  }

  private mutating func scanSequenceLine() throws(FASTAError) {
    let end = newlineIndex(from: position)
    let stop = end ?? chunk.count
    if let pending {
      let start = position
      let invalidOffset = chunk.withUnsafeBufferPointer { buffer in
        NucleotideAlphabet.appendNormalized(
          UnsafeBufferPointer(rebasing: buffer[start..<stop]), to: &bases,
          expectedCount: expectedLength)
      }
      if let invalidOffset {
        throw .invalidCharacter(
          file: file, line: line, column: lineOffset + invalidOffset + 1,
          character: chunk[start + invalidOffset], record: pending.id)
      }
      if bases.count > maximumLength {
        throw .recordTooLong(
          file: file, line: pending.line, record: pending.id, maximum: maximumLength)
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
