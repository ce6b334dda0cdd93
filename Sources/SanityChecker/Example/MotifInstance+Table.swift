import Foundation

extension MotifInstance {
  /// The header line of a motif table.
  public static let tableColumns = ["id", "motif", "start", "end", "strand"]

  /// Formats instances as a tab-separated table with a header line.
  ///
  /// ```
  /// id                    motif     start  end  strand
  /// chrSim1:10000-10101   MA0139.2  37     52   +
  /// ```
  /// - Parameter instances: The instances, in order.
  /// - Returns: The table text, ending in a newline.
  public static func table(_ instances: [MotifInstance]) -> String {
    var text = tableColumns.joined(separator: "\t") + "\n"
    for instance in instances {
      text +=
        "\(instance.sequenceID)\t\(instance.motif)\t\(instance.start)\t\(instance.end)\t\(instance.strand.rawValue)\n"
    }
    return text
  }

  /// Reads a motif table written by ``table(_:)``.
  /// - Parameter url: The `.tsv` file.
  /// - Returns: The instances in file order.
  /// - Throws: ``MotifTableError`` naming the file and line.
  public static func readTable(_ url: URL) throws(MotifTableError) -> [MotifInstance] {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw .unreadable(file: url.path)
    }
    return try parseTable(text, file: url.path)
  }

  /// Parses a motif table.
  /// - Parameters:
  ///   - text: The table's text.
  ///   - file: The name used in messages.
  /// - Returns: The instances in order.
  /// - Throws: ``MotifTableError`` naming the file and line.
  public static func parseTable(_ text: String, file: String) throws(MotifTableError)
    -> [MotifInstance]
  {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    guard let header = lines.first, header.split(separator: "\t").map(String.init) == tableColumns
    else {
      throw .badHeader(file: file, found: lines.first ?? "")
    }
    var instances: [MotifInstance] = []
    for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 5 else {
        throw .malformedRow(file: file, line: index + 1, reason: "\(fields.count) fields")
      }
      guard let start = Int(fields[2]), let end = Int(fields[3]), start >= 0, end > start else {
        throw .malformedRow(
          file: file, line: index + 1, reason: "bad interval '\(fields[2])'-'\(fields[3])'")
      }
      guard let strand = Strand(rawValue: fields[4]) else {
        throw .malformedRow(file: file, line: index + 1, reason: "bad strand '\(fields[4])'")
      }
      instances.append(
        MotifInstance(
          sequenceID: fields[0], motif: fields[1], start: start, end: end, strand: strand))
    }
    return instances
  }

  /// Groups instances by record, in the order of `ids` (records without instances get `[]`).
  /// - Parameters:
  ///   - instances: The instances, e.g. from ``readTable(_:)``.
  ///   - ids: The records' identifiers, e.g. `InputData.ids`.
  ///   - motifs: Keep only these accessions (`nil`: every motif).
  /// - Returns: One list per id.
  public static func grouped(
    _ instances: [MotifInstance], by ids: [String], motifs: Set<String>? = nil
  ) -> [[MotifInstance]] {
    var byID: [String: [MotifInstance]] = [:]
    for instance in instances where motifs?.contains(instance.motif) ?? true {
      byID[instance.sequenceID, default: []].append(instance)
    }
    return ids.map { byID[$0] ?? [] }
  }
}
