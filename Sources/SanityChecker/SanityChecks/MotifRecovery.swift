/// Motif recovery: the share of a map's strongest positions that fall on planted motifs.
///
/// Do an attribution map's strongest positions fall on the motifs planted in the sequence?
///
/// ```
/// s_i      = per-position score (attribution at the observed base, or |Σ_c attribution_i,c|)
/// top_k    = the k positions with the largest s_i   (ties: the lower position first)
/// recovery = |top_k ∩ planted| / k,                 k = |planted| by default (the motif width)
/// chance   = |planted| / L                          (k positions drawn uniformly at random)
/// ```
/// A map that has learned the motif puts its top positions on the site (recovery near 1); the
/// same method on a randomized model should fall towards chance. This is the ground-truth
/// localization measure of simulated-genomics benchmarks (e.g. the "top-k in motif" scores of
/// Koo & Ploenzke 2021, doi:10.1038/s42256-020-00291-x; DeepLIFT's simulated data,
/// Shrikumar et al. 2017, arXiv:1704.02685), reported beside the similarity metrics of
/// model-parameter randomization (Adebayo et al. 2018, arXiv:1810.03292).
///
/// Defaults and deviations: the default score is the signed attribution at the observed base,
/// so positions that argue *against* the target rank last. An item without planted sites, or
/// whose scores are all equal (e.g. an all-zero map of a dead randomized model), is undefined
/// (`nil`) rather than scored from an arbitrary tie order.
///
/// Properties: recovery lies in [0, 1]; it is invariant to any strictly increasing map of the
/// scores (only their order matters); with `k = |planted|` it is 1 exactly when the planted
/// positions are the top positions.
public struct MotifRecovery: Sendable {
  /// How one position's score is taken from a DNA map `[L, 4]`.
  public enum PositionScore: String, Hashable, Sendable, CaseIterable {
    /// The attribution at the observed base (the one-hot input's channel), signed.
    case observedBase = "observed-base"
    /// The absolute value of the sum over the four channels.
    case absoluteChannelSum = "abs-channel-sum"
  }

  /// How many top positions are compared with the planted sites.
  public enum TopK: Hashable, Sendable {
    /// As many as the planted sites cover (the motif width for one site).
    case plantedWidth
    /// A fixed number of positions.
    case fixed(Int)
  }

  /// The check's settings.
  public struct Configuration: Sendable {
    /// The per-position score.
    public var score: PositionScore
    /// The number of top positions.
    public var topK: TopK
    /// How the compared models are randomized (`complete`: every layer at once).
    public var order: RandomizationOrder
    /// How randomized layers are re-drawn.
    public var scheme: InitializationScheme
    /// The randomization seeds.
    public var seeds: [UInt64]
    /// Whether rows keep per-item values.
    public var keepsItemValues: Bool
    /// Per motif identifier, each column's information in bits (``informationContent(_:)``).
    ///
    /// AUROC and AUPR count a planted position as positive only above 0.01 bits. Motifs not
    /// listed count every planted position.
    public var informationContent: [String: [Double]]

    /// Creates settings.
    /// - Parameters:
    ///   - score: The attribution at the observed base by default.
    ///   - topK: The planted width by default.
    ///   - order: Complete randomization by default.
    ///   - scheme: Glorot uniform (Keras' default initializer) by default.
    ///   - seeds: One seed (0) by default.
    ///   - keepsItemValues: Keep per-item values.
    ///   - informationContent: Column information per motif (none by default).
    public init(
      score: PositionScore = .observedBase, topK: TopK = .plantedWidth,
      order: RandomizationOrder = .complete,
      scheme: InitializationScheme = .glorotUniform, seeds: [UInt64] = [0],
      keepsItemValues: Bool = false, informationContent: [String: [Double]] = [:]
    ) {
      self.informationContent = informationContent
      self.score = score
      self.topK = topK
      self.order = order
      self.scheme = scheme
      self.seeds = seeds
      self.keepsItemValues = keepsItemValues
    }
  }

  /// The metric's name in results.
  public static let metricName = "top-k-in-motif"

  /// The settings.
  public var configuration: Configuration

