/// Which randomization seed a result row summarizes.
///
/// Written in the `seed` column of TSV and JSON results as the text in ``description``.
public enum SeedLabel: Hashable, Sendable, CustomStringConvertible {
  /// One seed.
  case seed(UInt64)
  /// A named set of given models (e.g. `reference` stages made by another tool).
  case named(String)
  /// The summary over every seed (`all`).
  case all
  /// The row does not depend on a seed (`-`), e.g. the trained model's score.
  case notApplicable

  /// Reads a label written by ``description``: `all`, `-`, a number, or a name.
  /// - Parameter text: The `seed` column's text.
  public init(parsing text: String) {
    switch text {
    case "all": self = .all
    case "-": self = .notApplicable
    default: self = UInt64(text).map { .seed($0) } ?? .named(text)
    }
  }

  /// The text written in results.
  public var description: String {
    switch self {
    case .seed(let value): return String(value)
    case .named(let name): return name
    case .all: return "all"
    case .notApplicable: return "-"
    }
  }
}
