extension GenomeTrack {
  /// The records of each chromosome in track order: chromosomes by their names' bytes
  /// (`LC_COLLATE=C`), records by start, then by their place in the input.
  /// - Parameter places: One place per record.
  /// - Returns: Per chromosome, its name and its records' indices into `places`.
  static func ordered(_ places: [RecordCoordinates]) -> [(name: String, records: [Int])] {
    let byChromosome = Dictionary(grouping: places.indices, by: { places[$0].chromosome })
    return byChromosome.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { name in
      (
        name,
        (byChromosome[name] ?? []).sorted { (places[$0].start, $0) < (places[$1].start, $1) }
      )
    }
  }

  /// Combines one chromosome's records, given in track order, base by base into intervals.
  ///
  /// ```
  /// value(b) = mean or max over the records r covering b of score_r(b)
  /// ```
  /// A base is finished, and handed to `emit` as the interval `[b, b + 1)`, as soon as a record
  /// starting after it arrives (no later record can cover it, as records come sorted by start),
  /// so memory holds the bases of the records still open, not a whole run of overlapping records.
  /// Each base sums its records in the order given, so the values do not depend on how the
  /// records were delivered (whole, or read back one at a time).
  struct RecordMerger {
    /// How overlapping records combine.
    let rule: MergeRule
    /// The genome position of `totals[head]`.
    private var origin = 0
    private var head = 0
    private var totals: [Double] = []
    private var largest: [Float] = []
    private var counts: [Int] = []

    /// A merger for one chromosome.
    /// - Parameter rule: Mean or max.
    init(rule: MergeRule) { self.rule = rule }

    /// Adds a record's per-position values, after finishing the bases before its start.
    /// - Parameters:
    ///   - place: The record's place; positions `0..<values.count` map to its span.
    ///   - values: The record's score per position.
    ///   - emit: Receives each finished base as `(start, end, value)`, in genome order.
    /// - Throws: What `emit` throws.
    mutating func add(
      _ place: RecordCoordinates, values: UnsafeBufferPointer<Float>,
      emit: (Int, Int, Float) throws -> Void
    ) rethrows {
      try finish(before: place.start, emit: emit)
      if head == totals.count {
        (origin, head) = (place.start, 0)
        totals.removeAll(keepingCapacity: true)
        largest.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
      }
      let needed = place.end - origin
      if needed > totals.count {
        let extra = needed - totals.count
        totals += repeatElement(0, count: extra)
        largest += repeatElement(-.infinity, count: extra)
        counts += repeatElement(0, count: extra)
      }
      for position in values.indices {
        let base = place.genomePosition(of: position) - origin
        let value = values[position]
        totals[base] += Double(value)
        largest[base] = Swift.max(largest[base], value)
        counts[base] += 1
      }
    }

    /// Finishes every base before `position` (all bases when `nil`).
    /// - Parameters:
    ///   - position: The first base to keep open.
    ///   - emit: Receives each finished base that a record covers, in genome order.
    /// - Throws: What `emit` throws.
    mutating func finish(before position: Int? = nil, emit: (Int, Int, Float) throws -> Void)
      rethrows
    {
      let end = Swift.min(totals.count, position.map { Swift.max(head, $0 - origin) } ?? .max)
      while head < end {
        if counts[head] > 0 {
          let value =
            rule == .mean ? Float(totals[head] / Double(counts[head])) : largest[head]
          try emit(origin + head, origin + head + 1, value)
        }
        head += 1
      }
      // Drop finished bases once they are most of the buffer, so it does not grow along the
      // chromosome.
      if head > 0, head * 2 >= totals.count, head < totals.count {
        totals.removeFirst(head)
        largest.removeFirst(head)
        counts.removeFirst(head)
        (origin, head) = (origin + head, 0)
      }
    }
  }
}
