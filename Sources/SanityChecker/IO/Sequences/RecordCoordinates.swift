/// Where a sequence lies on the genome, read from its record id: a BED interval (0-based
/// start, end excluded) and a strand.
///
/// Accepted ids are those of ``GenomicInterval/init(parsing:)`` — `chr:start-end`, with an
/// optional strand `(+)`, `(-)` or `(.)`, a `name::` prefix (`bedtools getfasta -name`) or an
/// `_suffix` — and also a strand written as `:+` or `:-` (`chr1:100-200:-`).
///
/// **Which convention.** A name `chr1:100-200` does not say whether its numbers are BED's (0-based
/// start, end excluded; what `bedtools getfasta` writes: BED line `chr1 100 200` becomes
/// `>chr1:100-200`, 100 bases) or 1-based with both ends included (UCSC position strings and
/// `samtools faidx` regions: `chr1:100-200` is 101 bases). The sequence's length decides:
/// - `length == end − start`: BED; the interval is `[start, end)`;
/// - `length == end − start + 1`: 1-based closed; the interval is `[start − 1, end)`;
/// - otherwise the record is refused (``CoordinateError/lengthMismatch(file:record:length:span:)``),
///   so a cropped or padded sequence is never placed on the genome at a guess.
///
/// **Strand.** A `-` record holds the reverse complement of its interval: sequence position `i`
/// lies on genome base `end − 1 − i`. A record without a strand (or `(.)`) is taken as `+`.
public struct RecordCoordinates: Hashable, Sendable, CustomStringConvertible {
  /// The chromosome or contig name.
  public var chromosome: String
  /// The first base, 0-based.
  public var start: Int
  /// One past the last base, 0-based.
  public var end: Int
  /// Whether the sequence is the reverse complement of the interval.
  public var isReverse: Bool

  /// Creates coordinates.
  /// - Parameters:
  ///   - chromosome: The chromosome name.
  ///   - start: The first base, 0-based.
  ///   - end: One past the last base.
  ///   - isReverse: Whether the sequence is the minus strand.
  public init(chromosome: String, start: Int, end: Int, isReverse: Bool = false) {
    self.chromosome = chromosome
    self.start = start
    self.end = end
    self.isReverse = isReverse
  }

  /// Reads the coordinates of a record of `length` bases from its id.
  /// - Parameters:
  ///   - id: The record id, such as `chr1:100-200(-)`.
  ///   - length: The sequence's length.
  ///   - file: The sequence file, for messages.
  /// - Returns: The interval in BED coordinates and the strand.
  /// - Throws: ``CoordinateError/missing(file:record:)`` when the id holds no coordinates,
  ///   ``CoordinateError/lengthMismatch(file:record:length:span:)`` when they do not span the
  ///   sequence.
  public static func parse(id: String, length: Int, file: String) throws(CoordinateError)
    -> RecordCoordinates
  {
    var name = Substring(id)
    var colonStrand: Bool?
    if name.hasSuffix(":+") || name.hasSuffix(":-") {
      colonStrand = name.hasSuffix(":-")
      name = name.dropLast(2)
    }
    guard let interval = GenomicInterval(parsing: name) else {
      throw .missing(file: file, record: id)
    }
    if colonStrand != nil, interval.strand != nil { throw .missing(file: file, record: id) }
    let isReverse = colonStrand ?? (interval.strand == .reverse)
    switch length {
    case interval.length:
      return RecordCoordinates(
        chromosome: interval.chromosome, start: interval.start, end: interval.end,
        isReverse: isReverse)
    case interval.length + 1 where interval.start >= 1:
      return RecordCoordinates(
        chromosome: interval.chromosome, start: interval.start - 1, end: interval.end,
        isReverse: isReverse)
    default:
      throw .lengthMismatch(file: file, record: id, length: length, span: interval.length)
    }
  }

  /// The genome base (0-based) of sequence position `position`.
  /// - Parameter position: A position in the sequence, `0 ..< end − start`.
  /// - Returns: `start + position` on `+`, `end − 1 − position` on `-`.
  public func genomePosition(of position: Int) -> Int {
    isReverse ? end - 1 - position : start + position
  }

  /// `chrom:start-end` in BED coordinates, with `(-)` for the minus strand.
  public var description: String {
    "\(chromosome):\(start)-\(end)\(isReverse ? "(-)" : "")"
  }
}
