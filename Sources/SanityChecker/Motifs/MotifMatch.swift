import Foundation

/// The best alignment of a query motif with one database motif, with its significance.
public struct MotifMatch: Hashable, Sendable {
  /// The database motif's accession, for example `MA0139.2`.
  public var targetIdentifier: String
  /// The database motif's name, for example `CTCF`.
  public var targetName: String
  /// The p-value of the best alignment's score over both strands (``TomtomMatcher``).
  public var pValue: Double
  /// The Benjamini–Hochberg q-value over the database, for this query.
  public var qValue: Double
  /// The position in the (reverse-complemented, for strand `-`) target of the query's first
  /// column; negative when the query starts before the target.
  public var offset: Int
  /// `+` when the query aligns with the target as written, `-` with its reverse complement.
  public var strand: Character
  /// The number of aligned columns.
  public var overlap: Int

  /// Creates a match.
  /// - Parameters:
  ///   - targetIdentifier: The target's accession.
  ///   - targetName: The target's name.
  ///   - pValue: The p-value.
  ///   - qValue: The q-value.
  ///   - offset: The query's offset in the target.
  ///   - strand: `+` or `-`.
  ///   - overlap: The aligned columns.
  public init(
    targetIdentifier: String, targetName: String, pValue: Double, qValue: Double, offset: Int,
    strand: Character, overlap: Int
  ) {
    self.targetIdentifier = targetIdentifier
    self.targetName = targetName
    self.pValue = pValue
    self.qValue = qValue
    self.offset = offset
    self.strand = strand
    self.overlap = overlap
  }
}

/// The `matches.tsv` table: one row per (motif, match), best first per motif.
public enum MotifMatchTable {
  /// The column names.
  public static let columns = [
    "motif", "sign", "n_seqlets", "match_id", "match_name", "p", "q", "offset", "strand", "overlap",
  ]

  /// The table's text.
  /// - Parameters:
  ///   - motifs: Each motif with its matches (best first); a motif without matches gets one row
  ///     with `-` in the match columns.
  ///   - limit: The most matches written per motif.
  /// - Returns: The TSV text with its header.
  public static func tsv(
    _ motifs: [(motif: DiscoveredMotif, matches: [MotifMatch])], limit: Int = 10
  ) -> String {
    var lines = [columns.joined(separator: "\t")]
    for (motif, matches) in motifs {
      let prefix = [motif.identifier, motif.sign.rawValue, String(motif.seqletCount)]
      if matches.isEmpty {
        lines.append((prefix + Array(repeating: "-", count: 7)).joined(separator: "\t"))
      }
      for match in matches.prefix(limit) {
        let fields = [
          match.targetIdentifier, match.targetName, number(match.pValue), number(match.qValue),
          String(match.offset), String(match.strand), String(match.overlap),
        ]
        lines.append((prefix + fields).joined(separator: "\t"))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}
