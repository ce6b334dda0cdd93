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
/// holds the intervals plus one run of overlapping records at a time.
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
    let byChromosome = Dictionary(grouping: places.indices, by: { places[$0].chromosome })
    let names = byChromosome.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    chromosomes = names.map { name in
      let records = (byChromosome[name] ?? []).sorted {
        (places[$0].start, $0) < (places[$1].start, $1)
      }
      return Self.merged(
        records, places: places, scores: scores, length: length, merge: merge,
        chromosome: Chromosome(name: name, length: sizes?.length(of: name)))
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

  /// One chromosome's intervals from its records sorted by start: each run of overlapping
  /// records is combined base by base over its span.
  private static func merged(
    _ records: [Int], places: [RecordCoordinates], scores: Tensor, length: Int, merge: MergeRule,
    chromosome: Chromosome
  ) -> Chromosome {
    var track = chromosome
    var index = 0
    scores.withUnsafeBufferPointer { s in
      while index < records.count {
        let first = index
        var spanEnd = places[records[index]].end
        index += 1
        while index < records.count, places[records[index]].start < spanEnd {
          spanEnd = Swift.max(spanEnd, places[records[index]].end)
          index += 1
        }
        let spanStart = places[records[first]].start
        var totals = [Double](repeating: 0, count: spanEnd - spanStart)
        var largest = [Float](repeating: -.infinity, count: spanEnd - spanStart)
        var counts = [Int](repeating: 0, count: spanEnd - spanStart)
        for record in records[first..<index] {
          let place = places[record]
          for position in 0..<length {
            let base = place.genomePosition(of: position) - spanStart
            let value = s[record * length + position]
            totals[base] += Double(value)
            largest[base] = Swift.max(largest[base], value)
            counts[base] += 1
          }
        }
        for base in totals.indices where counts[base] > 0 {
          let value = merge == .mean ? Float(totals[base] / Double(counts[base])) : largest[base]
          track.append(start: spanStart + base, end: spanStart + base + 1, value: value)
        }
      }
    }
    return track
  }

  /// The number of intervals over all chromosomes.
  public var intervalCount: Int { chromosomes.reduce(0) { $0 + $1.starts.count } }
}
