/// A method's similarity placed on the scale its own run measured: between what an uninformative
/// map reaches (the floor) and what the method reaches when nothing changed (its ceiling).
///
/// ```
/// f = floor      the random control's score, on the same stages, seeds, items, metric and view
/// c = ceiling    the method's map of the unchanged model against a second draw of it:
///                itself for a deterministic method (c = p), another noise or reference draw for a
///                seeded one (SmoothGrad, DeepSHAP, shuffled-reference IG, the random control)
/// p = perfect    the metric's score of a map with itself (1 for correlations and SSIM, 0 for nmse)
/// normalized       n = (s − f) / (c − f)     1: as unchanged as the method can be; 0: like noise
/// reproducibility  r = (c − f) / (p − f)     how far the method's own agreement rises above noise
/// ```
/// Both ratios are taken on every bootstrap resample of the same seeds and items (the method's and
/// the control's scores are paired by item), so their intervals carry the floor's and the
/// ceiling's uncertainty as well as the method's. Because n and r are oriented by the measured
/// floor and ceiling, they read the same way for a similarity and a distance.
///
/// The floor is the lower reference of Binder et al. 2023 (arXiv:2211.12486), who show that a
/// random map "passes" top-down randomization; the ceiling is the method's run-to-run agreement,
/// the reference Hedström et al. 2023 (arXiv:2401.06465) use to separate a method's own noise from
/// a model's change (sMPRT); Adebayo et al. 2018 (arXiv:1810.03292) read raw similarities.
///
/// **Properties.** n = 0 for the random control (s = f on every resample); n = 1 for a map that
/// does not change; n < 0 means further from the original than noise. r = 1 for a deterministic
/// method; r ≈ 0 for the random control, whose second draw is as unlike the first as a randomized
/// model's.
public struct SimilarityScale: Sendable {
  /// The floor f: the random control's estimate.
  public var floor: Double
  /// The ceiling c: the method's mean agreement with a second draw on the unchanged model.
  public var ceiling: Double
  /// The perfect score p: the mean score of each map with itself.
  public var perfect: Double
  /// The normalized score n = (s − f) / (c − f).
  public var normalized: Double
  /// The 95% bootstrap interval of n.
  public var normalizedInterval: (low: Double, high: Double)
  /// The reproducibility r = (c − f) / (p − f).
  public var reproducibility: Double
  /// The 95% bootstrap interval of r.
  public var reproducibilityInterval: (low: Double, high: Double)
  /// The 95% bootstrap interval of f, from the same resamples of seeds and items as n's (NaN
  /// when not measured).
  public var floorInterval: (low: Double, high: Double) = (.nan, .nan)
  /// The 95% bootstrap interval of c, from the same resamples (NaN when not measured).
  public var ceilingInterval: (low: Double, high: Double) = (.nan, .nan)

  /// Creates a scale.
  /// - Parameters:
  ///   - floor: f.
  ///   - ceiling: c (NaN when the method's maps of the unchanged model are constant).
  ///   - perfect: p.
  ///   - normalized: n and its interval.
  ///   - reproducibility: r and its interval.
  public init(
    floor: Double, ceiling: Double, perfect: Double,
    normalized: (estimate: Double, interval: (low: Double, high: Double)),
    reproducibility: (estimate: Double, interval: (low: Double, high: Double))
  ) {
    self.floor = floor
    self.ceiling = ceiling
    self.perfect = perfect
    self.normalized = normalized.estimate
    self.normalizedInterval = normalized.interval
    self.reproducibility = reproducibility.estimate
    self.reproducibilityInterval = reproducibility.interval
  }

  /// The smallest reproducibility a method must show before a change can count as sensitivity.
  public static let minimumReproducibility = 0.5

  /// The outcome of reading n against a threshold τ on the normalized scale.
  ///
  /// ```
  /// fails         when the maps of the unchanged model are constant (c undefined: no ranking);
  ///               when n's interval lies wholly at or above τ (the map stayed near its ceiling);
  ///               when r's interval lies wholly below 0.5 (the method agrees with itself little
  ///               more than noise does, so a change shows nothing about the model)
  /// passes        when r's interval lies wholly at or above 0.5 and n's wholly below τ
  /// inconclusive  otherwise, or when the floor is undefined
  /// ```
  /// - Parameter threshold: τ.
  /// - Returns: The outcome.
  public func outcome(threshold: Double) -> Verdict.Outcome {
    if !ceiling.isFinite { return .fails }
    let (low, high) = normalizedInterval
    guard low.isFinite, high.isFinite, floor.isFinite else { return .inconclusive }
    if low >= threshold { return .fails }
    let (rLow, rHigh) = reproducibilityInterval
    guard rLow.isFinite, rHigh.isFinite else { return .inconclusive }
    if rHigh < Self.minimumReproducibility { return .fails }
    if rLow < Self.minimumReproducibility { return .inconclusive }
    return high < threshold ? .passes : .inconclusive
  }

  /// Whether the method's own agreement rises clearly above noise (r's interval wholly ≥ 0.5).
  public var isReproducible: Bool {
    reproducibilityInterval.low.isFinite
      && reproducibilityInterval.low >= Self.minimumReproducibility
  }

  /// The scale in words: `floor (random) 0.01, ceiling 1 → normalized 0.1 [-0.08, 0.29]`.
  public var words: String {
    let reproducibilityText =
      ceiling.isFinite && abs(ceiling - perfect) > 1e-9
      ? " (another draw; reproducibility \(ResultRow.number(reproducibility)) "
        + "[\(ResultRow.number(reproducibilityInterval.low)), \(ResultRow.number(reproducibilityInterval.high))])"
      : ""
    guard ceiling.isFinite else {
      return
        "floor (random) \(ResultRow.number(floor)), no ceiling: the maps of the unchanged model are constant"
    }
    return "floor (random) \(ResultRow.number(floor)), ceiling \(ResultRow.number(ceiling))"
      + "\(reproducibilityText) → normalized \(ResultRow.number(normalized)) "
      + "[\(ResultRow.number(normalizedInterval.low)), \(ResultRow.number(normalizedInterval.high))]"
  }
}
