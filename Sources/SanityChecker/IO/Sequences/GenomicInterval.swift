import Foundation

/// A genomic interval parsed from a record name such as `chr1:100-200`.
///
/// Coordinates are kept exactly as written: tools such as `bedtools getfasta` write BED
/// coordinates (0-based, half-open), others 1-based closed ones; the name does not say which.
public struct GenomicInterval: Hashable, Sendable, CustomStringConvertible {
  /// The strand written after the interval, as in `chr1:100-200(+)`.
  public enum Strand: Hashable, Sendable {
    /// `(+)`.
    case forward
    /// `(-)`.
    case reverse
  }

  /// The chromosome or contig name, such as `chr1`.
  public var chromosome: String
  /// The start coordinate as written.
  public var start: Int
  /// The end coordinate as written.
  public var end: Int
  /// The strand, when the name gives one.
  public var strand: Strand?

  /// Creates an interval.
  /// - Parameters:
  ///   - chromosome: The chromosome name.
  ///   - start: The start coordinate.
  ///   - end: The end coordinate (not less than `start`).
  ///   - strand: The strand, if known.
  public init(chromosome: String, start: Int, end: Int, strand: Strand? = nil) {
    self.chromosome = chromosome
    self.start = start
    self.end = end
    self.strand = strand
  }

  /// Parses a record name of the form `chrom:start-end` with an optional suffix.
  ///
  /// Accepted suffixes are a strand in parentheses (`(+)`, `(-)`, `(.)`) and anything after an
  /// underscore (`chr1:100-200_shuf`, as written for shuffled negatives). A `name::` prefix (as
  /// written by `bedtools getfasta -name`) is dropped. Thousands separators are not accepted.
  /// The initializer fails when the name is not of that form or when `end < start`.
  /// - Parameter name: The record identifier.
  public init?(parsing name: some StringProtocol) {
    var text = Substring(name)
    if let range = text.range(of: "::", options: .backwards) { text = text[range.upperBound...] }
    guard let colon = text.lastIndex(of: ":") else { return nil }
    let chromosome = text[..<colon]
    var rest = text[text.index(after: colon)...]
    guard !chromosome.isEmpty, let start = Self.leadingInteger(&rest), rest.first == "-" else {
      return nil
    }
    rest = rest.dropFirst()
    guard let end = Self.leadingInteger(&rest), end >= start else { return nil }
    var strand: Strand?
    switch rest {
    case "": break
    case "(+)": strand = .forward
    case "(-)": strand = .reverse
    case "(.)": break
    default:
      guard rest.first == "_" else { return nil }
    }
    self.init(chromosome: String(chromosome), start: start, end: end, strand: strand)
  }

  /// The length `end - start`.
  public var length: Int { end - start }

  /// The interval written as `chrom:start-end`, with `(+)` or `(-)` when stranded.
  public var description: String {
    let suffix = strand.map { $0 == .forward ? "(+)" : "(-)" } ?? ""
    return "\(chromosome):\(start)-\(end)\(suffix)"
  }

  private static func leadingInteger(_ text: inout Substring) -> Int? {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let value = Int(digits) else { return nil }
    text = text[digits.endIndex...]
    return value
  }
}
