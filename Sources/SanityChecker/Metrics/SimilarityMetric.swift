/// Whether a larger or a smaller score means two maps are more alike.
///
/// Reports use it to orient plots and thresholds; sanity checks expect scores to move *away*
/// from the similar end as the model is randomized.
public enum ScoreDirection: Sendable {
  /// Larger is more similar (correlations, SSIM, top-k intersection).
  case higherIsMoreSimilar
  /// Smaller is more similar (distances such as the normalized MSE).
  case lowerIsMoreSimilar
}

/// A similarity score between two attribution maps of the same shape.
///
/// Metrics are configuration values: they hold options (absolute values, window sizes, k) and
/// compute one score per pair of maps. They never store results. Metadata follows Quantus:
/// an ``identifier`` for reports and the CLI, and a ``direction``.
///
/// ```swift
/// let spearman = SpearmanRankCorrelation()
/// let score = spearman.score(original, randomized)   // nil for a constant map
/// ```
///
/// Properties every metric in this folder satisfies (tested):
/// - `score(x, x)` is the perfect value of its direction (1, or 0 for distances);
/// - `score(a, b) == score(b, a)` up to rounding;
/// - `nil` means *undefined*, never an error: a constant map has no rank correlation.
public protocol SimilarityMetric: Sendable {
  /// The metric family's short name, as used by the CLI and reports (`"spearman"`, `"ssim"`).
  static var identifier: String { get }

  /// Whether larger or smaller scores mean more similar.
  static var direction: ScoreDirection { get }

  /// The name of this configuration: ``identifier``, suffixed `-abs` for absolute variants.
  ///
  /// A default implementation returns ``identifier``.
  var name: String { get }

  /// The similarity of two maps.
  /// - Parameters:
  ///   - a: The first map, for example the original model's attribution (any shape).
  ///   - b: The second map, of the same shape as `a`.
  /// - Returns: The score, or `nil` when it is undefined for these maps.
  func score(_ a: Tensor, _ b: Tensor) -> Double?

  /// The scores of one reference map against several maps, in order.
  ///
  /// A default implementation calls ``score(_:_:)`` per map; metrics that can prepare the
  /// reference once (``SpearmanRankCorrelation`` ranks it once) override it with equal results.
  /// - Parameters:
  ///   - reference: The map every other map is compared with.
  ///   - maps: Maps of the reference's shape.
  /// - Returns: One score per map.
  func scores(_ reference: Tensor, against maps: [Tensor]) -> [Double?]

  /// Checks that the metric reads maps of this shape, before any map is compared.
  ///
  /// A default implementation accepts every shape (rank and distance metrics flatten maps).
  /// - Parameter shape: The shape of one map.
  /// - Throws: ``MetricError/unsupportedShape(metric:shape:supported:)``.
  func validate(mapShape shape: Shape) throws(MetricError)
}

extension SimilarityMetric {
  /// The metric family's ``identifier``.
  public var name: String { Self.identifier }

  /// Accepts every shape.
  public func validate(mapShape shape: Shape) throws(MetricError) {}

  /// `score(reference, map)` for each map.
  public func scores(_ reference: Tensor, against maps: [Tensor]) -> [Double?] {
    maps.map { score(reference, $0) }
  }
}
