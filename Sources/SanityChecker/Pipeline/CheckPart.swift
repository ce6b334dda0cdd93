import Foundation

/// The per-item values of one shard of a standalone check (`sanity check model|labels|class|
/// invariance|rc|simplex --shard K/N`), from which `sanity merge` writes the check's table.
///
/// A part is the check's scores before they are summarized, one list per explained unit,
/// `scores[metric][seed][stage][item]` for the similarity checks. Parts of all blocks, joined in
/// order (``joined(_:)``), hold exactly the values one unsharded check computes, and the check's
/// own summary step turns them into rows, bootstrap intervals and verdicts: no mean is averaged
/// from shard means, and each interval's bootstrap stream is named by what it summarizes
/// (``Bootstrap``), never by the shard. The part is written as JSON at the shard's `--output`,
/// beside its ``CommandPart`` manifest (kind ``CommandPart/Kind/checkValues``).
public struct CheckPart: Codable, Sendable {
  /// One unit's per-item values, by check.
  enum Scores: Codable, Sendable {
    /// Model randomization, label randomization and class sensitivity: per method,
    /// `scores[metric][seed][stage][item]`.
    case similarity([SimilarityComparison.MethodScores])
    /// Input invariance: per method, one relative difference per item.
    case values([RunPart.ItemValues])
    /// Reverse-complement consistency: per method, the agreement per item, and both strands'
    /// outputs.
    case reverseComplement(ReverseComplementCheck.Scores)
    /// The off-simplex diagnostic: angles per item, and model randomization of every method with
    /// sequence maps, with and without the correction (the methods it applies to are chosen on
    /// the joined values).
    case offSimplex(RunPart.OffSimplexScores)
  }

  /// The run's index of the block's first item.
  public var first: Int
  /// The block's item count.
  public var count: Int
  /// The run's item count (all blocks).
  public var total: Int
  /// The sequence length the model was sized for.
  public var length: Int
  /// Per explained unit, the block's values (none for an empty block).
  var units: [Scores]
  /// One label per unit when several are explained (rows and verdicts name them).
  var unitLabels: [String]
  /// Model randomization: the seed labels, in the scores' order.
  var seedLabels: [String] = []
  /// Model randomization: the stage names, in the scores' order.
  var stageNames: [String] = []
  /// Label randomization: the names of the true- and the permuted-label model.
  var modelNames: [String] = []
  /// Rows that do not depend on the block (label randomization's accuracy on the training
  /// set), the same in every part.
  var fixedRows: [ResultRow] = []
  /// Settings that do not depend on the block, the same in every part.
  var fixedSettings: [String: String] = [:]

  /// The part as JSON (sorted keys, NaN written as `nan`).
  /// - Returns: UTF-8 JSON.
  /// - Throws: An encoding error.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(self) + Data("\n".utf8)
  }

  /// Reads a part written by ``json()``.
  /// - Parameter url: The part file.
  /// - Returns: The part.
  /// - Throws: ``CommandPartError/unreadable(file:reason:)`` for a missing, truncated or
  ///   foreign file.
  public static func read(_ url: URL) throws(CommandPartError) -> CheckPart {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(
        file: url.path, reason: SystemErrorReason.text(for: error) ?? "\(error); rerun its shard")
    }
    do {
      let decoder = JSONDecoder()
      decoder.nonConformingFloatDecodingStrategy = .convertFromString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
      return try decoder.decode(CheckPart.self, from: data)
    } catch {
      throw .unreadable(
        file: url.path,
        reason: "not the whole per-item values of a `sanity check … --shard K/N` run (truncated "
          + "or another file); rerun its shard")
    }
  }

  /// The report of the joined values: each unit summarized by `summarize`, the units joined
  /// (rows and verdicts name their unit when there are several), then the fixed rows and
  /// settings, in the order the unsharded check writes them.
  /// - Parameter summarize: The check's summary step for one unit's values.
  /// - Returns: The report.
  /// - Throws: What `summarize` throws.
  func report(_ summarize: (Scores) throws -> CheckReport) throws -> CheckReport {
    let reports = try units.map(summarize)
    var report =
      reports.count == 1
      ? reports[0] : CheckReport.joiningTargets(reports, labels: unitLabels)
    report.rows += fixedRows
    report.settings.merge(fixedSettings) { $1 }
    return report
  }
}
