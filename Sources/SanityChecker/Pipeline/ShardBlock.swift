import Foundation

/// One shard (`--shard K/N`) of a sequence file, read with the model that explains it: what a
/// sharded per-sequence command (`predict`, `ism`, `export summary|track`) works on.
///
/// The model is loaded first, for the length of the file's first record, because the block's
/// boundaries are whole chunks of ``Model/chunkSize`` items (``Shard/range(of:granule:)``):
/// each item is then computed in the same chunk as in the unsharded command, and its values are
/// the same bit for bit. Records before the block are read past without being encoded, records
/// after it are not read (``InputData/loadBlock(_:shard:limit:granule:oneHot:)``).
public struct ShardBlock: Sendable {
  /// The block's records, as one length group (indices from 0 within the block).
  public var group: LengthGroup
  /// The model, sized for the records.
  public var model: Model
  /// The block's items, as indices into the run's records.
  public var items: Range<Int>
  /// The run's record count (at most the limit).
  public var total: Int

  /// Reads one shard of a sequence file.
  /// - Parameters:
  ///   - url: A FASTA or `.seq` file, plain or gzip.
  ///   - shard: The block.
  ///   - limit: Only the first this many records make up the run (`nil`: all).
  ///   - oneHot: The encoder.
  ///   - loadModel: Loads the model for a sequence length (the first record's, as encoded).
  /// - Returns: The block and its model.
  /// - Throws: ``CommandPartError/noRecords(file:)``, ``CommandPartError/unreadable(file:reason:)``
  ///   for inputs that are not sequence files, the reader's or encoder's error naming the file
  ///   and line, or what `loadModel` throws.
  public static func load(
    _ url: URL, shard: Shard, limit: Int?, oneHot: OneHot,
    model loadModel: (_ sequenceLength: Int) throws -> Model
  ) throws -> ShardBlock {
    guard InputData.isSequenceFile(url) else {
      throw CommandPartError.unreadable(
        file: url.path,
        reason: "--shard reads FASTA or .seq files (plain or .gz); run images unsharded")
    }
    let probe = try StreamingExplain(input: url, encoder: oneHot, limit: limit).survey().probe
    let model = try loadModel(probe.shape[1])
    let block = try InputData.loadBlock(
      url, shard: shard, limit: limit, granule: model.chunkSize, oneHot: oneHot)
    let count = block.data.ids.count
    return ShardBlock(
      group: LengthGroup(length: probe.shape[1], indices: Array(0..<count), data: block.data),
      model: model, items: block.first..<(block.first + count), total: block.total)
  }
}
