/// Per-base attribution placed on the genome: sorted, non-overlapping intervals with one value
/// each, as bedGraph and bigWig hold them.
///
/// Built by ``init(_:score:merge:sizes:)``:
/// 1. each record is placed by ``RecordCoordinates`` (BED coordinates from its id; a `-` record's
///    position `i` lies on base `end − 1 − i`), and checked against the chromosome sizes when
///    given;
/// 2. each position's value is the ``AttributionScore`` of its map;
/// 3. where records overlap, a base's value is the mean (``MergeRule/mean``) or the largest
///    value (``MergeRule/max``) of the records covering it;
/// 4. consecutive bases with exactly equal values become one interval (run-length merging);
///    bases no record covers get no interval.
///
/// Chromosomes are ordered by their names' bytes (`LC_COLLATE=C`, `strcmp`), intervals by
/// start: the order `sort -k1,1 -k2,2n` gives under the C locale, which `bedGraphToBigWig`
/// checks and which the bigWig chromosome index (a B+ tree keyed by name) is built in. Memory
/// holds the intervals plus the bases of the records still open (``RecordMerger``);
/// ``StreamingTrack`` writes a bedGraph without holding the intervals.
public struct GenomeTrack: Sendable, Equatable {
  /// How the values of overlapping records are combined at a base.
  public enum MergeRule: String, Sendable, CaseIterable {
    /// The arithmetic mean of the covering records' values.
    case mean
    /// The largest (signed) value among the covering records.
    case max
  }

  /// One chromosome's intervals: `[starts[i], ends[i])` holds `values[i]`, sorted, disjoint.
  public struct Chromosome: Sendable, Equatable {
    /// The chromosome's name.
    public var name: String
    /// Its length, when the chromosome sizes were given.
    public var length: Int?
    /// Interval starts (0-based).
    public var starts: [Int] = []
    /// Interval ends (excluded).
    public var ends: [Int] = []
    /// Interval values.
    public var values: [Float] = []

    /// Creates a chromosome's track.
    /// - Parameters:
    ///   - name: The name.
    ///   - length: The length, if known.
    public init(name: String, length: Int?) {
      self.name = name
      self.length = length
    }

    /// Appends `[start, end)` with `value`, extending the last interval when it ends at `start`
    /// with the same value.
    mutating func append(start: Int, end: Int, value: Float) {
      if let last = ends.last, last == start, values.last == value {
        ends[ends.count - 1] = end
      } else {
        starts.append(start)
        ends.append(end)
        values.append(value)
      }
    }
  }

  /// The chromosomes that have intervals, in byte order of their names.
  public var chromosomes: [Chromosome]

  /// Creates a track from chromosomes already sorted and merged.
  /// - Parameter chromosomes: The chromosomes.
  public init(chromosomes: [Chromosome]) {
    self.chromosomes = chromosomes
  }

  /// Places attribution maps on the genome.
  /// - Parameters:
  ///   - explained: Sequences with maps; every id must hold coordinates.
  ///   - score: The per-base value.
  ///   - merge: How overlapping records combine.
  ///   - sizes: The chromosome sizes; records must lie inside them. `nil` checks nothing.
  /// - Throws: ``CoordinateError`` naming the record.
  public init(
    _ explained: ExplainedSequences, score: AttributionScore, merge: MergeRule,
    sizes: ChromosomeSizes?
  ) throws(CoordinateError) {
    let length = explained.length
    let places = try Self.places(
      of: explained.ids, length: length, file: explained.inputFile, sizes: sizes)
    let scores = score.scores(explained)
    chromosomes = Self.ordered(places).map { name, records in
      var chromosome = Chromosome(name: name, length: sizes?.length(of: name))
      var merger = RecordMerger(rule: merge)
      let emit = { (start: Int, end: Int, value: Float) in
        chromosome.append(start: start, end: end, value: value)
      }
      scores.withUnsafeBufferPointer { values in
        for record in records {
          merger.add(
            places[record],
            values: UnsafeBufferPointer(
              rebasing: values[(record * length)..<((record + 1) * length)]),
            emit: emit)
        }
      }
      merger.finish(emit: emit)
      return chromosome
    }
  }

  /// Places records on the genome, checking them against the chromosome sizes; callers use it
  /// to refuse bad records before computing any map.
  /// - Parameters:
  ///   - ids: The record ids.
  ///   - length: The records' length.
  ///   - file: The sequence file, for messages.
  ///   - sizes: The chromosome sizes, or `nil` to check nothing more.
  /// - Returns: One place per record.
  /// - Throws: ``CoordinateError`` naming the first bad record.
  public static func places(
    of ids: [String], length: Int, file: String, sizes: ChromosomeSizes?
  ) throws(CoordinateError) -> [RecordCoordinates] {
    var places: [RecordCoordinates] = []
    places.reserveCapacity(ids.count)
    for id in ids {
      let place = try RecordCoordinates.parse(id: id, length: length, file: file)
      if let sizes {
        guard let size = sizes.length(of: place.chromosome) else {
          throw .unknownChromosome(
            file: file, record: id, chromosome: place.chromosome, sizes: sizes.file)
        }
        guard place.end <= size else {
          throw .outsideChromosome(
            file: file, record: id, end: place.end, size: size, sizes: sizes.file)
        }
      }
      places.append(place)
    }
    return places
  }

  /// The number of intervals over all chromosomes.
  public var intervalCount: Int { chromosomes.reduce(0) { $0 + $1.starts.count } }
}
