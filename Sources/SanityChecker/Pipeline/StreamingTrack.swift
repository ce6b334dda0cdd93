import Foundation

/// A bedGraph track of a sequence file's maps, explained a batch at a time, whole or one shard
/// at a time: what `sanity export track --model M --method NAME` does, in memory that does not
/// grow with the number of records.
///
/// 1. **Place.** The block's record ids are read and placed (``RecordCoordinates``, checked
///    against the chromosome sizes when given) before any map is computed.
/// 2. **Explain.** Batches of ``Model/batchSize(near:)`` (about 1,024) sequences are explained as
///    ``StreamingExplain`` explains them (same batches, same item numbering, same targets), each
///    map checked to be finite and reduced to its per-base score (``AttributionScore``), which is
///    appended to a scratch file of float32 `[N, L]` (4 bytes per base) in the temporary
///    directory, removed afterwards.
/// 3. **Merge.** Chromosome by chromosome in track order (``GenomeTrack``), each record's scores
///    are read back and combined base by base (``GenomeTrack/RecordMerger``); finished intervals
///    are written at once, equal neighbours joined.
///
/// Memory holds the model, one batch, one place per record (tens of bytes) and the bases of the
/// records still open; the disk holds the scratch file. The bedGraph is the one
/// ``GenomeTrack/writeBedGraph(to:name:description:)`` writes for the same maps, byte for byte.
public struct StreamingTrack: Sendable {
  /// The sequence file, its encoder, the record limit and the block.
  public var source: StreamingExplain
  /// The per-base value.
  public var score: AttributionScore
  /// How overlapping records combine.
  public var merge: GenomeTrack.MergeRule
  /// The chromosome sizes records must lie in (`nil`: not checked).
  public var sizes: ChromosomeSizes?

  /// Creates a streamed track.
  /// - Parameters:
  ///   - source: The sequence file, encoder, limit and block.
  ///   - score: The per-base value.
  ///   - merge: Mean or max of overlapping records.
  ///   - sizes: The chromosome sizes, or `nil`.
  public init(
    source: StreamingExplain, score: AttributionScore, merge: GenomeTrack.MergeRule,
    sizes: ChromosomeSizes?
  ) {
    self.source = source
    self.score = score
    self.merge = merge
    self.sizes = sizes
  }

  /// Explains the block's records and writes their bedGraph; an empty block writes nothing.
  /// - Parameters:
  ///   - explainer: The method.
  ///   - model: The model, sized for the records.
  ///   - target: The unit to explain for every item, or `nil` for each item's predicted unit.
  ///   - modelFile: The model file, named when a map is not finite.
  ///   - count: The run's record count (``StreamingExplain/survey()``).
  ///   - destination: The `.bedGraph` file, or standard output.
  ///   - progress: Called with the number of the block's items explained after each batch.
  /// - Returns: The block's items (indices into the run's records) and the intervals written.
  /// - Throws: ``CoordinateError`` naming the first badly placed record, the reader's or
  ///   encoder's error, the explainer's, ``AttributionSourceError/nonFinite(file:record:)``, or
  ///   ``OutputError``.
  @discardableResult
  public func write(
    _ explainer: any Explainer, model: Model, target: Int?, modelFile: String, count: Int,
    to destination: OutputDestination, progress: (Int) -> Void = { _ in }
  ) throws -> (items: Range<Int>, intervals: Int) {
    let block = source.shard.range(of: count, granule: model.chunkSize)
    guard !block.isEmpty else { return (block, 0) }
    let length = model.inputShape[0]
    let places = try GenomeTrack.places(
      of: try ids(of: block), length: length, file: source.input.relativePath, sizes: sizes)
    let scratch = try ScoreScratch(values: length)
    var (method, targets) = (type(of: explainer).identifier, Set<Int>())
    let reader = try InputData.sequenceReader(source.input)
    var bases: [UInt8] = []
    for _ in 0..<block.lowerBound { _ = try reader.nextSequence(into: &bases) }
    _ = try source.encoder.forEachBatch(
      from: BlockSequenceReader(reader, count: block.count), batchSize: model.batchSize(near: 1024)
    ) { batch in
      let inputs = batch.inputs
      let batchTargets =
        target.map { [Int](repeating: $0, count: inputs.batchSize) }
        ?? model.predictedTargets(inputs)
      let attribution = try explainer.numberingItems(from: block.lowerBound + batch.offset)
        .attribution(for: inputs, targets: batchTargets, in: model)
      if let bad = Self.firstNonFinite(attribution.values) {
        throw AttributionSourceError.nonFinite(file: modelFile, record: batch.ids[bad])
      }
      method = attribution.method
      targets.formUnion(batchTargets)
      try scratch.append(
        score.scores(sequences: inputs, maps: attribution.values, method: attribution.method))
      progress(batch.offset + inputs.batchSize)
    }
    let title = GenomeTrack.title(method: method, targets: targets, score: score, merge: merge)
    let intervals = try BedGraphStream.write(to: destination) { stream in
      stream.append(GenomeTrack.trackLine(name: title.name, description: title.description))
      try merged(places, scratch: scratch, into: stream)
    }
    return (block, intervals)
  }

  /// The ids of the block's records, read without encoding them.
  private func ids(of block: Range<Int>) throws -> [String] {
    let reader = try InputData.sequenceReader(source.input)
    var bases: [UInt8] = []
    var ids: [String] = []
    ids.reserveCapacity(block.count)
    var index = 0
    while index < block.upperBound, let id = try reader.nextSequence(into: &bases) {
      if index >= block.lowerBound { ids.append(id) }
      index += 1
    }
    return ids
  }

  /// Every chromosome's records read back from the scratch file and merged into intervals.
  private func merged(
    _ places: [RecordCoordinates], scratch: ScoreScratch, into stream: BedGraphStream
  ) throws {
    var values = [Float](repeating: 0, count: scratch.values)
    for (name, records) in GenomeTrack.ordered(places) {
      var merger = GenomeTrack.RecordMerger(rule: merge)
      let emit = { (start: Int, end: Int, value: Float) throws in
        try stream.add(name, start: start, end: end, value: value)
      }
      for record in records {
        try scratch.read(record, into: &values)
        try values.withUnsafeBufferPointer {
          try merger.add(places[record], values: $0, emit: emit)
        }
      }
      try merger.finish(emit: emit)
      try stream.endChromosome()
    }
  }

  /// The first item of `[N, …]` maps holding NaN or infinity.
  private static func firstNonFinite(_ maps: Tensor) -> Int? {
    let perItem = maps.shape.item.count
    return maps.withUnsafeBufferPointer { values in
      (0..<maps.batchSize).first { item in
        values[(item * perItem)..<((item + 1) * perItem)].contains { !$0.isFinite }
      }
    }
  }
}
