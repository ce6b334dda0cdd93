/// One record of a FASTA file: a header line and its bases.
///
/// The header `>chr1:100-200 label=1 fold=A` gives the identifier `chr1:100-200` (the text up
/// to the first space or tab) and the description `label=1 fold=A` (the rest, trimmed).
/// ``coordinates`` and ``attributes`` are parsed from these on demand, so records that never
/// use them cost nothing extra.
public struct FASTARecord: Equatable, Sendable {
  /// The identifier: the header's first word, without the `>`.
  public var id: String
  /// The rest of the header line after the identifier, trimmed (empty when there is none).
  public var description: String
  /// The bases as uppercase ASCII IUPAC codes (`U` already read as `T`).
  public var sequence: [UInt8]
  /// The 1-based line number of the header in its file.
  public var line: Int

  /// Creates a record.
  /// - Parameters:
  ///   - id: The identifier.
  ///   - description: The text after the identifier.
  ///   - sequence: The bases as uppercase ASCII.
  ///   - line: The header's 1-based line number.
  public init(id: String, description: String = "", sequence: [UInt8], line: Int = 1) {
    self.id = id
    self.description = description
    self.sequence = sequence
    self.line = line
  }

  /// The genomic interval the identifier names (`chr1:100-200`, `chr1:100-200_shuf`,
  /// `chr1:100-200(+)`), or `nil` when it names none.
  public var coordinates: GenomicInterval? { GenomicInterval(parsing: id) }

  /// The `key=value` tokens of the description.
  ///
  /// The description `label=1 fold=A` gives `["label": "1", "fold": "A"]`. Tokens without `=`
  /// or with an empty key are ignored, and a later repeat of a key wins.
  public var attributes: [String: String] {
    var attributes: [String: String] = [:]
    for token in description.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      guard let equals = token.firstIndex(of: "="), equals != token.startIndex else { continue }
      attributes[String(token[..<equals])] = String(token[token.index(after: equals)...])
    }
    return attributes
  }

  /// The bases as a `String` (for display and tests).
  public var sequenceString: String { String(decoding: sequence, as: UTF8.self) }
}
