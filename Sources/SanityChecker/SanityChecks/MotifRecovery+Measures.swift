import Foundation

extension MotifRecovery {
  /// Every ground-truth measure of one item's map.
  public struct ItemMeasures: Hashable, Codable, Sendable {
    /// Top-k-in-motif (``MotifRecovery/fractionInMotif(scores:planted:k:)``).
    public var topK: Double?
    /// The draw behind top-k-in-motif, for its exact test (``TopKSignificance``).
    public var draw: TopKSignificance.Draw?
    /// AUROC against the informative planted positions (``LocalizationMetrics/auroc(scores:labels:)``).
    public var auroc: Double?
    /// Average precision against the same positions.
    public var aupr: Double?
    /// Mean magnitude inside over the background's largest.
    public var snrMax: Double?
    /// Mean magnitude inside over the background's mean.
    public var snrMean: Double?
  }

  /// The smallest column information, in bits, at which a planted position counts as a positive
  /// for AUROC and AUPR (the Koo lab's `interpretability_performance`).
  public static let minimumInformation = 0.01

  /// Each column's information content against a uniform background, in bits.
  ///
  /// ```
  /// IC_j = 2 + Σ_b p_{j,b} log2 p_{j,b}        (0 · log 0 = 0)
  /// ```
  /// - Parameter probabilities: Rows of A, C, G, T probabilities, one per column.
  /// - Returns: One value per column, in [0, 2] for a distribution.
  public static func informationContent(_ probabilities: [[Double]]) -> [Double] {
    probabilities.map { row in
      2 + row.reduce(0) { $0 + ($1 > 0 ? $1 * log2($1) : 0) }
    }
  }

  /// Per position: planted (inside any site), informative (inside a site at a column whose
  /// information exceeds ``minimumInformation``, or every planted position when the motif's
  /// columns are not given), and background (outside every site).
  /// - Parameters:
  ///   - sites: The planted sites of one item.
  ///   - length: L.
  ///   - information: Per motif identifier, each column's information (``informationContent(_:)``).
  /// - Returns: Three masks of L positions.
  public static func positionLabels(
    _ sites: [MotifInstance], length: Int, information: [String: [Double]]
  ) -> (planted: [Bool], informative: [Bool], background: [Bool]) {
    var planted = [Bool](repeating: false, count: length)
    var informative = planted
    for site in sites {
      let columns = information[site.motif]
      for position in site.positions where (0..<length).contains(position) {
        planted[position] = true
        let offset = position - site.start
        let column = site.strand == .forward ? offset : site.width - 1 - offset
        if let columns, columns.indices.contains(column) {
          if columns[column] > minimumInformation { informative[position] = true }
        } else {
          informative[position] = true
        }
      }
    }
    return (planted, informative, planted.map { !$0 })
  }

  /// Every measure of every item of a batch of maps.
  /// - Parameters:
  ///   - maps: `[N, L, 4]` (or `[N, L]`).
  ///   - input: The one-hot inputs `[N, L, 4]`.
  ///   - instances: The planted sites of each item.
  /// - Returns: N measures.
  public func measures(_ maps: Tensor, input: Tensor, instances: [[MotifInstance]])
    -> [ItemMeasures]
  {
    precondition(
      maps.batchSize == input.batchSize && instances.count == input.batchSize,
      "MotifRecovery: \(maps.batchSize) maps, \(input.batchSize) inputs, \(instances.count) instance lists"
    )
    let (mapShape, inputShape) = (maps.shape.item, input.shape.item)
    let parts = Parallel.mapChunks(count: input.batchSize, chunkSize: 16) { range in
      range.map { item -> ItemMeasures in
        let scores = Self.positionScores(
          maps.items(item..<(item + 1)).reshaped(mapShape),
          input: input.items(item..<(item + 1)).reshaped(inputShape), score: configuration.score)
        return measures(scores: scores, sites: instances[item])
      }
    }
    return parts.flatMap { $0 }
  }

  /// Every measure of one item's per-position scores.
  func measures(scores: [Float], sites: [MotifInstance]) -> ItemMeasures {
    let labels = Self.positionLabels(
      sites, length: scores.count, information: configuration.informationContent)
    let topK = Self.fractionInMotif(scores: scores, planted: sites.map(\.positions), k: fixedK)
    let plantedCount = labels.planted.filter { $0 }.count
    let k = min(fixedK ?? plantedCount, scores.count)
    let draw = topK.map {
      TopKSignificance.Draw(
        length: scores.count, planted: plantedCount, k: k, hits: Int(($0 * Double(k)).rounded()))
    }
    let isConstant = scores.allSatisfy { $0 == scores.first }
    let snr = LocalizationMetrics.signalToNoise(
      scores: scores, inside: labels.informative, background: labels.background)
    return ItemMeasures(
      topK: topK, draw: draw,
      auroc: isConstant
        ? nil : LocalizationMetrics.auroc(scores: scores, labels: labels.informative),
      aupr: isConstant
        ? nil : LocalizationMetrics.averagePrecision(scores: scores, labels: labels.informative),
      snrMax: snr.max, snrMean: snr.mean)
  }

  /// The chance level of each measure per item: top-k |planted| / L, AUROC ½, AUPR the expected
  /// average precision of a random order
  /// (``LocalizationMetrics/expectedAveragePrecision(positives:length:)``), SNR_mean 1 (`nil` for
  /// items without sites).
  /// - Parameters:
  ///   - instances: The planted sites of each item.
  ///   - length: L.
  /// - Returns: Per metric name, one value per item.
  public func chanceLevels(_ instances: [[MotifInstance]], length: Int) -> [(String, [Double?])] {
    let precision = instances.map { sites -> Double? in
      let informative = Self.positionLabels(
        sites, length: length, information: configuration.informationContent
      ).informative.filter { $0 }.count
      return LocalizationMetrics.expectedAveragePrecision(positives: informative, length: length)
    }
    return [
      (Self.metricName, Self.chance(instances, length: length)),
      ("auroc", precision.map { $0 == nil ? nil : 0.5 }),
      ("aupr", precision),
      ("snr-mean", precision.map { $0 == nil ? nil : 1 }),
    ]
  }
}
