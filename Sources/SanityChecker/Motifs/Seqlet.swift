/// A contiguous span of high attribution in one sequence.
///
/// Coordinates are 0-based and half-open within the item (`start ..< end`), after any flanks
/// were added (``RecursiveSeqletCaller/flank``).
public struct Seqlet: Hashable, Sendable {
  /// Whether the span's attributions support (positive) or oppose (negative) the output.
  public enum Sign: String, Hashable, Sendable, CaseIterable {
    /// Summed attribution above the background.
    case positive
    /// Summed attribution below the background.
    case negative
  }

  /// The item (sequence) index in the batch.
  public var item: Int
  /// The first position.
  public var start: Int
  /// One past the last position.
  public var end: Int
  /// The sign the span was called on.
  public var sign: Sign
  /// The sum of the per-position scores over `start ..< end`.
  public var attribution: Double
  /// The span's own p-value under the background of same-length sums (a ranking score; see
  /// ``RecursiveSeqletCaller``).
  public var pValue: Double

  /// Creates a seqlet.
  /// - Parameters:
  ///   - item: The item index.
  ///   - start: The first position.
  ///   - end: One past the last position.
  ///   - sign: The sign.
  ///   - attribution: The summed score.
  ///   - pValue: The p-value.
  public init(item: Int, start: Int, end: Int, sign: Sign, attribution: Double, pValue: Double) {
    self.item = item
    self.start = start
    self.end = end
    self.sign = sign
    self.attribution = attribution
    self.pValue = pValue
  }

  /// The span's length.
  public var length: Int { end - start }
}
