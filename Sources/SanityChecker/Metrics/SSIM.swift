import Foundation

/// The structural similarity index (SSIM) of two maps, as `skimage.metrics.structural_similarity`.
///
/// Each map (or its magnitude, with ``isAbsolute``) is first min-max scaled to [0, 1]; a
/// constant map becomes all zeros. Then, with window means `μ`, sample (co)variances `σ` and
/// `C1 = (0.01·R)²`, `C2 = (0.03·R)²`, `R = 1`:
/// ```
/// S(p)  = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2))
/// σxy   = NP/(NP - 1) · (mean_w(x·y) - μx μy)        NP = window points (W^d)
/// SSIM  = mean of S(p) over the positions whose window lies inside the map
/// ```
/// that is skimage's `data_range=1.0`, `K1=0.01`, `K2=0.03`, `use_sample_covariance=True`, and
/// the mean over the map cropped by `(W - 1)/2` on each side.
///
/// Reference: Z. Wang, A. C. Bovik, H. R. Sheikh, E. P. Simoncelli, "Image quality assessment:
/// from error visibility to structural similarity", IEEE TIP 13(4), 2004,
/// doi:10.1109/TIP.2003.819861. Used for sanity checks by Adebayo et al., arXiv:1810.03292.
///
/// **Shapes.** `[L]` is a 1-D signal (window `W`), `[H, W]` a 2-D map (window `W × W`; a DNA
/// attribution `[101, 4]` is a 101 × 4 image) and `[H, W, 1]` an image. An RGB map
/// `[H, W, C]` is reduced over its channels first (the sum, or the sum of magnitudes for
/// `ssim-abs`), as Adebayo et al. reduce Inception maps. ``validate(mapShape:)`` refuses other
/// shapes with ``MetricError``.
///
/// **Defaults and deviations.**
/// - ``Window/automatic`` picks `W = min(7, largest odd ≤ smallest extent)`: 3 for DNA
///   `[101, 4]`, 7 for `[101]` and `[28, 28]`, the windows of the golden references.
/// - ``Window/gaussian(sigma:)`` weighs the window like skimage's `gaussian_weights=True`
///   (truncated at 3.5σ, so 11 × 11 for σ = 1.5; `NP` is the window's point count).
/// - The data range is fixed at 1 because both maps are scaled to [0, 1] first.
/// - Where skimage raises (a map smaller than the window, or a window under 3), the score is
///   `nil`. SSIM is defined for constant maps: two constant maps score 1.
///
/// **Properties.**
/// - `score(x, x) == 1`; symmetric; at most 1.
/// - Invariant to positive affine maps of either argument (through the min-max scaling);
///   not invariant to negation (`x` and `-x` scale to `x̂` and `1 - x̂`).
/// - Computed in `Double`; agrees with skimage to about 1e-12.
public struct SSIM: SimilarityMetric, MagnitudeVariantMetric {
  /// The averaging window.
  public enum Window: Hashable, Sendable {
    /// A uniform window whose size follows the map: `min(7, largest odd ≤ smallest extent)`.
    case automatic
    /// A uniform window of `size` points per axis (odd, at least 3).
    case uniform(size: Int)
    /// A Gaussian window of standard deviation `sigma`, truncated at 3.5σ (skimage's
    /// `gaussian_weights=True`, whose default sigma is 1.5).
    case gaussian(sigma: Double)
  }

  /// `"ssim"`.
  public static let identifier = "ssim"
  /// Higher is more similar.
  public static let direction = ScoreDirection.higherIsMoreSimilar

  /// skimage's `K1`: `C1 = (K1 · data range)²`.
  public static let k1 = 0.01
  /// skimage's `K2`: `C2 = (K2 · data range)²`.
  public static let k2 = 0.03

  /// The averaging window.
  public var window: Window
  /// Whether the magnitudes `|a|`, `|b|` are compared (`"ssim-abs"`).
  public var isAbsolute: Bool

  /// Creates the metric.
  /// - Parameters:
  ///   - window: The averaging window; ``Window/automatic`` by default.
  ///   - absolute: Compare `|a|` and `|b|` (`"ssim-abs"`); `false` by default.
  public init(window: Window = .automatic, absolute: Bool = false) {
    self.window = window
    self.isAbsolute = absolute
  }

  /// The mean SSIM of the two min-max scaled maps.
  /// - Parameters:
  ///   - a: The first map: `[L]`, `[H, W]`, `[H, W, 1]` or `[H, W, C]`.
  ///   - b: The second map, of the same shape.
  /// - Returns: The mean SSIM (at most 1), or `nil` when the map is smaller than the window,
  ///   the window is under 3 points, a map contains NaN, or the shape is none of these
  ///   (``validate(mapShape:)`` reports that as an error).
  public func score(_ a: Tensor, _ b: Tensor) -> Double? {
    precondition(a.shape == b.shape, "SSIM: shapes \(a.shape) and \(b.shape) differ")
    guard case let (x, extents)? = MapGeometry.planar(a, isAbsolute: isAbsolute),
      case let (y, _)? = MapGeometry.planar(b, isAbsolute: isAbsolute),
      let weights = windowWeights(for: extents)
    else { return nil }
    let isImage = extents.count == 2
    let points = weights.count * (isImage ? weights.count : 1)
    let mean = Self.meanSSIM(
      x, y, rows: isImage ? extents[0] : 1, columns: extents[extents.count - 1],
      rowWeights: isImage ? weights : [1], columnWeights: weights,
      covarianceNorm: Double(points) / Double(points - 1))
    return mean.isFinite ? mean : nil
  }

  /// Accepts `[L]`, `[H, W]` and `[H, W, C]`.
  /// - Parameter shape: The shape of one map.
  /// - Throws: ``MetricError/unsupportedShape(metric:shape:supported:)`` for any other shape.
  public func validate(mapShape shape: Shape) throws(MetricError) {
    guard MapGeometry.planarExtents(of: shape) != nil else {
      throw .unsupportedShape(
        metric: name, shape: shape, supported: "a signal [L], a map [H, W] or an image [H, W, C]")
    }
  }

  /// The window's 1-D weights (summing to 1), or `nil` when the map cannot hold the window.
  /// - Parameter extents: The map's spatial extents.
  /// - Returns: `W` weights applied along each axis.
  func windowWeights(for extents: [Int]) -> [Double]? {
    let smallest = extents.min() ?? 0
    switch window {
    case .automatic:
      let size = min(7, smallest % 2 == 1 ? smallest : smallest - 1)
      return size >= 3 ? [Double](repeating: 1 / Double(size), count: size) : nil
    case .uniform(let size):
      precondition(size % 2 == 1, "SSIM: window size \(size) must be odd")
      return size >= 3 && size <= smallest
        ? [Double](repeating: 1 / Double(size), count: size) : nil
    case .gaussian(let sigma):
      precondition(sigma > 0, "SSIM: Gaussian sigma \(sigma) must be positive")
      // scipy.ndimage: radius int(truncate·σ + 0.5), weights exp(-x²/(2σ²)) normalized.
      let radius = Int(3.5 * sigma + 0.5)
      guard 2 * radius + 1 <= smallest, radius >= 1 else { return nil }
      let raw = (-radius...radius).map { exp(-0.5 * Double($0 * $0) / (sigma * sigma)) }
      let total = raw.reduce(0, +)
      return raw.map { $0 / total }
    }
  }
}
