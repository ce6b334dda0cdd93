extension OneHot {
  /// Encodes a stream of records in batches of `batchSize`, in constant memory.
  ///
  /// Each record is read into one buffer of bases reused for the whole stream and encoded into
  /// the batch tensor at once; only the current batch's identifiers and tensor are held, so a
  /// file of millions of records streams through. The batch tensor's storage is reused for the
  /// next batch unless `body` keeps a copy of it. With ``LengthPolicy/reject``
  /// every record must have the first record's length.
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
    try lengthPolicy.validate()
    var bases: [UInt8] = []
    var ids: [String] = []
    var first: (id: String, width: Int)?
    var storage: [Float] = []
    var offset = 0
    func emit() throws {
      guard let first, !ids.isEmpty else { return }
      let shape: Shape = [ids.count, first.width, 4]
      let scalars = storage.count == shape.count ? storage : Array(storage[..<shape.count])
      try body(
        OneHotBatch(offset: offset, ids: ids, inputs: Tensor(shape: shape, scalars: scalars)))
      offset += ids.count
      ids.removeAll(keepingCapacity: true)
    }
    while let id = try reader.nextSequence(into: &bases) {
      let (firstID, width) = first ?? (id, width(firstLength: bases.count))
      first = (firstID, width)
      let placement = try placement(
        ofLength: bases.count, record: id, width: width, firstRecord: firstID)
      let (row, rowScalars) = (ids.count, width * 4)
      if storage.count < (row + 1) * rowScalars {
        storage.append(contentsOf: repeatElement(0, count: rowScalars))
      }
      storage.withUnsafeMutableBufferPointer { scalars in
        guard let base = scalars.baseAddress else { return }
        bases.withUnsafeBufferPointer {
          encodeRow($0, placement: placement, width: width, into: base + row * rowScalars)
        }
      }
      ids.append(id)
      if ids.count == batchSize { try emit() }
    }
    try emit()
    return offset
  }
}
