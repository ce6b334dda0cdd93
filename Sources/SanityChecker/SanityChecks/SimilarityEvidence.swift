import Foundation

/// What a similarity verdict read for one metric: the estimate, its bootstrap interval, the
/// per-seed values and the rule.
public struct SimilarityEvidence: Sendable {
  /// The rule on this metric.
  public var rule: SimilarityRule
  /// The estimate: the mean over seeds of each seed's summary (NaN when a seed's is undefined).
  public var estimate: Double
  /// The 95% interval of the estimate (hierarchical bootstrap over seeds, then items).
  public var interval: (low: Double, high: Double)
  /// Each seed's summary, in order.
  public var perSeed: [Double]
  /// The number of items per seed.
  public var items: Int
  /// The run's floor and ceiling for this reading, when a random control was run beside the
  /// method (``SimilarityScale``); the verdict then reads the normalized score.
  public var scale: SimilarityScale?

  /// Creates evidence.
  /// - Parameters:
  ///   - rule: The rule.
  ///   - estimate: The estimate.
  ///   - interval: Its interval.
  ///   - perSeed: Per-seed summaries.
  ///   - items: Items per seed.
  ///   - scale: The floor and ceiling, or `nil` to judge the raw score.
  public init(
    rule: SimilarityRule, estimate: Double, interval: (low: Double, high: Double),
    perSeed: [Double],
    items: Int, scale: SimilarityScale? = nil
  ) {
    self.scale = scale
    self.rule = rule
    self.estimate = estimate
    self.interval = interval
    self.perSeed = perSeed
    self.items = items
  }

  /// The outcome on this metric alone: with a ``scale``, its reading of the normalized score
  /// against the rule's threshold (``SimilarityScale/outcome(threshold:)``); without one,
  /// undefined estimates are inconclusive, otherwise the rule's reading of the raw interval.
  public var outcome: Verdict.Outcome {
    if let scale { return scale.outcome(threshold: rule.threshold) }
    return estimate.isFinite ? rule.outcome(of: interval) : .inconclusive
  }

  /// The judged value and interval: the normalized score with a ``scale``, the raw one without.
  var judged: (estimate: Double, interval: (low: Double, high: Double)) {
    scale.map { ($0.normalized, $0.normalizedInterval) } ?? (estimate, interval)
  }

  /// The rule as judged: on the normalized score (higher is more similar) with a ``scale``.
  public var judgedRule: SimilarityRule {
    guard scale != nil else { return rule }
    return SimilarityRule(
      metric: "normalized \(rule.metric)", direction: .higherIsMoreSimilar,
      threshold: rule.threshold)
  }

  /// Roughly how many seeds (or, with one seed, items) would decide an inconclusive reading.
  ///
  /// The interval's half-width h is taken to shrink as 1/√count, so it stops straddling the
  /// threshold at `count · (h / d)²`, for distance d from the estimate to the threshold. `nil`
  /// when the estimate is on the threshold or undefined.
  public var countToDecide: Int? {
    let (estimate, interval) = judged
    let half = (interval.high - interval.low) / 2
    let distance = abs(estimate - rule.threshold)
    guard half.isFinite, distance.isFinite, distance > 1e-12 else { return nil }
    let count = Double(perSeed.count > 1 ? perSeed.count : items)
    // Rounded up, after removing the rounding error of an exact ratio such as (0.15 / 0.05)².
    let needed = (count * (half / distance) * (half / distance) - 1e-9).rounded(.up)
    return needed < 1e6 ? max(Int(count) + 1, Int(needed)) : nil
  }

  /// The numbers in words: `spearman 0.12 [0.05, 0.20] (per seed 0.1, 0.14)`.
  public var words: String {
    let perSeedText =
      perSeed.count > 1
      ? " (per seed \(perSeed.map(ResultRow.number).joined(separator: ", ")))" : ""
    let scaleText = scale.map { " on the run's scale: \($0.words)" } ?? ""
    return "\(rule.metric) \(ResultRow.number(estimate)) [\(ResultRow.number(interval.low)), "
      + "\(ResultRow.number(interval.high))]\(perSeedText)\(scaleText)"
  }

