/// What a result row compares: a randomization stage, the trained model, or a check's condition.
///
/// Written in the `layer` column of TSV and JSON results as the names in ``description``.
public enum ResultStage: Hashable, Sendable, CustomStringConvertible {
  /// The trained model itself (`original`).
  case original
  /// The model randomized through a stage, named after the stage (`dense_2`, or `all` for
  /// complete randomization).
  case randomized(String)
  /// The chance level of a ground-truth metric (`chance`).
  case chance
  /// The model trained on the true labels (`true-labels`).
  case trueLabels
  /// The model trained on permuted labels (`permuted-labels`).
  case permutedLabels
  /// Another explained class (`other-class`).
  case otherClass
  /// The input shifted by a constant (`shift 1.0`).
  case shift(Float)
  /// The reverse complement of the input, its map mapped back (`reverse-complement`).
  case reverseComplement
  /// The map after the off-simplex gradient correction (`gradient-corrected`).
  case gradientCorrected
  /// The floor of a verdict's reading: the random control's score (`floor`).
  case floor
  /// The ceiling of a verdict's reading: the method's agreement with a second draw of itself
  /// on the unchanged model (`ceiling`).
  case ceiling
  /// A verdict's reading on the run's scale, (s − floor) / (ceiling − floor) (`normalized`).
  case normalized

  /// Whether the row is a point of a verdict's scale (floor, ceiling or normalized score).
  public var isScale: Bool { self == .floor || self == .ceiling || self == .normalized }

  /// Whether the stage is a randomization stage (a point of a randomization curve).
  public var isRandomization: Bool {
    if case .randomized = self { return true }
    return false
  }

  /// Reads a name written by ``description``; any other name is a randomization stage.
  /// - Parameter name: The `layer` column's text.
  public init(parsing name: String) {
    switch name {
    case "original": self = .original
    case "chance": self = .chance
    case "true-labels": self = .trueLabels
    case "permuted-labels": self = .permutedLabels
    case "other-class": self = .otherClass
    case "reverse-complement": self = .reverseComplement
    case "gradient-corrected": self = .gradientCorrected
    case "floor": self = .floor
    case "ceiling": self = .ceiling
    case "normalized": self = .normalized
    default:
      if name.hasPrefix("shift "), let value = Float(name.dropFirst(6)) {
        self = .shift(value)
      } else {
        self = .randomized(name)
      }
    }
  }

  /// The name written in results.
  public var description: String {
    switch self {
    case .original: return "original"
    case .randomized(let name): return name
    case .chance: return "chance"
    case .trueLabels: return "true-labels"
    case .permutedLabels: return "permuted-labels"
    case .otherClass: return "other-class"
    case .shift(let value): return "shift \(value)"
    case .reverseComplement: return "reverse-complement"
    case .gradientCorrected: return "gradient-corrected"
    case .floor: return "floor"
    case .ceiling: return "ceiling"
    case .normalized: return "normalized"
    }
  }
}
