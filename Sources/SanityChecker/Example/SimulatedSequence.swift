/// One record of a simulated example: bases, labels and the planted sites.
public struct SimulatedSequence: Hashable, Sendable {
  /// The identifier: the record's interval, such as `chrSim1:10000-10101`.
  public var id: String
  /// The bases as uppercase ASCII.
  public var sequence: [UInt8]
  /// One label per task (motif), 1 when the motif is planted.
  public var labels: [Float]
  /// The planted sites, by start.
  public var instances: [MotifInstance]
  /// For a shuffled negative, the id of the positive it was shuffled from.
  public var shuffleOf: String?

  /// Creates a record.
  /// - Parameters:
  ///   - id: The identifier.
  ///   - sequence: The bases.
  ///   - labels: One label per task.
  ///   - instances: The planted sites.
  ///   - shuffleOf: The positive a negative was shuffled from.
  public init(
    id: String, sequence: [UInt8], labels: [Float], instances: [MotifInstance],
    shuffleOf: String? = nil
  ) {
    self.id = id
    self.sequence = sequence
    self.labels = labels
    self.instances = instances
    self.shuffleOf = shuffleOf
  }

  /// The FASTA header without `>`.
  ///
  /// For example `chrSim1:10000-10101 label=1,0 motifs=MA0139.2:37:+`.
  /// `label=` holds comma-separated numbers, as ``InputData/load(_:oneHot:scaling:)`` reads them;
  /// `motifs=` lists `accession:start:strand` (0-based start within the sequence), or `none`.
  public var header: String {
    let labelText = labels.map { $0 > 0.5 ? "1" : "0" }.joined(separator: ",")
    let motifText = instances.isEmpty ? "none" : instances.map(\.headerToken).joined(separator: ",")
    return "\(id) label=\(labelText) motifs=\(motifText)"
      + (shuffleOf.map { " shuffle-of=\($0)" } ?? "")
  }

  /// The record in FASTA form: header line and one sequence line.
  public var fasta: String { ">\(header)\n\(String(decoding: sequence, as: UTF8.self))\n" }
}
