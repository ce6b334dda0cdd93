import Foundation

/// Attribution maps of a sequence file (FASTA or `.seq`, plain or gzip), explained and written to
/// HDF5 a batch at a time, whole or one shard (`--shard K/N`) at a time: what `sanity explain`
/// does with a sequence file, in memory that does not grow with the number of records.
///
/// One pass counts the records; a second skips the records before the block without encoding
/// them, then encodes, explains and writes batches of ``Model/batchSize(near:)`` (about 1,024)
/// sequences, and stops after the block. Blocks start on a multiple of ``Model/chunkSize``
/// (``Shard/range(of:granule:)``), so each item is computed in the same chunk as in the whole
/// run, and seeded methods number items by their index in the file: a shard's maps are the whole
/// run's rows, bit for bit.
public struct StreamingExplain: Sendable {
  /// The sequence file.
  public var input: URL
  /// The encoder (unknown bases, length policy).
  public var encoder: OneHot
  /// Only the first this many records make up the run (`nil`: all).
  public var limit: Int?
  /// The block to explain.
  public var shard: Shard

  /// Creates a streaming explanation.
  /// - Parameters:
  ///   - input: A FASTA or `.seq` file, plain or gzip.
  ///   - encoder: The one-hot encoder.
  ///   - limit: The number of records that make up the run (`nil`: all).
  ///   - shard: The block (``Shard/whole`` for every record).
  public init(input: URL, encoder: OneHot, limit: Int? = nil, shard: Shard = .whole) {
    self.input = input
    self.encoder = encoder
    self.limit = limit
    self.shard = shard
  }

  /// Whether a file can be streamed: FASTA or `.seq`, plain or gzip, by its name.
  /// - Parameter url: The input.
  /// - Returns: `true` for `.fa`, `.fasta`, `.fna` and `.seq`, with or without `.gz`.
  public static func accepts(_ url: URL) -> Bool { InputData.isSequenceFile(url) }

  /// The number of records of the run (at most ``limit``) and its first record, one-hot encoded
  /// (`[1, L, 4]`), to size the model before anything is explained.
  /// - Returns: The count and the first record.
  /// - Throws: The reader's error naming the file and line, ``OneHotError``, or
  ///   ``CommandPartError/noRecords(file:)``.
  public func survey() throws -> (count: Int, probe: Tensor) {
    let reader = try InputData.sequenceReader(input)
    var (bases, first, total) = ([UInt8](), [UInt8]?.none, 0)
    while try reader.nextSequence(into: &bases) != nil {
      if first == nil { first = bases }
      total += 1
    }
    guard let first, total > 0 else { throw CommandPartError.noRecords(file: input.path) }
    return (min(total, limit ?? total), try encoder.encode([first]))
  }

  /// Whether the run's records have several lengths that the encoder keeps (``LengthPolicy/reject``):
  /// their maps are ragged and cannot be streamed into one dataset.
  /// - Returns: `true` when two of the first ``limit`` records differ in length.
  /// - Throws: The reader's error naming the file and line.
  public func hasSeveralLengths() throws -> Bool {
    guard case .reject = encoder.lengthPolicy else { return false }
    let reader = try InputData.sequenceReader(input)
    var (bases, length, seen) = ([UInt8](), Int?.none, 0)
    while seen < (limit ?? .max), try reader.nextSequence(into: &bases) != nil {
      if let length, length != bases.count { return true }
      (length, seen) = (bases.count, seen + 1)
    }
    return false
  }

  /// Explains the block's records and writes them to an `.h5` in the layout of
  /// ``AttributionExport`` (through ``StreamingAttributionExport``); an empty block writes nothing.
  /// - Parameters:
  ///   - explainer: The method.
  ///   - model: The model, sized for the records (``survey()``'s probe).
  ///   - target: The unit to explain for every item, or `nil` for each item's predicted unit.
  ///   - metadata: The method's name, the model file and the settings (targets come from the batches).
  ///   - count: The run's record count (``survey()``).
  ///   - destination: The `.h5` file.
  ///   - progress: Called with the number of the block's items done after each batch.
  /// - Returns: The block's items, as indices into the run's records.
  /// - Throws: The reader's or encoder's error, the explainer's, ``OutputError`` or
  ///   ``ModelFileError``.
  @discardableResult
  public func write(
    _ explainer: any Explainer, model: Model, target: Int?,
    metadata: AttributionExport.Metadata, count: Int, to destination: OutputDestination,
    progress: (Int) -> Void = { _ in }
  ) throws -> Range<Int> {
    let block = shard.range(of: count, granule: model.chunkSize)
    guard !block.isEmpty else { return block }
    let probe = try survey().probe
    let itemShape = try explainer.attribution(
      for: probe, targets: [target ?? 0], in: model
    ).values.shape.item
    try StreamingAttributionExport.write(
      to: destination, itemShape: itemShape, count: block.count, metadata: metadata
    ) { export in
      let reader = try InputData.sequenceReader(input)
      var bases: [UInt8] = []
      for _ in 0..<block.lowerBound { _ = try reader.nextSequence(into: &bases) }
      let records = BlockSequenceReader(reader, count: block.count)
      let batchSize = model.batchSize(near: 1024)
      _ = try encoder.forEachBatch(from: records, batchSize: batchSize) { batch in
        let inputs = batch.inputs
        let targets =
          target.map { [Int](repeating: $0, count: inputs.batchSize) }
          ?? model.predictedTargets(inputs)
        try export.append(
          try explainer.numberingItems(from: block.lowerBound + batch.offset).attribution(
            for: inputs, targets: targets, in: model),
          ids: batch.ids)
        progress(batch.offset + inputs.batchSize)
      }
    }
    return block
  }
}

/// The next `count` records of another reader, then none.
final class BlockSequenceReader: SequenceRecordReader {
  private let base: any SequenceRecordReader
  private var remaining: Int

  /// The file being read.
  var file: String { base.file }

  /// Reads at most `count` records of `base`.
  init(_ base: any SequenceRecordReader, count: Int) {
    self.base = base
    self.remaining = count
  }

  /// The next record's id and bases, or `nil` after `count` records.
  func nextSequence(into bases: inout [UInt8]) throws -> String? {
    guard remaining > 0 else { return nil }
    remaining -= 1
    return try base.nextSequence(into: &bases)
  }
}
