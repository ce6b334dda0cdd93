/// The similarity of two 2-D maps through their HOG features: the rank correlation of
/// ``HOGDescriptor`` features.
///
/// ```
/// hog(a, b) = spearman(HOG(minmax(a)), HOG(minmax(b)))     minmax: scale to [0, 1]
/// ```
/// Reference: Adebayo et al., "Sanity Checks for Saliency Maps", NeurIPS 2018,
/// arXiv:1810.03292 (Section 3: "Spearman rank correlation …, the structural similarity
/// index (SSIM), and the Pearson correlation of the histogram of gradients (HOGs)"); HOG from
/// Dalal and Triggs, CVPR 2005.
///
/// **Defaults and deviations.**
/// - Spearman of the features by default (ties at 0 and at the L2-Hys clip are common, which
///   rank correlation handles); Adebayo et al. used Pearson, available as
///   ``FeatureCorrelation/pearson``.
/// - Each map (or `|map|`, with ``isAbsolute``) is min-max scaled to [0, 1] first, as for
///   ``SSIM``, so the `ε` of the block norm acts at the same scale for every map.
/// - An RGB map `[H, W, C]` is reduced over its channels first (the sum, or the sum of
///   magnitudes for `hog-abs`), as for ``SSIM``.
/// - Only 2-D maps (`[H, W]`, `[H, W, C]`) of at least one block (24 × 24 with the default
///   descriptor) have features; other maps, such as DNA `[101, 4]` or 1-D signals, score
///   `nil`. A constant map has all-zero features and scores `nil`.
///
/// **Properties.**
/// - `score(x, x) == 1`; symmetric; in [-1, 1].
/// - Invariant to positive affine maps, and to negation (orientations are modulo 180°).
/// - Falls as a map is shifted or blurred relative to the other.
public struct HOGSimilarity: SimilarityMetric, MagnitudeVariantMetric {
  /// How the two feature vectors are compared.
  public enum FeatureCorrelation: Hashable, Sendable {
    /// Spearman's rank correlation (the default).
    case spearman
    /// Pearson's correlation (as in Adebayo et al.).
    case pearson
  }

  /// `"hog"`.
  public static let identifier = "hog"
  /// Higher is more similar.
  public static let direction = ScoreDirection.higherIsMoreSimilar

  /// The feature extractor.
  public var descriptor: HOGDescriptor
  /// How the feature vectors are correlated.
  public var correlation: FeatureCorrelation
  /// Whether the magnitudes `|a|`, `|b|` are described (`"hog-abs"`).
  public var isAbsolute: Bool

  /// Creates the metric.
  /// - Parameters:
  ///   - descriptor: The feature extractor (skimage's defaults).
  ///   - correlation: ``FeatureCorrelation/spearman`` by default.
  ///   - absolute: Describe `|a|` and `|b|` (`"hog-abs"`); `false` by default.
  public init(
    descriptor: HOGDescriptor = HOGDescriptor(), correlation: FeatureCorrelation = .spearman,
    absolute: Bool = false
  ) {
    self.descriptor = descriptor
    self.correlation = correlation
    self.isAbsolute = absolute
  }

  /// The correlation of the HOG features of the two min-max scaled maps.
  /// - Parameters:
  ///   - a: The first map, `[H, W]` or `[H, W, C]`.
  ///   - b: The second map, of the same shape.
  /// - Returns: The correlation in [-1, 1], or `nil` for maps without features (not 2-D,
  ///   smaller than a block) or with constant features.
  public func score(_ a: Tensor, _ b: Tensor) -> Double? {
    precondition(a.shape == b.shape, "HOGSimilarity: shapes \(a.shape) and \(b.shape) differ")
    guard case let (x, extents)? = MapGeometry.planar(a, isAbsolute: isAbsolute),
      extents.count == 2,
      case let (y, _)? = MapGeometry.planar(b, isAbsolute: isAbsolute)
    else { return nil }
    let (rows, columns) = (extents[0], extents[1])
    guard
      let featuresA = descriptor.features(of: x, rows: rows, columns: columns),
      let featuresB = descriptor.features(of: y, rows: rows, columns: columns)
    else { return nil }
    switch correlation {
    case .pearson:
      return Self.pearson(featuresA, featuresB)
    case .spearman:
      guard let ranksA = Ranking.averageRanks(of: featuresA),
        let ranksB = Ranking.averageRanks(of: featuresB)
      else { return nil }
      return Self.pearson(ranksA, ranksB)
    }
  }

  /// Accepts `[L]` (no features: scores `nil`), `[H, W]` and `[H, W, C]`.
  /// - Parameter shape: The shape of one map.
  /// - Throws: ``MetricError/unsupportedShape(metric:shape:supported:)`` for any other shape.
  public func validate(mapShape shape: Shape) throws(MetricError) {
    guard MapGeometry.planarExtents(of: shape) != nil else {
      throw .unsupportedShape(
        metric: name, shape: shape, supported: "a map [H, W] or an image [H, W, C]")
    }
  }

  private static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
    x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in Correlation.pearson(x, y) } }
  }
}
