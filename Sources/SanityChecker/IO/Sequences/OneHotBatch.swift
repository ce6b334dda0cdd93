/// One batch of one-hot encoded records from a stream.
public struct OneHotBatch: Sendable {
  /// The index in the stream of the batch's first record.
  public var offset: Int
  /// The identifiers of the batch's records.
  public var ids: [String]
  /// The encoded records, of shape `[B, L, 4]` with `B <= batchSize`.
  public var inputs: Tensor

  /// Creates a batch.
  /// - Parameters:
  ///   - offset: The stream index of the first record.
  ///   - ids: The identifiers.
  ///   - inputs: The encoded records, `[B, L, 4]`.
  public init(offset: Int, ids: [String], inputs: Tensor) {
    self.offset = offset
    self.ids = ids
    self.inputs = inputs
  }
}