  /// Creates the check.
  /// - Parameter configuration: The settings.
  public init(_ configuration: Configuration = Configuration()) {
    self.configuration = configuration
  }

  /// The fraction of the top-k positions that lie inside the planted sites.
  /// - Parameters:
  ///   - scores: One score per position (NaN ranks last).
  ///   - planted: The planted sites' positions.
  ///   - k: The number of top positions (`nil`: the number of planted positions).
  /// - Returns: The fraction in [0, 1]; `nil` when nothing is planted, k is not positive, or
  ///   every score is equal.
  public static func fractionInMotif(scores: [Float], planted: [Range<Int>], k: Int? = nil)
    -> Double?
  {
    var isPlanted = [Bool](repeating: false, count: scores.count)
    for range in planted {
      for position in range where isPlanted.indices.contains(position) {
        isPlanted[position] = true
      }
    }
    let plantedCount = isPlanted.filter { $0 }.count
    let count = min(k ?? plantedCount, scores.count)
    guard plantedCount > 0, count > 0, let first = scores.first,
      scores.contains(where: { $0 != first })
    else {
      return nil
    }
    let key = scores.map { $0.isNaN ? -Float.infinity : $0 }
    let order = scores.indices.sorted { key[$0] != key[$1] ? key[$0] > key[$1] : $0 < $1 }
    let hits = order.prefix(count).filter { isPlanted[$0] }.count
    return Double(hits) / Double(count)
  }

  /// The per-position scores of one item's map.
  /// - Parameters:
  ///   - map: `[L, 4]` (or `[L]`, e.g. Grad-CAM, used as it is).
  ///   - input: The one-hot input `[L, 4]`.
  ///   - score: The score.
  /// - Returns: L scores.
  public static func positionScores(_ map: Tensor, input: Tensor, score: PositionScore) -> [Float] {
    guard map.shape == input.shape else {
      return score == .absoluteChannelSum ? map.scalars.map(abs) : map.scalars
    }
    switch score {
    case .observedBase: return AttributionView.observedBase.values(of: map, input: input).scalars
    case .absoluteChannelSum:
      return AttributionView.channelSum.values(of: map, input: input).scalars.map(abs)
    }
  }

  /// Recovery per item of a batch of maps.
  /// - Parameters:
  ///   - maps: `[N, L, 4]` (or `[N, L]`).
  ///   - input: The one-hot inputs `[N, L, 4]`.
  ///   - instances: The planted sites of each of the N items.
  /// - Returns: N fractions, `nil` where undefined.
  public func recovery(_ maps: Tensor, input: Tensor, instances: [[MotifInstance]]) -> [Double?] {
    precondition(
      maps.batchSize == input.batchSize && instances.count == input.batchSize,
      "MotifRecovery: \(maps.batchSize) maps, \(input.batchSize) inputs, \(instances.count) instance lists"
    )
    let (mapShape, inputShape) = (maps.shape.item, input.shape.item)
    return (0..<input.batchSize).map { item in
      let scores = Self.positionScores(
        maps.items(item..<(item + 1)).reshaped(mapShape),
        input: input.items(item..<(item + 1)).reshaped(inputShape),
        score: configuration.score)
      return Self.fractionInMotif(
        scores: scores, planted: instances[item].map(\.positions), k: fixedK)
    }
  }

  /// The chance level per item: the planted fraction of the sequence, `|planted| / L`.
  /// - Parameters:
  ///   - instances: The planted sites of each item.
  ///   - length: The sequence length L.
  /// - Returns: One value per item, `nil` for items without sites.
  public static func chance(_ instances: [[MotifInstance]], length: Int) -> [Double?] {
    instances.map { sites in
      let covered = Set(sites.flatMap { Array($0.positions) }).filter { (0..<length).contains($0) }
        .count
      return covered == 0 || length == 0 ? nil : Double(covered) / Double(length)
    }
  }

  /// The configured k, or `nil` for the planted width.
  var fixedK: Int? {
    switch configuration.topK {
    case .plantedWidth: return nil
    case .fixed(let k): return k
    }
  }
}
