/// A motif built from a cluster of aligned seqlets.
///
/// ```
/// frequencies[p][b]   = n_p,b / Σ_b' n_p,b'                  (position frequency matrix)
/// contributions[p][b] = (1 / m_p) Σ_members c_p,b              (mean contribution, signed)
/// weighted[p][b]      = Σ_members |c_p,b| / Σ_b' Σ_members |c_p,b'|   (contribution-weighted frequencies)
/// ```
/// with `n_p,b` the members' base counts and `m_p` the members covering aligned position `p`.
/// The contribution-weighted matrix is a probability matrix (each member's bases weighted by
/// the magnitude of their contribution), so both matrices fit MEME's letter-probability format;
/// the signed mean contributions are kept for logos.
public struct DiscoveredMotif: Hashable, Sendable {
  /// The name: the sign and the rank by size within it, for example `positive-1`.
  public var identifier: String
  /// The sign of the seqlets it was built from.
  public var sign: Seqlet.Sign
  /// The number of seqlets in the cluster.
  public var seqletCount: Int
  /// `[w][4]` base frequencies (A, C, G, T).
  public var frequencies: [[Double]]
  /// `[w][4]` mean signed contributions.
  public var contributions: [[Double]]
  /// `[w][4]` contribution-weighted frequencies.
  public var weightedFrequencies: [[Double]]
  /// The cluster's seqlets, in the order they joined (empty for motifs made otherwise).
  public var seqlets: [Seqlet] = []

  /// Creates a motif.
  /// - Parameters:
  ///   - identifier: The name.
  ///   - sign: The sign.
  ///   - seqletCount: The cluster's size.
  ///   - frequencies: The position frequency matrix.
  ///   - contributions: The mean contributions.
  ///   - weightedFrequencies: The contribution-weighted frequencies.
  public init(
    identifier: String, sign: Seqlet.Sign, seqletCount: Int, frequencies: [[Double]],
    contributions: [[Double]], weightedFrequencies: [[Double]]
  ) {
    self.identifier = identifier
    self.sign = sign
    self.seqletCount = seqletCount
    self.frequencies = frequencies
    self.contributions = contributions
    self.weightedFrequencies = weightedFrequencies
  }

  /// The motif's width.
  public var width: Int { frequencies.count }

  /// The position frequency matrix as a MEME motif (`MOTIF positive-1 positive-1.pfm`).
  public var frequencyMotif: MEMEMotif {
    MEMEMotif(
      identifier: identifier, name: identifier + ".pfm", probabilities: frequencies,
      sites: seqletCount)
  }

  /// The contribution-weighted matrix as a MEME motif (`MOTIF positive-1.cwm positive-1.cwm`).
  public var weightedMotif: MEMEMotif {
    MEMEMotif(
      identifier: identifier + ".cwm", name: identifier + ".cwm",
      probabilities: weightedFrequencies,
      sites: seqletCount)
  }

  /// Both matrices of every motif in MEME minimal format, each motif's frequency matrix followed
  /// by its contribution-weighted matrix.
  /// - Parameter motifs: The motifs.
  /// - Returns: The file's text.
  public static func meme(_ motifs: [DiscoveredMotif]) -> String {
    MEMEMotif.format(motifs.flatMap { [$0.frequencyMotif, $0.weightedMotif] })
  }
}
