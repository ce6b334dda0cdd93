import Foundation

/// The outcome of a sanity check for one method, with the rule and the numbers behind it.
public struct Verdict: Hashable, Sendable, Codable {
  /// Pass, fail or inconclusive.
  public enum Outcome: String, Hashable, Sendable, Codable {
    /// The explanation depends on what the check changed.
    case passes
    /// The explanation barely changes when it should.
    case fails
    /// The evidence does not decide (the interval straddles the threshold, values are undefined,
    /// or there is no data).
    case inconclusive
  }

  /// The check.
  public var check: CheckKind
  /// The method.
  public var method: String
  /// The outcome.
  public var outcome: Outcome
  /// The rule, in words, with its threshold.
  public var rule: String
  /// The numbers the rule used, in words.
  public var evidence: String
  /// The explained output unit's label in runs over several targets; `nil` otherwise.
  public var target: String?

  /// Creates a verdict.
  /// - Parameters:
  ///   - check: The check.
  ///   - method: The method.
  ///   - outcome: The outcome.
  ///   - rule: The rule.
  ///   - evidence: The numbers used.
  public init(check: CheckKind, method: String, outcome: Outcome, rule: String, evidence: String) {
    self.check = check
    self.method = method
    self.outcome = outcome
    self.rule = rule
    self.evidence = evidence
  }

  /// The control this verdict's method is, if it is one.
  public var control: ControlExplainer.Kind? { ControlExplainer.Kind(rawValue: method) }
}
