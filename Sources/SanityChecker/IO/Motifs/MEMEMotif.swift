import Foundation

/// A position probability matrix in the MEME minimal motif format (version 4, DNA).
///
/// Rows are positions, columns the bases A, C, G, T. JASPAR distributes its collections in
/// this format (Rauluseviciute et al., NAR 2024, doi:10.1093/nar/gkad1059).
public struct MEMEMotif: Hashable, Sendable {
  /// The accession, for example `MA0139.2`.
  public var identifier: String
  /// The name, for example `CTCF`.
  public var name: String
  /// `[w][4]` probabilities of A, C, G, T per position.
  public var probabilities: [[Double]]
  /// The number of sites the matrix was built from (`nsites`), when stated.
  public var sites: Int?

  /// Creates a motif.
  /// - Parameters:
  ///   - identifier: The accession.
  ///   - name: The name.
  ///   - probabilities: `[w][4]` probabilities (A, C, G, T).
  ///   - sites: The number of sites, when known.
  public init(identifier: String, name: String, probabilities: [[Double]], sites: Int? = nil) {
    self.identifier = identifier
    self.name = name
    self.probabilities = probabilities
    self.sites = sites
  }

  /// The motif's width.
  public var width: Int { probabilities.count }

  /// The motif's most likely base per position, as a string of A, C, G and T (the first of them
  /// on ties).
  public var consensus: String {
    String(
      probabilities.map { row in
        let best = row.indices.max { row[$0] < row[$1] } ?? 0
        return Array("ACGT")[best]
      })
  }

  /// Reads every motif of a MEME file.
  /// - Parameter url: The `.meme` file.
  /// - Returns: The motifs in file order.
  /// - Throws: ``MotifError`` naming the file and line.
  public static func read(_ url: URL) throws(MotifError) -> [MEMEMotif] {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw .unreadable(file: url.path)
    }
    return try parse(text, file: url.lastPathComponent)
  }

  /// Parses MEME text.
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - file: The name used in error messages.
  /// - Returns: The motifs in order.
  /// - Throws: ``MotifError`` naming the file and line.
  public static func parse(_ text: String, file: String) throws(MotifError) -> [MEMEMotif] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard lines.contains(where: { $0.hasPrefix("MEME version") }) else {
      throw .notMEME(file: file)
    }
    var motifs: [MEMEMotif] = []
    var index = 0
    while index < lines.count {
      let fields = lines[index].split(separator: " ").map(String.init)
      guard fields.first == "MOTIF", fields.count >= 2 else {
        index += 1
        continue
      }
      let headerLine = index + 1
      index += 1
      while index < lines.count, !lines[index].hasPrefix("letter-probability matrix") {
        if lines[index].hasPrefix("MOTIF") {
          throw .missingMatrix(file: file, line: headerLine, motif: fields[1])
        }
        index += 1
      }
      guard index < lines.count else {
        throw .missingMatrix(file: file, line: headerLine, motif: fields[1])
      }
      let settings = keyValues(lines[index])
      guard let width = settings["w"].flatMap({ Int($0) }), width > 0 else {
        throw .malformedRow(file: file, line: index + 1, reason: "missing 'w=' width")
      }
      var rows: [[Double]] = []
      for offset in 1...width {
        let lineNumber = index + offset
        guard lineNumber < lines.count else {
          throw .malformedRow(file: file, line: lineNumber, reason: "matrix ends early")
        }
        let values = lines[lineNumber].split(separator: " ").compactMap { Double($0) }
        guard values.count == 4, values.allSatisfy({ $0 >= 0 }) else {
          throw .malformedRow(
            file: file, line: lineNumber + 1, reason: "expected 4 non-negative probabilities")
        }
        let total = values.reduce(0, +)
        guard abs(total - 1) < 0.02 else {
          throw .malformedRow(
            file: file, line: lineNumber + 1, reason: "probabilities sum to \(total), not 1")
        }
        rows.append(values.map { $0 / total })
      }
      motifs.append(
        MEMEMotif(
          identifier: fields[1], name: fields.count > 2 ? fields[2] : fields[1],
          probabilities: rows,
          sites: settings["nsites"].flatMap { Int($0) }))
      index += width + 1
    }
    return motifs
  }

  /// The motif file text with these motifs (uniform background, both strands).
  /// - Parameter motifs: The motifs.
  /// - Returns: MEME minimal format version 4.
  public static func format(_ motifs: [MEMEMotif]) -> String {
    var text =
      "MEME version 4\n\nALPHABET= ACGT\n\nstrands: + -\n\nBackground letter frequencies\nA 0.25 C 0.25 G 0.25 T 0.25\n"
    for motif in motifs {
      text += "\nMOTIF \(motif.identifier) \(motif.name)\n"
      text +=
        "letter-probability matrix: alength= 4 w= \(motif.width) nsites= \(motif.sites ?? 20) E= 0\n"
      for row in motif.probabilities {
        text += row.map { " " + String(format: "%.6f", $0) }.joined() + "\n"
      }
    }
    return text
  }

  /// `key= value` pairs of a `letter-probability matrix:` line.
  private static func keyValues(_ line: String) -> [String: String] {
    let tokens = line.replacingOccurrences(of: "= ", with: "=").split(separator: " ")
    var values: [String: String] = [:]
    for token in tokens {
      let parts = token.split(separator: "=", maxSplits: 1)
      if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    return values
  }
}

/// A malformed motif file.
public enum MotifError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file cannot be read.
  case unreadable(file: String)
  /// The file has no `MEME version` line.
  case notMEME(file: String)
  /// A `MOTIF` has no `letter-probability matrix`.
  case missingMatrix(file: String, line: Int, motif: String)
  /// A matrix row is malformed.
  case malformedRow(file: String, line: Int, reason: String)

  /// A compiler-style message with the place and a remedy.
  public var description: String {
    switch self {
    case .unreadable(let file): return "\(file): cannot read the motif file; check the path"
    case .notMEME(let file): return "\(file): not a MEME motif file (no 'MEME version' line)"
    case .missingMatrix(let file, let line, let motif):
      return "\(file):\(line): motif '\(motif)' has no 'letter-probability matrix' section"
    case .malformedRow(let file, let line, let reason): return "\(file):\(line): \(reason)"
    }
  }
}
