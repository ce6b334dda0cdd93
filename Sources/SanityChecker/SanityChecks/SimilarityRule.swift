/// A threshold on one similarity metric, read in the metric's direction.
///
/// A method is *sensitive* to what a check changed when its maps moved away from the similar
/// end of the metric: below the threshold for a similarity (``ScoreDirection/higherIsMoreSimilar``),
/// above it for a distance (``ScoreDirection/lowerIsMoreSimilar``). The threshold is in the metric's
/// own units.
///
/// ```
/// higher is more similar:  sensitive ⇔ s < threshold
/// lower is more similar:   sensitive ⇔ s > threshold
/// ```
/// An interval is judged as a whole: ``outcome(of:)`` passes when every value in it is
/// sensitive, fails when none is, and is inconclusive when it straddles the threshold.
public struct SimilarityRule: Hashable, Sendable {
  /// The metric's name.
  public var metric: String
  /// The metric's direction.
  public var direction: ScoreDirection
  /// The threshold, in the metric's units.
  public var threshold: Double

  /// Creates a rule.
  /// - Parameters:
  ///   - metric: The metric's name.
  ///   - direction: Its direction.
  ///   - threshold: The threshold.
  public init(metric: String, direction: ScoreDirection, threshold: Double) {
    self.metric = metric
    self.direction = direction
    self.threshold = threshold
  }

  /// Creates a rule for a metric value, reading its name and direction.
  /// - Parameters:
  ///   - metric: The metric.
  ///   - threshold: The threshold.
  public init(_ metric: any SimilarityMetric, threshold: Double) {
    self.init(metric: metric.name, direction: type(of: metric).direction, threshold: threshold)
  }

  /// Whether a value lies on the sensitive side of the threshold.
  /// - Parameter value: A score (NaN is never sensitive).
  /// - Returns: `true` when the value is below (similarity) or above (distance) the threshold.
  public func isSensitive(_ value: Double) -> Bool {
    switch direction {
    case .higherIsMoreSimilar: return value < threshold
    case .lowerIsMoreSimilar: return value > threshold
    }
  }

  /// Whether a value lies on the insensitive side (at the threshold or beyond it towards similar).
  /// - Parameter value: A score (NaN is never insensitive).
  /// - Returns: `true` when the value is at or above (similarity) or at or below (distance) it.
  public func isInsensitive(_ value: Double) -> Bool {
    switch direction {
    case .higherIsMoreSimilar: return value >= threshold
    case .lowerIsMoreSimilar: return value <= threshold
    }
  }

  /// The outcome of an interval of the score.
  /// - Parameter interval: The interval's ends (NaN when undefined).
  /// - Returns: Passes when both ends are sensitive, fails when both are insensitive,
  ///   inconclusive otherwise.
  public func outcome(of interval: (low: Double, high: Double)) -> Verdict.Outcome {
    guard interval.low.isFinite, interval.high.isFinite else { return .inconclusive }
    if isSensitive(interval.low) && isSensitive(interval.high) { return .passes }
    if isInsensitive(interval.low) && isInsensitive(interval.high) { return .fails }
    return .inconclusive
  }

  /// The sensitive side in words, such as `below 0.4` or `above 0.5`.
  public var sensitiveSide: String {
    (direction == .higherIsMoreSimilar ? "below " : "above ") + ResultRow.number(threshold)
  }
}
