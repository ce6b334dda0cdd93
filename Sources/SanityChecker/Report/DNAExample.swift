/// A DNA sequence and its attribution maps, drawn as sequence logos (one row per method and stage).
///
/// Each letter's height is the attribution at the observed base, scaled per row by the row's
/// largest absolute value; negative attributions are drawn below the axis.
public struct DNAExample: Hashable, Sendable {
  /// The sequence's name, such as the FASTA record id.
  public var id: String
  /// The bases (A, C, G, T; other letters are drawn as gaps), length L.
  public var sequence: String
  /// The planted or known motif's span, 0-based and half-open, shaded in every row.
  public var motif: Range<Int>?
  /// The maps, each `[L]`, in the order they are drawn.
  public var stages: [StageMap]

  /// Creates a DNA example.
  /// - Parameters:
  ///   - id: The sequence's name.
  ///   - sequence: The bases, length L.
  ///   - motif: The motif's 0-based span, or `nil`.
  ///   - stages: The maps, each `[L]`.
  public init(id: String, sequence: String, motif: Range<Int>? = nil, stages: [StageMap]) {
    self.id = id
    self.sequence = sequence
    self.motif = motif
    self.stages = stages
  }
}
