import Foundation

/// The per-item results of one block of a run (`sanity run --shard K/N`), from which
/// ``RunSummary`` computes every row, interval and verdict.
///
/// Parts of all blocks, joined in order, hold exactly the per-item values one unsharded run
/// computes, so the summary of the joined parts is the unsharded run's, digit for digit.
public struct RunPart: Codable, Sendable {
  /// What the part was computed from.
  public var manifest: RunManifest
  /// The data-set index of the block's first item.
  public var first: Int
  /// The run's item count (all blocks).
  public var total: Int
  /// The block's item identifiers.
  public var ids: [String]
  /// The sequence length.
  public var length: Int
  /// Model randomization: per method, `scores[metric][seed][stage][item]`.
  var modelRandomization: [SimilarityComparison.MethodScores]?
  /// Label randomization.
  var labelRandomization: LabelScores?
  /// Class sensitivity: per method, `scores[metric][0][0][item]`.
  var classSensitivity: [SimilarityComparison.MethodScores]?
  /// Input invariance: per method, one difference per item.
  var inputInvariance: [ItemValues]?
  /// Motif recovery: per method, per-item measures, and the chance levels per item.
  var motifRecovery: MotifScores?
  /// Reverse-complement consistency: per method, the agreement per item, and both strands' outputs.
  var reverseComplement: ReverseComplementCheck.Scores?
  /// The off-simplex diagnostic: angles per item, and model randomization with the correction.
  var offSimplex: OffSimplexScores?
  /// The motif check: per method, per-position scores on every stage, and the block's bases.
  var motifCheck: MotifCheckScores? = nil
  /// The block's first items with planted sites, their maps per stage (report logos).
  var examples: [Example]
  /// Maps of the block's first example for two classes (report).
  var classPairs: [ClassPair]

  /// One method's per-item values.
  struct ItemValues: Codable, Sendable {
    var method: String
    var values: [Double?]
  }

  /// Label randomization's per-item scores and test outputs.
  struct LabelScores: Codable, Sendable {
    /// Per method, `scores[metric][0][0][item]` of the explained items in this block.
    var methods: [SimilarityComparison.MethodScores]
    /// The names of the true- and the permuted-label model.
    var modelNames: [String]
    /// Both models' accuracy (and AUROC) on the training set (the same in every block).
    var trainingRows: [ResultRow]
    /// Both models' outputs on the block's items, item after item (empty without labels).
    var trueOutputs: [Float]
    var permutedOutputs: [Float]
    /// The block's labels, item after item.
    var labels: [Float]
  }

  /// Motif recovery's per-item measures, the chance levels per item, and the motifs' column
  /// information that labels the positions.
  struct MotifScores: Codable, Sendable {
    var methods: [MotifRecovery.MethodMeasures]
    var chance: [ChanceValues]
    var informationContent: [String: [Double]]
  }

  /// One chance metric's level per item.
  struct ChanceValues: Codable, Sendable {
    var metric: String
    var values: [Double?]
  }

  /// An example item's maps per stage.
  struct Example: Codable, Sendable {
    var id: String
    var sequence: String
    var motif: [Int]?
    var stages: [StageValues]
  }

  /// One stage's map of one method.
  struct StageValues: Codable, Sendable {
    var stage: String
    var method: String
    var values: [Float]
  }

  /// Two classes' maps of one method on one item.
  struct ClassPair: Codable, Sendable {
    var id: String
    var method: String
    var mapA: [Float]
    var mapB: [Float]
  }

  /// The part as JSON (sorted keys, NaN written as `nan`).
  /// - Returns: UTF-8 JSON.
  /// - Throws: An encoding error.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(self)
  }

  /// Reads a part written by ``json()``.
  /// - Parameter url: The part file.
  /// - Returns: The part.
  /// - Throws: ``RunPartError/unreadable(file:reason:)`` for a missing, truncated or foreign file.
  public static func read(_ url: URL) throws(RunPartError) -> RunPart {
    do {
      let decoder = JSONDecoder()
      decoder.nonConformingFloatDecodingStrategy = .convertFromString(
        positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
      return try decoder.decode(RunPart.self, from: Data(contentsOf: url))
    } catch {
      throw .unreadable(
        file: url.path,
        reason: SystemErrorReason.text(for: error)
          ?? "not a complete part file of `sanity run --shard`")
    }
  }
}

/// A part that cannot be read or joined.
public enum RunPartError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file is missing, truncated or not a part.
  case unreadable(file: String, reason: String)
  /// Parts of different runs (their manifests differ).
  case differentRuns(file: String, other: String, difference: String)
  /// The parts do not cover the run's items exactly once, in order.
  case gap(file: String, expectedFirst: Int, actualFirst: Int)
  /// The parts end before the run's last item.
  case missingItems(file: String, end: Int, total: Int)

  /// A message naming the part file, with a remedy.
  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the part (\(reason)); rerun its shard"
    case .differentRuns(let file, let other, let difference):
      return
        "\(file): the part belongs to another run than \(other) (\(difference) differs); rerun its shard with the same configuration"
    case .gap(let file, let expectedFirst, let actualFirst):
      return
        "\(file): the part starts at item \(actualFirst), but the previous parts end at item \(expectedFirst); give every shard's part, in order"
    case .missingItems(let file, let end, let total):
      return "\(file): the parts end at item \(end) of \(total); give every shard's part, in order"
    }
  }
}
