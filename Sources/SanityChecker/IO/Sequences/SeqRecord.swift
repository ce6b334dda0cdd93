/// One row of a DeepBind `.seq` file: `FoldID`, `EventID`, `seq` and `Bound`.
public struct SeqRecord: Equatable, Sendable {
  /// The identifier (the `EventID` column), such as `seq_00002_peak`.
  public var id: String
  /// The cross-validation fold (the `FoldID` column; empty when the file has none).
  public var fold: String
  /// The bases as uppercase ASCII IUPAC codes (`U` already read as `T`).
  public var sequence: [UInt8]
  /// The label (the `Bound` column): 1 for a bound peak, 0 for a negative, or a measured value.
  public var label: Float
  /// The 1-based line number of the row in its file.
  public var line: Int

  /// Creates a record.
  /// - Parameters:
  ///   - id: The identifier.
  ///   - fold: The fold.
  ///   - sequence: The bases as uppercase ASCII.
  ///   - label: The label.
  ///   - line: The row's 1-based line number.
  public init(id: String, fold: String, sequence: [UInt8], label: Float, line: Int) {
    self.id = id
    self.fold = fold
    self.sequence = sequence
    self.label = label
    self.line = line
  }
}
