import Foundation

extension MotifCheck.Result {
  /// The JSON keys: a ``CheckReport``'s (`rows`, `verdicts`, `settings`) and `motifs`, so a
  /// reader of results files reads this one too.
  enum CodingKeys: String, CodingKey {
    case rows, verdicts, settings
    case stages = "motifs"
  }

  /// Reads a result written by ``json()``.
  /// - Parameter decoder: The decoder.
  /// - Throws: A decoding error.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    report = CheckReport(
      rows: try container.decode([ResultRow].self, forKey: .rows),
      verdicts: try container.decode([Verdict].self, forKey: .verdicts),
      settings: try container.decode([String: String].self, forKey: .settings))
    stages = try container.decode([MotifStageSummary].self, forKey: .stages)
  }

  /// Writes the report's keys and the per-stage motifs.
  /// - Parameter encoder: The encoder.
  /// - Throws: An encoding error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(report.rows, forKey: .rows)
    try container.encode(report.verdicts, forKey: .verdicts)
    try container.encode(report.settings, forKey: .settings)
    try container.encode(stages, forKey: .stages)
  }

  /// Pretty-printed JSON with sorted keys (NaN written as `"nan"`), as ``CheckReport/json()``.
  /// - Returns: UTF-8 JSON.
  /// - Throws: An encoding error.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(self)
  }

  /// Reads JSON written by ``json()``.
  /// - Parameter data: The JSON.
  /// - Returns: The result.
  /// - Throws: A decoding error.
  public static func decoded(from data: Data) throws -> MotifCheck.Result {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(MotifCheck.Result.self, from: data)
  }
}
