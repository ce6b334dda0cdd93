import Foundation

/// The length of every chromosome of a genome, read from a FASTA index (`.fai`) or a UCSC
/// `chrom.sizes` file.
///
/// Both are text with one chromosome per line, tab-separated: the name, then the length in
/// bases, then (`.fai` only) further columns, which are ignored. Blank lines and lines starting
/// with `#` are skipped. A name listed twice, a length that is not a whole number of at least 1
/// or above 2³² − 1 (bigWig's limit), or a line with fewer than two columns is refused with the
/// line named.
public struct ChromosomeSizes: Sendable, Equatable {
  /// Chromosome names with their lengths, in the file's order.
  public private(set) var entries: [(name: String, length: Int)]
  /// The file read, for messages.
  public let file: String
  private var lengths: [String: Int]

  /// Reads a `.fai` or `chrom.sizes` file.
  /// - Parameter url: The file.
  /// - Throws: ``ChromosomeSizesError``.
  public init(contentsOf url: URL) throws(ChromosomeSizesError) {
    let path = url.path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(file: path)
    }
    guard let text = String(data: data, encoding: .utf8) else { throw .notText(file: path) }
    try self.init(parsing: text, file: path)
  }

  /// Parses the text of a `.fai` or `chrom.sizes` file.
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - file: The file's name, for messages.
  /// - Throws: ``ChromosomeSizesError``.
  public init(parsing text: String, file: String) throws(ChromosomeSizesError) {
    self.file = file
    entries = []
    lengths = [:]
    // Characters: "\r\n" is one newline character, so CRLF files split like LF ones.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, trimmed) in lines.enumerated() {
      let number = index + 1
      if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) || trimmed.hasPrefix("#") { continue }
      let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
      guard columns.count >= 2, !columns[0].isEmpty else {
        throw .malformedLine(file: file, line: number)
      }
      let name = String(columns[0])
      guard let length = Int(columns[1]), length >= 1, length <= Int(UInt32.max) else {
        throw .invalidLength(file: file, line: number, text: String(columns[1]))
      }
      guard lengths[name] == nil else { throw .duplicate(file: file, line: number, name: name) }
      lengths[name] = length
      entries.append((name, length))
    }
    guard !entries.isEmpty else { throw .empty(file: file) }
  }

  /// The length of a chromosome, or `nil` when the file does not list it.
  /// - Parameter chromosome: The name.
  /// - Returns: The length in bases.
  public func length(of chromosome: String) -> Int? { lengths[chromosome] }

  /// Whether two files list the same chromosomes with the same lengths in the same order.
  public static func == (lhs: ChromosomeSizes, rhs: ChromosomeSizes) -> Bool {
    lhs.entries.map(\.name) == rhs.entries.map(\.name)
      && lhs.entries.map(\.length) == rhs.entries.map(\.length)
  }
}
