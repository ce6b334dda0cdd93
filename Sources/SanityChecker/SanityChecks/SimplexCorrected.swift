import Foundation

/// Any DNA explainer with the off-simplex gradient correction applied to its maps.
///
/// ```
/// g̃[l, c] = g[l, c] − (1/4) Σ_c' g[l, c']         for maps [L, 4]
/// sin θ_l = |g_l · n| / ‖g_l‖ = √4 · |ḡ_l| / ‖g_l‖,   n = (1, 1, 1, 1) / √4,  ḡ_l = (1/4) Σ_c g[l, c]
/// ```
/// One-hot inputs live on the simplex Σ_c x[l, c] = 1; a gradient's component along its normal n
/// points off the data and is noise for attribution. Majdandzic, Rajesh and Koo, "Correcting
/// gradient-based interpretations of deep neural networks for genomics", *Genome Biology* 24:109,
/// 2023 (doi:10.1186/s13059-023-02956-3), remove it by subtracting the per-position mean, and
/// report the angle θ between the gradient and the simplex plane. θ is 0° for a gradient in the
/// plane and 90° for one along n.
///
/// **Deviations.** The correction applies to the map the method returns. For methods whose maps
/// are gradients (Saliency, SmoothGrad, Guided Backprop, DeconvNet) that is the paper's correction.
/// A map already multiplied by the one-hot input (Gradient × Input, IG, ε-LRP, DeepLIFT) keeps one
/// value per position, so its gradient's mean is lost; ``OffSimplexDiagnostic`` reports such maps
/// as not applicable, and this wrapper, asked to correct them, does so literally (which subtracts a
/// quarter of the observed value).
///
/// **Properties.** Idempotent; the corrected map sums to 0 at every position; maps that are not
/// `[L, 4]` (Grad-CAM) are returned unchanged. The wrapper numbers items as its base does
/// (``firstItem`` is the base's), so a corrected seeded method draws the same noise as the
/// uncorrected one in every batch, and the checks measure its ceiling against a second draw.
public struct SimplexCorrected: SeededExplainer {
  /// `simplex-corrected`; results carry the base method's name.
  public static let identifier = "simplex-corrected"
  /// The explainer whose maps are corrected.
  public var base: any Explainer

  /// Wraps an explainer.
  /// - Parameter base: The explainer.
  public init(base: any Explainer) { self.base = base }

  /// The base explainer's ``SeededExplainer/firstItem`` (0 for a deterministic base); setting it
  /// renumbers the base.
  public var firstItem: Int {
    get { (base as? any SeededExplainer)?.firstItem ?? 0 }
    set { base = base.numberingItems(from: newValue) }
  }

  /// The base explainer's maps, corrected.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    var attribution = try base.attribution(for: input, targets: targets, in: model)
    attribution.values = Self.corrected(attribution.values)
    attribution.conservationGap = nil
    return attribution
  }

  /// The per-position mean over the four channels subtracted from maps `[…, L, 4]`; other maps
  /// unchanged.
  /// - Parameter maps: The maps.
  /// - Returns: The corrected maps.
  public static func corrected(_ maps: Tensor) -> Tensor {
    guard maps.shape.rank >= 2, maps.shape.dimensions.last == 4 else { return maps }
    return Tensor(shape: maps.shape) { out in
      maps.withUnsafeBufferPointer { values in
        for position in 0..<(values.count / 4) {
          let base = position * 4
          let mean = (values[base] + values[base + 1] + values[base + 2] + values[base + 3]) / 4
          for channel in 0..<4 { out[base + channel] = values[base + channel] - mean }
        }
      }
    }
  }

  /// The angle θ, in degrees, between each position's gradient and the simplex plane.
  /// - Parameter map: One map `[L, 4]`.
  /// - Returns: L angles in [0, 90], NaN where the gradient is 0.
  public static func angles(_ map: Tensor) -> [Double] {
    map.withUnsafeBufferPointer { values in
      (0..<(values.count / 4)).map { position in
        let g = (0..<4).map { Double(values[position * 4 + $0]) }
        let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return .nan }
        let mean = g.reduce(0, +) / 4
        return asin(min(1, 2 * abs(mean) / norm)) * 180 / Double.pi
      }
    }
  }
}

extension Explainer {
  /// This explainer with the off-simplex correction when `isCorrected` (``SimplexCorrected``).
  /// - Parameter isCorrected: Whether to correct.
  /// - Returns: The wrapped or the same explainer.
  public func simplexCorrected(_ isCorrected: Bool) -> any Explainer {
    isCorrected && !(self is ControlExplainer) ? SimplexCorrected(base: self) : self
  }
}
