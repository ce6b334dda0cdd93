/// What motif discovery found for one method on one model: the trained model, a randomization
/// stage of one seed, or the label-permuted model.
public struct MotifStageSummary: Hashable, Sendable, Codable {
  /// The method.
  public var method: String
  /// The stage (`original`, a layer name, `all`, or `permuted-labels`).
  public var stage: String
  /// The seed (`-` for the trained and the permuted model).
  public var seed: String
  /// The number of seqlets of both signs.
  public var seqletCount: Int
  /// The significant database matches (q below the check's level), by accession.
  public var significantMatches: [String]
  /// The share of the trained model's significant matches' seqlet support still matched here
  /// (`Σ min(n(m), n_0(m)) / Σ n_0(m)`; NaN when the trained model has no significant match).
  public var retainedFraction: Double
  /// The smallest q-value of any motif's match (1 without motifs).
  public var bestQValue: Double
  /// The motif with the smallest q, its best match's accession and name.
  public var bestMotif: String
  /// The best match's accession (`-` without motifs).
  public var bestMatchIdentifier: String
  /// The best match's name (`-` without motifs).
  public var bestMatchName: String
  /// The motifs found (for logos), largest first per sign.
  public var motifs: [Motif]

  /// One discovered motif as kept for reports.
  public struct Motif: Hashable, Sendable, Codable {
    /// The motif's name, for example `positive-1`.
    public var identifier: String
    /// The number of seqlets.
    public var seqletCount: Int
    /// `[w][4]` mean signed contributions.
    public var contributions: [[Double]]
    /// The best match's accession and name (`-` when none).
    public var matchIdentifier: String
    /// The best match's name.
    public var matchName: String
    /// The best match's q-value (1 when none).
    public var qValue: Double
  }

  /// The extra TSV columns written after ``ResultRow/columns``.
  public static let columns = ["best_motif", "match_id", "match_name", "match_q"]

  /// The extra fields, in ``columns`` order.
  public var fields: [String] {
    [bestMotif, bestMatchIdentifier, bestMatchName, ResultRow.number(bestQValue)]
  }
}
