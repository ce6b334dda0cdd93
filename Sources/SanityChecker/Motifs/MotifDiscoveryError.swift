/// Input that seqlet calling, motif building or motif matching cannot use, naming what and where.
public enum MotifDiscoveryError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The attribution maps do not fit the inputs.
  case mapShape(expected: String, actual: String)
  /// A record's name gives coordinates whose length is not the sequence's.
  case coordinatesDoNotMatch(record: String, interval: String, length: Int)
  /// The motif database holds no motif.
  case emptyDatabase(file: String)
  /// A motif (query or database entry) has no column with any information (all zero, or
  /// constant in every column under the chosen similarity).
  case uninformativeMotif(motif: String)
  /// A setting is out of its range.
  case invalidSetting(name: String, value: String, expected: String)

  /// A compiler-style message with a remedy.
  public var description: String {
    switch self {
    case .mapShape(let expected, let actual):
      return
        "attribution maps have shape \(actual), expected \(expected); compute them on the same input"
    case .coordinatesDoNotMatch(let record, let interval, let length):
      return
        "record '\(record)': its coordinates \(interval) do not span its \(length) bases (as 0-based "
        + "half-open or 1-based closed); fix the name or drop the coordinates"
    case .emptyDatabase(let file):
      return "\(file): the motif database holds no motif; give a MEME file with at least one MOTIF"
    case .uninformativeMotif(let motif):
      return "motif '\(motif)': every column is empty or uniform, so it cannot be compared; drop it"
    case .invalidSetting(let name, let value, let expected):
      return "\(name) is \(value); expected \(expected)"
    }
  }
}
