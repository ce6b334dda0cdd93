/// A record whose id does not place it on the genome, or a place outside its chromosome,
/// naming the file and the record.
public enum CoordinateError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The id holds no `chr:start-end` coordinates.
  case missing(file: String, record: String)
  /// The coordinates span another number of bases than the sequence has (in either convention).
  case lengthMismatch(file: String, record: String, length: Int, span: Int)
  /// The record's chromosome is not in the chromosome sizes.
  case unknownChromosome(file: String, record: String, chromosome: String, sizes: String)
  /// The record's interval ends past its chromosome.
  case outsideChromosome(file: String, record: String, end: Int, size: Int, sizes: String)

  /// A compiler-style message, `file: record 'id': what is wrong; remedy`.
  public var description: String {
    switch self {
    case .missing(let file, let record):
      return
        "\(file): record '\(record)' has no genomic coordinates; name records chr:start-end (BED coordinates, as bedtools getfasta writes them), optionally with (+) or (-)"
    case .lengthMismatch(let file, let record, let length, let span):
      return
        "\(file): record '\(record)' has \(length) bases, its coordinates span \(span) (BED) or \(span + 1) (1-based); give the sequences as extracted, not cropped or padded"
    case .unknownChromosome(let file, let record, let chromosome, let sizes):
      return
        "\(file): record '\(record)' is on '\(chromosome)', which \(sizes) does not list; give the chromosome sizes of the genome the sequences come from"
    case .outsideChromosome(let file, let record, let end, let size, let sizes):
      return
        "\(file): record '\(record)' ends at \(end), past the chromosome's \(size) bases in \(sizes); give the chromosome sizes of the genome the sequences come from"
    }
  }
}
