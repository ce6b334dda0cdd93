import Foundation
import SanityChecker
import Testing

/// A tab-separated table from `../shared/data`: optional `#` comment lines, a header row, then one
/// row per line (gzip-compressed or plain; empty fields are kept).
struct ReferenceTable {
  let file: String
  let columns: [String]
  let rows: [[String]]

  /// Reads the table.
  /// - Parameter url: A `.tsv` or `.gz` file whose first non-comment line is the header.
  /// - Throws: A gzip error, or a test failure when the file has no header.
  init(_ url: URL) throws {
    file = url.lastPathComponent
    let lines = try Self.lines(url).filter { !$0.hasPrefix("#") }
    let header = try #require(lines.first, "\(file): no header row")
    columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    rows = lines.dropFirst().map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    let widths = Set(rows.map(\.count))
    #expect(
      widths == [columns.count], "\(file): rows have \(widths) fields, the header \(columns.count)")
  }

  /// The non-empty lines of a text file, decompressed if it is gzip.
  static func lines(_ url: URL) throws -> [Substring] {
    let bytes = try GzipReader.readAll(url: url)
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
  }

  /// The values of one column, in row order.
  func strings(_ column: String) throws -> [String] {
    let index = try #require(columns.firstIndex(of: column), "\(file): no column '\(column)'")
    return rows.map { $0[index] }
  }

  /// The values of one numeric column.
  func numbers(_ column: String) throws -> [Float] {
    try strings(column).map {
      try #require(Float($0), "\(file): '\($0)' in '\(column)' is not a number")
    }
  }

  /// The rows whose `column` equals `value`.
  func filtered(_ column: String, equals value: String) throws -> ReferenceTable {
    let index = try #require(columns.firstIndex(of: column), "\(file): no column '\(column)'")
    return ReferenceTable(file: file, columns: columns, rows: rows.filter { $0[index] == value })
  }

  private init(file: String, columns: [String], rows: [[String]]) {
    self.file = file
    self.columns = columns
    self.rows = rows
  }
}
