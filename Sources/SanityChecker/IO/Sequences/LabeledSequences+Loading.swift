import Foundation

extension LabeledSequences {
  /// Reads a FASTA file whose headers carry the labels, as in `>seq_00002_peak label=1 fold=A`.
  ///
  /// Several tasks are written comma-separated: `label=1,0`.
  /// - Parameters:
  ///   - fasta: The FASTA file, plain or gzip-compressed.
  ///   - labelKey: The attribute holding the labels (`label` by default).
  /// - Throws: ``FASTAError`` for a malformed file; ``LabelError`` when a header has no label,
  ///   a label is not a number or the task counts differ.
  public init(fasta: URL, labelKey: String = "label") throws {
    let reader = try FASTAReader(url: fasta)
    var ids: [String] = []
    var sequences: [[UInt8]] = []
    var labels: [[Float]] = []
    while let record = try reader.next() {
      guard let text = record.attributes[labelKey] else {
        throw LabelError.missingLabel(
          file: reader.file, line: record.line, record: record.id, key: labelKey)
      }
      let row = try Self.labelRow(
        text.split(separator: ",", omittingEmptySubsequences: false), file: reader.file,
        line: record.line, expectedTasks: labels.first?.count)
      ids.append(record.id)
      sequences.append(record.sequence)
      labels.append(row)
    }
    self.init(ids: ids, sequences: sequences, labels: labels)
  }

  /// Reads a DeepBind `.seq` file: identifiers from `EventID`, labels from `Bound`.
  /// - Parameter seqFile: The `.seq` file, plain or gzip-compressed.
  /// - Throws: ``SeqFileError`` for a malformed file.
  public init(seqFile: URL) throws {
    let records = try SeqFileReader(url: seqFile).readAll()
    self.init(
      ids: records.map(\.id), sequences: records.map(\.sequence), labels: records.map { [$0.label] }
    )
  }

  /// Reads a FASTA file and a target file with one row of labels per record.
  ///
  /// Target rows hold whitespace-separated numbers, one per task (`1 0` is two tasks), in the
  /// FASTA file's order. Blank lines are skipped.
  /// - Parameters:
  ///   - fasta: The FASTA file, plain or gzip-compressed.
  ///   - targets: The target file, plain or gzip-compressed.
  /// - Throws: ``FASTAError`` for a malformed FASTA file, ``GzipError`` when the target file
  ///   cannot be read, ``LabelError`` for a malformed target file or when the two files have
  ///   different numbers of rows (naming both files).
  public init(fasta: URL, targets: URL) throws {
    let rows = try Self.readTargetRows(targets)
    let reader = try FASTAReader(url: fasta)
    let targetFile = GzipReader.displayName(of: targets)
    var ids: [String] = []
    var sequences: [[UInt8]] = []
    while let record = try reader.next() {
      ids.append(record.id)
      sequences.append(record.sequence)
    }
    guard ids.count == rows.count else {
      let line = ids.count < rows.count ? rows[ids.count].line : rows.last?.line ?? 0
      throw LabelError.countMismatch(
        sequenceFile: reader.file, sequenceCount: ids.count, labelFile: targetFile,
        labelCount: rows.count, line: line)
    }
    self.init(ids: ids, sequences: sequences, labels: rows.map(\.labels))
  }

  /// Reads a FASTA file of positives (label 1) and one of negatives (label 0).
  /// - Parameters:
  ///   - positives: The bound sequences, plain or gzip-compressed FASTA.
  ///   - negatives: The unbound sequences, plain or gzip-compressed FASTA.
  /// - Throws: ``FASTAError`` for a malformed file.
  public init(positives: URL, negatives: URL) throws {
    self.init(ids: [], sequences: [], labels: [])
    for (url, label) in [(positives, Float(1)), (negatives, Float(0))] {
      let records = try FASTAReader(url: url).readAll()
      append(
        contentsOf: LabeledSequences(
          ids: records.map(\.id), sequences: records.map(\.sequence),
          labels: Array(repeating: [label], count: records.count)))
    }
  }

  /// Reads the rows of a target file with their line numbers.
  static func readTargetRows(_ url: URL) throws -> [(labels: [Float], line: Int)] {
    let lines = try TextLineReader(url: url)
    var rows: [(labels: [Float], line: Int)] = []
    while let line = try lines.nextLine() {
      let fields = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map {
        Substring(decoding: $0, as: UTF8.self)
      }
      guard !fields.isEmpty else { continue }
      let row = try labelRow(
        fields, file: lines.file, line: lines.lineNumber, expectedTasks: rows.first?.labels.count)
      rows.append((row, lines.lineNumber))
    }
    guard !rows.isEmpty else { throw LabelError.emptyLabelFile(file: lines.file) }
    return rows
  }

  /// Parses one row of labels.
  static func labelRow(
    _ fields: [Substring], file: String, line: Int, expectedTasks: Int?
  ) throws(LabelError) -> [Float] {
    var row: [Float] = []
    for field in fields {
      guard let value = Float(field), value.isFinite else {
        throw .invalidLabel(file: file, line: line, value: String(field))
      }
      row.append(value)
    }
    if let expectedTasks, expectedTasks != row.count {
      throw .taskCount(file: file, line: line, expected: expectedTasks, actual: row.count)
    }
    return row
  }
}
