import Foundation

extension InputData {
  /// The number of records of a sequence file, counted without one-hot encoding them.
  /// - Parameter url: A FASTA or `.seq` file, plain or gzip.
  /// - Returns: The record count.
  /// - Throws: The reader's error, naming the file and line.
  public static func recordCount(_ url: URL) throws -> Int {
    let reader = try sequenceReader(url)
    var (bases, count) = ([UInt8](), 0)
    while try reader.nextSequence(into: &bases) != nil { count += 1 }
    return count
  }

  /// One block of a sequence file's first `limit` records: the records before the block are
  /// read past without being encoded, the block's are one-hot encoded, the rest are not read.
  ///
  /// FASTA and `.seq` files are streamed this way; other inputs (images) are read whole and sliced.
  /// - Parameters:
  ///   - url: The file.
  ///   - shard: The block.
  ///   - limit: Only the first this many records make up the run (`nil`: all).
  ///   - granule: Items that stay in one block (``Shard/range(of:granule:)``).
  ///   - oneHot: The encoder.
  /// - Returns: The block's data, its first record's index and the run's record count.
  /// - Throws: The reader's error naming the file and line, or ``SequenceLengthError``.
  public static func loadBlock(
    _ url: URL, shard: Shard, limit: Int?, granule: Int = 1, oneHot: OneHot = OneHot()
  ) throws
    -> (data: InputData, first: Int, total: Int)
  {
    guard isSequenceFile(url) else {
      let whole = try load(url, oneHot: oneHot).prefix(limit)
      let range = shard.range(of: whole.ids.count, granule: granule)
      return (whole.slice(range), range.lowerBound, whole.ids.count)
    }
    let total = min(try recordCount(url), limit ?? .max)
    let range = shard.range(of: total, granule: granule)
    let reader = try sequenceReader(url)
    var bases: [UInt8] = []
    for _ in 0..<range.lowerBound { _ = try reader.nextSequence(into: &bases) }
    var (ids, sequences, labels) = ([String](), [[UInt8]](), [[Float]]())
    let fasta = reader as? FASTAReader
    for _ in range {
      if let fasta, let record = try fasta.next() {
        ids.append(record.id)
        sequences.append(record.sequence)
        labels.append(try labelRow(record, file: fasta.file))
      } else if fasta == nil, let id = try reader.nextSequence(into: &bases) {
        ids.append(id)
        sequences.append(bases)
        labels.append([])
      }
    }
    let inputs: Tensor
    do {
      inputs = try oneHot.encode(LabeledSequences(ids: ids, sequences: sequences, labels: labels))
    } catch {
      throw SequenceLengthError.encoding(file: url.path, error)
    }
    let labelled = !labels.isEmpty && labels.allSatisfy { !$0.isEmpty }
    return (
      InputData(inputs: inputs, ids: ids, labels: labelled ? labels : nil, kind: .sequences),
      range.lowerBound, total
    )
  }

  /// The items in `range`.
  func slice(_ range: Range<Int>) -> InputData {
    InputData(
      inputs: inputs.items(range), ids: Array(ids[range]), labels: labels.map { Array($0[range]) },
      kind: kind,
      classNames: classNames)
  }

  /// Whether the path names a FASTA or `.seq` file (plain or gzip).
  static func isSequenceFile(_ url: URL) -> Bool {
    let name = url.lastPathComponent.lowercased()
    let stem = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
    return [".fa", ".fasta", ".fna", ".seq"].contains { stem.hasSuffix($0) }
  }

  /// A reader over a sequence file's records.
  static func sequenceReader(_ url: URL) throws -> any SequenceRecordReader {
    let name = url.lastPathComponent.lowercased()
    return name.hasSuffix(".seq") || name.hasSuffix(".seq.gz")
      ? try SeqFileReader(url: url) : try FASTAReader(url: url)
  }

  /// The labels of a FASTA header (`label=1,0`), empty without one.
  static func labelRow(_ record: FASTARecord, file: String) throws -> [Float] {
    guard let text = record.attributes["label"] else { return [] }
    return try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
      guard let value = Float(part), value.isFinite else {
        throw LabelError.invalidHeaderLabel(
          file: file, line: record.line, record: record.id, value: String(part))
      }
      return value
    }
  }
}
