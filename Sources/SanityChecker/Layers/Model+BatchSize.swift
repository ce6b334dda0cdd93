extension Model {
  /// The whole multiple of ``chunkSize`` nearest below `target` items (at least one chunk): the
  /// batch size of commands that explain items a batch at a time.
  ///
  /// ```
  /// batch = chunkSize · max(1, ⌊target / chunkSize⌋)
  /// ```
  /// Because every batch is then whole chunks, a block of items that starts on a chunk (a shard,
  /// ``Shard/range(of:granule:)`` with the chunk size as granule) is cut into the same chunks as
  /// the whole run, and each item's values are the same bit for bit (BLAS results depend on the
  /// rows computed together).
  /// - Parameter target: The batch size wanted, such as 1,024.
  /// - Returns: The batch size.
  public func batchSize(near target: Int) -> Int {
    let chunk = max(1, chunkSize)
    return chunk * max(1, target / chunk)
  }
}
