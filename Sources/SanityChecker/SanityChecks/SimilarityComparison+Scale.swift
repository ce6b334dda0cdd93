extension SimilarityComparison {
  /// The floor's scores and the method's ceiling and perfect scores of one reading.
  struct Reference {
    /// The random control's `[seed][stage][item]` scores.
    var floor: [[[Double?]]]
    /// The method's ceiling per item.
    var ceiling: [Double?]
    /// The method's perfect score per item.
    var perfect: [Double?]
  }

  /// The reference of the first metric's reading (`pick` chooses the metric).
  func reference(
    _ method: MethodScores, floor: MethodScores?, pick: (([[Double?]]) -> [Double?])
  ) -> Reference? {
    reference(
      method, floor: floor, scores: { $0[0] }, selfScores: pick)
  }

  /// The reference of a reading computed from the metrics' scores by `scores` and `selfScores`.
  func reference(
    _ method: MethodScores, floor: MethodScores?, scores: ([[[[Double?]]]]) -> [[[Double?]]],
    selfScores: ([[Double?]]) -> [Double?]
  ) -> Reference? {
    guard let floor, !method.ceiling.isEmpty, !method.perfect.isEmpty,
      floor.scores.first?.count == method.scores.first?.count
    else { return nil }
    return Reference(
      floor: scores(floor.scores), ceiling: selfScores(method.ceiling),
      perfect: selfScores(method.perfect))
  }

  /// The summary a verdict reads from `[seed][stage][item]` scores on drawn seeds and items
  /// (every seed and item when `draws` is `nil`): the mean over seeds of each seed's summary over
  /// stages of the mean over items.
  func summary(_ perSeed: [[[Double?]]], draws: [(replicate: Int, items: [Int])]?) -> Double {
    let chosen = draws ?? perSeed.indices.map { ($0, Array(0..<(perSeed[$0].first?.count ?? 0))) }
    let values = chosen.map { seed, items in
      verdictStage.summary(of: perSeed[seed].map { Self.mean($0, items: items) })
    }
    guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return .nan }
    return values.reduce(0, +) / Double(values.count)
  }

  /// The run's scale of one reading (``SimilarityScale``), with the normalized score's and the
  /// reproducibility's intervals from the same resamples of seeds and items.
  /// - Parameters:
  ///   - perSeed: The method's `[seed][stage][item]` scores.
  ///   - reference: The floor's scores and the method's ceiling and perfect scores.
  ///   - streamName: Names the bootstrap's stream.
  /// - Returns: The scale.
  func scale(_ perSeed: [[[Double?]]], reference: Reference, streamName: String) -> SimilarityScale
  {
    // normalized, reproducibility, floor and ceiling of the same resample.
    func statistics(_ draws: [(replicate: Int, items: [Int])]?) -> [Double] {
      let items = draws.map { $0.flatMap(\.items) }
      let s = summary(perSeed, draws: draws)
      let f = summary(reference.floor, draws: draws)
      let c = Self.mean(reference.ceiling, items: items)
      let p = Self.mean(reference.perfect, items: items)
      // Adding 0 writes a zero numerator as 0, not -0.
      return [(s - f) / (c - f) + 0, (c - f) / (p - f) + 0, f, c]
    }
    let estimates = statistics(nil)
    let intervals = bootstrap.intervals(
      itemCounts: perSeed.map { $0.first?.count ?? 0 }, name: streamName, count: 4,
      statistics: statistics)
    var scale = SimilarityScale(
      floor: estimates[2], ceiling: estimates[3],
      perfect: Self.mean(reference.perfect, items: nil),
      normalized: (estimates[0], intervals[0]),
      reproducibility: (estimates[1], intervals[1]))
    scale.floorInterval = intervals[2]
    scale.ceilingInterval = intervals[3]
    return scale
  }

  /// The rows of a method's scale, per judged reading: `floor`, `ceiling` and `normalized`, each
  /// with its interval from the same resamples, seed `all`, the reading's name as metric.
  func scaleRows(_ method: MethodScores, readings: [SimilarityEvidence]) -> [ResultRow] {
    readings.flatMap { reading -> [ResultRow] in
      guard let scale = reading.scale else { return [] }
      let values: [(ResultStage, Double, (low: Double, high: Double))] = [
        (.floor, scale.floor, scale.floorInterval),
        (.ceiling, scale.ceiling, scale.ceilingInterval),
        (.normalized, scale.normalized, scale.normalizedInterval),
      ]
      return values.map { stage, value, interval in
        var row = ResultRow(
          check: check, order: order, method: method.method, layer: stage, seed: .all,
          metric: reading.rule.metric, view: method.view, replicates: [],
          bootstrap: Bootstrap(resamples: 0))
        row.mean = value
        (row.ciLow, row.ciHigh) = interval
        row.n = value.isFinite ? reading.items * max(1, reading.perSeed.count) : 0
        row.undefined = value.isFinite ? 0 : reading.items * max(1, reading.perSeed.count)
        return row
      }
    }
  }
}
