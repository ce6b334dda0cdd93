/// A malformed table of planted motif instances (`*.motifs.tsv`).
public enum MotifTableError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file cannot be read.
  case unreadable(file: String)
  /// The first line is not the expected header.
  case badHeader(file: String, found: String)
  /// A row is malformed.
  case malformedRow(file: String, line: Int, reason: String)

  /// A compiler-style message with the place and a remedy.
  public var description: String {
    switch self {
    case .unreadable(let file):
      return "\(file): cannot read the motif table; check the path"
    case .badHeader(let file, let found):
      return
        "\(file):1: header is '\(found)'; expected the tab-separated columns id, motif, start, end, strand (write the table with `sanity simulate`)"
    case .malformedRow(let file, let line, let reason):
      return
        "\(file):\(line): \(reason); expected id, motif, start, end (0-based, half-open) and strand + or -"
    }
  }
}
