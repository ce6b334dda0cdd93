import Foundation

extension MotifInstance {
  /// Reads motif positions from a BED file: `chrom start end [name [score [strand]]]`.
  ///
  /// The first column names the sequence (the FASTA record's id), as the positions are relative
  /// to each explained sequence; `start` is 0-based and `end` exclusive, as in BED. The name,
  /// when present, is the motif's identifier (it selects the motif's column information in
  /// ``MotifRecovery/Configuration/informationContent``), `site` otherwise; strand `-` is the
  /// reverse strand, `+` or `.` the forward one. Lines starting with `#`, `track` or `browser`
  /// and empty lines are skipped. Columns are separated by tabs or spaces.
  /// - Parameters:
  ///   - text: The file's text.
  ///   - file: The file's name for errors.
  /// - Returns: The instances, in file order.
  /// - Throws: ``MotifTableError/malformedRow(file:line:reason:)`` naming the line.
  public static func parseBED(_ text: String, file: String) throws(MotifTableError)
    -> [MotifInstance]
  {
    var instances: [MotifInstance] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, rawLine) in lines.enumerated() {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
      guard let first = fields.first, !first.hasPrefix("#"), first != "track", first != "browser"
      else { continue }
      guard fields.count >= 3 else {
        throw .malformedRow(
          file: file, line: index + 1,
          reason: "\(fields.count) columns; BED needs chrom, start, end")
      }
      guard let start = Int(fields[1]), let end = Int(fields[2]), start >= 0, end > start else {
        throw .malformedRow(
          file: file, line: index + 1, reason: "bad interval '\(fields[1])'-'\(fields[2])'")
      }
      let strandText = fields.count >= 6 ? fields[5] : "+"
      guard let strand = strandText == "." ? .forward : Strand(rawValue: strandText) else {
        throw .malformedRow(file: file, line: index + 1, reason: "bad strand '\(strandText)'")
      }
      instances.append(
        MotifInstance(
          sequenceID: fields[0], motif: fields.count >= 4 ? fields[3] : "site", start: start,
          end: end, strand: strand))
    }
    return instances
  }

  /// Reads motif positions from a `.bed` file (``parseBED(_:file:)``) or a motif table
  /// (``readTable(_:)``), by the file's extension.
  /// - Parameter url: The file.
  /// - Returns: The instances.
  /// - Throws: ``MotifTableError``.
  public static func readPositions(_ url: URL) throws(MotifTableError) -> [MotifInstance] {
    guard url.pathExtension.lowercased() == "bed" else { return try readTable(url) }
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw .unreadable(file: url.path)
    }
    return try parseBED(text, file: url.path)
  }
}
