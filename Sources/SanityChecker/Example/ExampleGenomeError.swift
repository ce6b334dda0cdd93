/// Settings that ``ExampleGenome`` cannot simulate.
public enum ExampleGenomeError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No motif was given.
  case noMotifs
  /// The motifs' widths add up to more than half the sequence length.
  case motifsTooWide(totalWidth: Int, length: Int)
  /// A fraction lies outside its range.
  case fractionOutOfRange(name: String, value: Double)

  /// The message, with a remedy.
  public var description: String {
    switch self {
    case .noMotifs:
      return "example genome: no motif given; pass a MEME file with at least one motif"
    case .motifsTooWide(let totalWidth, let length):
      return
        "example genome: the motifs are \(totalWidth) bp together, more than half of the \(length)-bp sequences; use fewer or shorter motifs, or longer sequences"
    case .fractionOutOfRange(let name, let value):
      return "example genome: \(name) \(value) is out of range; use a fraction between 0 and 1"
    }
  }
}
