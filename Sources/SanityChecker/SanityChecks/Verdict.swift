/// The outcome of a sanity check for one method, with the rule and the numbers behind it.
public struct Verdict: Hashable, Sendable, Codable {
  /// Pass, fail or inconclusive.
  public enum Outcome: String, Hashable, Sendable, Codable {
    /// The explanation depends on what the check changed.
    case passes
    /// The explanation barely changes when it should.
    case fails
    /// The evidence does not decide (seeds disagree, too many undefined values, or no data).
    case inconclusive
  }

  /// The check.
  public var check: String
  /// The method.
  public var method: String
  /// The outcome.
  public var outcome: Outcome
  /// The rule, in words, with its threshold.
  public var rule: String
  /// The numbers the rule used, in words.
  public var evidence: String

  /// Creates a verdict.
  /// - Parameters:
  ///   - check: The check.
  ///   - method: The method.
  ///   - outcome: The outcome.
  ///   - rule: The rule.
  ///   - evidence: The numbers used.
  public init(check: String, method: String, outcome: Outcome, rule: String, evidence: String) {
    self.check = check
    self.method = method
    self.outcome = outcome
    self.rule = rule
    self.evidence = evidence
  }

  /// Applies the similarity rule: passes when every seed's mean similarity is below `threshold`,
  /// fails when every seed's is at or above it, inconclusive otherwise.
  /// - Parameters:
  ///   - check: The check.
  ///   - method: The method.
  ///   - condition: What was changed, e.g. `after randomizing dense_2`.
  ///   - metric: The metric's name.
  ///   - perSeedMeans: The mean similarity per seed (NaN when undefined).
  ///   - threshold: The similarity below which the method is judged sensitive.
  ///   - controls: Control means shown beside the method's, e.g. `["random": 0.01, "input": 1]`.
  /// - Returns: The verdict.
  public static func similarityRule(
    check: String, method: String, condition: String, metric: String, perSeedMeans: [Double], threshold: Double,
    controls: [String: Double]
  ) -> Verdict {
    let defined = perSeedMeans.filter { $0.isFinite }
    let outcome: Outcome
    if defined.isEmpty || defined.count < perSeedMeans.count {
      outcome = .inconclusive
    } else if defined.allSatisfy({ $0 < threshold }) {
      outcome = .passes
    } else if defined.allSatisfy({ $0 >= threshold }) {
      outcome = .fails
    } else {
      outcome = .inconclusive
    }
    let values = perSeedMeans.map { ResultRow.number($0) }.joined(separator: ", ")
    let controlText = controls.keys.sorted().map { "\($0) \(ResultRow.number(controls[$0] ?? .nan))" }
      .joined(separator: ", ")
    return Verdict(
      check: check, method: method, outcome: outcome,
      rule: "passes if mean \(metric) \(condition) is below \(ResultRow.number(threshold)) in every seed; fails if at or above it in every seed",
      evidence: "mean \(metric) per seed: \(values)" + (controlText.isEmpty ? "" : "; controls: \(controlText)"))
  }
}
