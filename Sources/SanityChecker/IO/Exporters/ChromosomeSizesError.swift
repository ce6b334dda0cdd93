/// A chromosome sizes file (`.fai` or `chrom.sizes`) that cannot be read, naming the file and
/// the line.
public enum ChromosomeSizesError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist or cannot be read.
  case unreadable(file: String)
  /// The file is not UTF-8 text.
  case notText(file: String)
  /// A line has fewer than two tab-separated columns, or no name.
  case malformedLine(file: String, line: Int)
  /// A length is not a whole number from 1 to 2³² − 1.
  case invalidLength(file: String, line: Int, text: String)
  /// A chromosome is listed twice.
  case duplicate(file: String, line: Int, name: String)
  /// The file lists no chromosome.
  case empty(file: String)

  /// A compiler-style message, `file:line: what is wrong; remedy`.
  public var description: String {
    let remedy = "give a .fai (samtools faidx) or chrom.sizes file: name<TAB>length per line"
    switch self {
    case .unreadable(let file): return "\(file): no such file, or it cannot be read; \(remedy)"
    case .notText(let file): return "\(file): not UTF-8 text; \(remedy)"
    case .malformedLine(let file, let line):
      return "\(file):\(line): expected a name and a length separated by a tab; \(remedy)"
    case .invalidLength(let file, let line, let text):
      return
        "\(file):\(line): invalid length '\(text)', expected a whole number from 1 to 4294967295; \(remedy)"
    case .duplicate(let file, let line, let name):
      return "\(file):\(line): chromosome '\(name)' is listed twice; list each once"
    case .empty(let file): return "\(file): lists no chromosome; \(remedy)"
    }
  }
}
