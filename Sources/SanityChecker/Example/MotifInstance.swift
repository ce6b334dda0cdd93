/// One motif occurrence planted in a sequence: the ground truth of a simulated example.
///
/// Positions are 0-based and half-open within the sequence (`start ..< end`), whatever the
/// record's genomic coordinates are. A reverse-strand instance holds the reverse complement of
/// a site sampled from the matrix, so the motif reads 5'→3' on the minus strand.
public struct MotifInstance: Hashable, Sendable {
  /// The strand a planted site reads on.
  public enum Strand: String, Hashable, Sendable, CaseIterable {
    /// The site as sampled from the matrix (`+`).
    case forward = "+"
    /// The reverse complement of the sampled site (`-`).
    case reverse = "-"
  }

  /// The record's identifier (the FASTA header's first word).
  public var sequenceID: String
  /// The motif's accession, such as `MA0139.2`.
  public var motif: String
  /// The first position of the site, 0-based.
  public var start: Int
  /// One past the last position of the site.
  public var end: Int
  /// The strand.
  public var strand: Strand

  /// Creates an instance.
  /// - Parameters:
  ///   - sequenceID: The record's identifier.
  ///   - motif: The motif's accession.
  ///   - start: The first position, 0-based.
  ///   - end: One past the last position (greater than `start`).
  ///   - strand: The strand.
  public init(sequenceID: String, motif: String, start: Int, end: Int, strand: Strand) {
    self.sequenceID = sequenceID
    self.motif = motif
    self.start = start
    self.end = end
    self.strand = strand
  }

  /// The positions the site covers, `start ..< end`.
  public var positions: Range<Int> { start..<end }

  /// The site's width, `end − start`.
  public var width: Int { end - start }

  /// The site as written in a FASTA header: `MA0139.2:37:+` (accession, 0-based start, strand).
  public var headerToken: String { "\(motif):\(start):\(strand.rawValue)" }
}
