/// Seqlets, motifs and their database matches from one set of attribution maps.
///
/// ```
/// maps [N, L, 4] → scores (PositionScores) → seqlets (RecursiveSeqletCaller)
///      → motifs (SeqletClustering) → matches of each frequency matrix (TomtomMatcher)
/// ```
/// The steps are deterministic (no random draws), so the result depends only on the maps.
public struct MotifDiscovery: Sendable {
  /// Everything one run found.
  public struct Result: Sendable {
    /// The seqlets of both signs.
    public var seqlets: [Seqlet]
    /// The motifs, positive first, each sign by decreasing size.
    public var motifs: [DiscoveredMotif]
    /// Each motif's matches, best first (empty without a matcher).
    public var matches: [[MotifMatch]]

    /// The motifs with their matches, for ``MotifMatchTable``.
    public var table: [(motif: DiscoveredMotif, matches: [MotifMatch])] {
      Array(zip(motifs, matches)).map { (motif: $0.0, matches: $0.1) }
    }
  }

  /// The seqlet caller.
  public var caller: RecursiveSeqletCaller
  /// The clustering.
  public var clustering: SeqletClustering
  /// The matcher, or `nil` to skip matching.
  public var matcher: TomtomMatcher?

  /// Creates the pipeline.
  /// - Parameters:
  ///   - caller: The seqlet caller.
  ///   - clustering: The clustering.
  ///   - matcher: The matcher (`nil`: no matching).
  public init(
    caller: RecursiveSeqletCaller, clustering: SeqletClustering = SeqletClustering(),
    matcher: TomtomMatcher?
  ) {
    self.caller = caller
    self.clustering = clustering
    self.matcher = matcher
  }

  /// Runs every step on one set of maps.
  /// - Parameters:
  ///   - maps: `[N, L, 4]` (or `[N, L]`) attribution maps.
  ///   - input: The one-hot inputs `[N, L, 4]`.
  /// - Returns: Seqlets, motifs and matches.
  /// - Throws: ``MotifDiscoveryError`` when the maps do not fit the inputs.
  public func run(maps: Tensor, input: Tensor) throws(MotifDiscoveryError) -> Result {
    try run(scores: try PositionScores.scores(maps, input: input), input: input)
  }

  /// Runs every step after ``PositionScores``: seqlets, motifs and matches from per-position
  /// scores (what a sharded run keeps per item, since seqlet backgrounds and clusters need every
  /// item at once).
  /// - Parameters:
  ///   - scores: Per item, one score per position.
  ///   - input: The one-hot inputs `[N, L, 4]`.
  /// - Returns: Seqlets, motifs and matches.
  /// - Throws: ``MotifDiscoveryError`` when the scores do not fit the inputs.
  public func run(scores: [[Float]], input: Tensor) throws(MotifDiscoveryError) -> Result {
    let shape = input.shape
    guard shape.rank == 3, shape[2] == 4 else {
      throw .mapShape(expected: "[N, L, 4] one-hot DNA input", actual: shape.description)
    }
    guard scores.count == shape[0], scores.allSatisfy({ $0.count == shape[1] }) else {
      throw .mapShape(
        expected: "\(shape[0]) rows of \(shape[1]) scores",
        actual: "\(scores.count) rows of \(scores.map(\.count).max() ?? 0) or fewer")
    }
    let seqlets = caller.seqlets(scores)
    let motifs = clustering.motifs(seqlets: seqlets, scores: scores, input: input)
    var matches: [[MotifMatch]] = []
    for motif in motifs {
      matches.append(try matcher?.matches(for: motif.frequencies, named: motif.identifier) ?? [])
    }
    return Result(seqlets: seqlets, motifs: motifs, matches: matches)
  }
}
