extension OneHot {
  /// Encodes a stream of records in batches of `batchSize`, in constant memory.
  ///
  /// Only one batch of sequences and its tensor are held at a time, so a file of millions of
  /// records streams through. With ``LengthPolicy/reject`` every record must have the first
  /// record's length.
  ///
  /// ```swift
  /// let reader = try FASTAReader(url: URL(fileURLWithPath: "peaks.fa.gz"))
  /// try OneHot().forEachBatch(from: reader, batchSize: 256) { batch in score(batch.inputs) }
  /// ```
  /// - Parameters:
  ///   - reader: The record source (``FASTAReader``, ``SeqFileReader``).
  ///   - batchSize: The largest number of records per batch; > 0.
  ///   - body: Called with each batch, in stream order; the last batch may be smaller.
  /// - Returns: The number of records encoded.
  /// - Throws: The reader's errors, ``OneHotError`` for a length the policy does not allow, and
  ///   whatever `body` throws.
  @discardableResult
  public func forEachBatch(
    from reader: some SequenceRecordReader, batchSize: Int, _ body: (OneHotBatch) throws -> Void
  ) throws -> Int {
    precondition(batchSize > 0, "OneHot.forEachBatch: batchSize must be positive, got \(batchSize)")
    var ids: [String] = []
    var sequences: [[UInt8]] = []
    var first: (id: String, width: Int)?
    var offset = 0
    func flush() throws {
      guard let first, !sequences.isEmpty else { return }
      let inputs = try encodeRows(
        sequences, ids: ids, width: first.width, firstRecord: first.id, indexOffset: offset)
      try body(OneHotBatch(offset: offset, ids: ids, inputs: inputs))
      offset += sequences.count
      ids.removeAll(keepingCapacity: true)
      sequences.removeAll(keepingCapacity: true)
    }
    while let record = try reader.nextSequence() {
      if first == nil { first = (record.id, width(firstLength: record.sequence.count)) }
      ids.append(record.id)
      sequences.append(record.sequence)
      if sequences.count == batchSize { try flush() }
    }
    try flush()
    return offset
  }
}
