import Foundation

/// What a sanity check returns: tidy rows, verdicts, and every setting used.
public struct CheckReport: Sendable, Codable {
  /// One row per check, order, method, stage, seed, metric and view.
  public var rows: [ResultRow]
  /// One verdict per method and check.
  public var verdicts: [Verdict]
  /// Every setting, by name (model, order, scheme, seeds, metrics, view, threshold …).
  public var settings: [String: String]

  /// Creates a report.
  /// - Parameters:
  ///   - rows: The rows.
  ///   - verdicts: The verdicts.
  ///   - settings: The settings.
  public init(rows: [ResultRow], verdicts: [Verdict], settings: [String: String]) {
    self.rows = rows
    self.verdicts = verdicts
    self.settings = settings
  }

  /// Joins reports of several checks.
  /// - Parameter reports: The reports, in order.
  /// - Returns: Their rows and verdicts in order; settings are prefixed with each report's check.
  public static func merging(_ reports: [CheckReport]) -> CheckReport {
    var settings: [String: String] = [:]
    for report in reports {
      let prefix = report.settings["check"].map { $0 + "." } ?? ""
      for (key, value) in report.settings { settings[prefix + key] = value }
    }
    return CheckReport(
      rows: reports.flatMap(\.rows), verdicts: reports.flatMap(\.verdicts), settings: settings)
  }

  /// The rows as TSV with a header line (``ResultRow/columns``, then `target` when the rows
  /// name their targets).
  public var tsv: String {
    let targeted = rows.contains { $0.target != nil }
    let header = ResultRow.columns + (targeted ? ["target"] : [])
    let lines = rows.map { $0.fields + (targeted ? [$0.target ?? "-"] : []) }
    return ([header] + lines).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
  }

  /// The whole report as pretty-printed JSON with sorted keys (NaN written as `null`).
  /// - Returns: UTF-8 JSON.
  /// - Throws: An encoding error.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(self)
  }
}

extension CheckReport {
  /// Reads a report written by ``json()``.
  /// - Parameter data: The JSON.
  /// - Returns: The report.
  /// - Throws: A decoding error.
  public static func decoded(from data: Data) throws -> CheckReport {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(CheckReport.self, from: data)
  }
}
