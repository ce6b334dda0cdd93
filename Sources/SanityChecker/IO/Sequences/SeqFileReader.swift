import Foundation

/// A streaming reader of DeepBind `.seq` files (plain or gzip-compressed).
///
/// The format is tab-separated with the header `FoldID  EventID  seq  Bound`, one row per
/// sequence, as in DeepBind's ENCODE ChIP-seq data (`*_AC.seq.gz`, `*_B.seq.gz`). Columns are
/// found by name, so their order may differ; `FoldID` is optional. Blank lines are skipped.
/// Bases are validated and normalized as in ``FASTAReader``.
///
/// ```swift
/// let reader = try SeqFileReader(url: URL(fileURLWithPath: "CTCF_B.seq.gz"))
/// while let row = try reader.next() { print(row.id, row.label) }
/// ```
public final class SeqFileReader: SequenceRecordReader {
  /// The file's name as given, used in messages.
  public let file: String

  private struct Columns {
    var count: Int
    var fold: Int?
    var id: Int
    var sequence: Int
    var label: Int
  }

  private let lines: TextLineReader
  private var columns: Columns?
  private var rowCount = 0

  /// Opens a `.seq` file, plain or gzip-compressed.
  /// - Parameters:
  ///   - url: The file.
  ///   - chunkSize: The number of bytes read at a time (1 MiB by default).
  ///   - maximumRowLength: The most bytes one row may have (a row holds one sequence);
  ///     ``FASTAReader/defaultMaximumRecordLength`` by default.
  /// - Throws: ``SeqFileError/fileNotFound(file:)`` or ``SeqFileError/unreadable(file:detail:)``.
  public init(url: URL, chunkSize: Int = 1 << 20, maximumRowLength: Int? = nil) throws(SeqFileError)
  {
    do throws(GzipError) {
      lines = try TextLineReader(
        url: url, chunkSize: chunkSize,
        maximumLineLength: maximumRowLength ?? FASTAReader.defaultMaximumRecordLength)
    } catch {
      throw SeqFileError(error, line: 1)
    }
    file = lines.file
  }

  /// Reads `.seq` text already in memory.
  /// - Parameters:
  ///   - bytes: The text.
  ///   - name: The name used in messages, e.g. `"CTCF_B.seq"`.
  public init(bytes: [UInt8], name: String) {
    lines = TextLineReader(bytes: bytes, name: name)
    file = name
  }

  /// The next row.
  /// - Returns: The row, or `nil` after the last one.
  /// - Throws: ``SeqFileError`` naming the file and line of the first defect.
  public func next() throws(SeqFileError) -> SeqRecord? {
    let columns: Columns
    if let known = self.columns { columns = known } else { columns = try readHeader() }
    while let line = try nextLine() {
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      let record = try parseRow(line, columns: columns)
      rowCount += 1
      return record
    }
    if rowCount == 0 { throw .emptyFile(file: file) }
    return nil
  }

  /// Reads all remaining rows into memory.
  /// - Returns: The rows in file order.
  /// - Throws: ``SeqFileError`` naming the file and line of the first defect.
  public func readAll() throws(SeqFileError) -> [SeqRecord] {
    var records: [SeqRecord] = []
    while let record = try next() { records.append(record) }
    return records
  }

  /// Reads the next row's bases into a buffer (``SequenceRecordReader`` conformance).
  /// - Parameter bases: Replaced by the row's bases.
  /// - Returns: The row's identifier (`EventID`), or `nil` after the last row.
  /// - Throws: ``SeqFileError`` naming the file and line of the first defect.
  public func nextSequence(into bases: inout [UInt8]) throws -> String? {
    guard let record = try next() else { return nil }
    bases = record.sequence
    return record.id
  }

  private func nextLine() throws(SeqFileError) -> [UInt8]? {
    do throws(GzipError) { return try lines.nextLine() } catch {
      throw SeqFileError(error, line: lines.lineNumber + 1)
    }
  }

  private func readHeader() throws(SeqFileError) -> Columns {
    guard let line = try nextLine() else { throw .emptyFile(file: file) }
    let names = line.split(separator: 0x09, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
    func index(_ name: String) throws(SeqFileError) -> Int {
      guard let index = names.firstIndex(of: name) else {
        throw .missingColumn(file: file, line: lines.lineNumber, column: name)
      }
      return index
    }
    let columns = Columns(
      count: names.count, fold: names.firstIndex(of: "FoldID"), id: try index("EventID"),
      sequence: try index("seq"), label: try index("Bound"))
    self.columns = columns
    return columns
  }

  private func parseRow(_ line: [UInt8], columns: Columns) throws(SeqFileError) -> SeqRecord {
    let lineNumber = lines.lineNumber
    let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
    guard fields.count == columns.count else {
      throw .columnCount(
        file: file, line: lineNumber, expected: columns.count, actual: fields.count)
    }
    let id = String(decoding: fields[columns.id], as: UTF8.self)
    let labelText = String(decoding: fields[columns.label], as: UTF8.self)
    guard let label = Float(labelText.trimmingCharacters(in: .whitespaces)), label.isFinite else {
      throw .invalidLabel(file: file, line: lineNumber, value: labelText, record: id)
    }
    let field = fields[columns.sequence]
    var sequence: [UInt8] = []
    sequence.reserveCapacity(field.count)
    let invalidOffset = field.withUnsafeBufferPointer {
      NucleotideAlphabet.appendNormalized($0, to: &sequence)
    }
    if let invalidOffset {
      throw .invalidCharacter(
        file: file, line: lineNumber, column: field.startIndex + invalidOffset + 1,
        character: field[field.startIndex + invalidOffset], record: id)
    }
    guard !sequence.isEmpty else { throw .emptySequence(file: file, line: lineNumber, record: id) }
    let fold = columns.fold.map { String(decoding: fields[$0], as: UTF8.self) } ?? ""
    return SeqRecord(id: id, fold: fold, sequence: sequence, label: label, line: lineNumber)
  }
}