  /// What would decide an inconclusive reading, in words, or `nil` when it is decided.
  public var decisionHint: String? {
    guard outcome == .inconclusive else { return nil }
    guard judged.estimate.isFinite else { return "\(rule.metric) is undefined in some seed" }
    if let scale, !scale.isReproducible, scale.normalizedInterval.high < rule.threshold {
      return "\(rule.metric): the method's agreement with itself is not yet clearly above noise"
    }
    let unit = perSeed.count > 1 ? "seeds" : "items"
    guard let needed = countToDecide else {
      return "\(rule.metric) sits on the threshold; more \(unit) are unlikely to decide it"
    }
    return "\(rule.metric): about \(needed) \(unit) would likely decide it"
  }
}

extension Verdict {
  /// The similarity verdict: every reading's interval must lie on the sensitive side to pass;
  /// any one lying wholly on the insensitive side fails.
  ///
  /// With a signed metric the readings are `spearman` and its sign-blind score, which counts a
  /// negative score as similarity as far as the rank similarity of the magnitudes
  /// (`spearman-abs`, which Adebayo et al. 2018 report beside the signed one) agrees. A map that
  /// only changes sign (spearman −1, spearman-abs 1) is thus not counted as changed.
  /// `spearman-abs` itself is shown as context but not thresholded: maps that multiply by the
  /// input keep it near 1 on any model (the input's zeros tie; 0.99 for IG on the fully
  /// randomized MNIST CNN).
  /// - Parameters:
  ///   - check: The check.
  ///   - method: The method.
  ///   - condition: What was changed, e.g. `after randomizing dense_2`.
  ///   - evidence: The judged readings, the signed metric first.
  ///   - context: Readings shown but not judged (e.g. `spearman-abs`).
  ///   - controls: The controls' estimates on the first metric, shown beside the method's.
  /// - Returns: The verdict.
  public static func similarity(
    check: CheckKind, method: String, condition: String, evidence: [SimilarityEvidence],
    context: [SimilarityEvidence] = [], controls: [String: Double]
  ) -> Verdict {
    let outcomes = evidence.map(\.outcome)
    let outcome: Outcome =
      outcomes.isEmpty || outcomes.contains(.inconclusive) && !outcomes.contains(.fails)
      ? .inconclusive : (outcomes.contains(.fails) ? .fails : .passes)
    let metrics = evidence.map { "\($0.judgedRule.metric) \($0.judgedRule.sensitiveSide)" }
      .joined(separator: " and ")
    let scaled = !evidence.isEmpty && evidence.allSatisfy { $0.scale != nil }
    let rule =
      scaled
      ? "normalized = (s − floor) / (ceiling − floor), floor = the random control's score, ceiling = "
        + "the method's agreement with a second draw of itself on the unchanged model; passes if the "
        + "95% bootstrap interval of the normalized mean \(condition) lies wholly on the sensitive "
        + "side: \(metrics), and the reproducibility (ceiling − floor) / (perfect − floor) lies wholly "
        + "at or above \(ResultRow.number(SimilarityScale.minimumReproducibility)); fails if any "
        + "normalized interval lies wholly on the other side, if the reproducibility lies wholly below "
        + "it, or if the maps of the unchanged model are constant; inconclusive otherwise"
      : "passes if the 95% bootstrap interval of the mean \(condition) lies wholly on the sensitive side: "
        + "\(metrics); fails if any interval lies wholly on the other side; inconclusive otherwise"
    let controlText = controls.keys.sorted().map {
      "\($0) \(ResultRow.number(controls[$0] ?? .nan))"
    }
    .joined(separator: ", ")
    var parts = [(evidence + context).map(\.words).joined(separator: "; ")]
    if !controlText.isEmpty { parts.append("controls: \(controlText)") }
    if outcome == .inconclusive { parts += evidence.compactMap(\.decisionHint) }
    if let signed = evidence.first, evidence.count > 1, signed.outcome == .passes,
      evidence[1].outcome == .fails
    {
      parts.append("the map changed sign but not shape (\(evidence[1].rule.metric) stays high)")
    }
    return Verdict(
      check: check, method: method, outcome: outcome, rule: rule,
      evidence: parts.joined(separator: "; "))
  }
}
