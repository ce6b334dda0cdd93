/// Tomtom: p-values for the similarity of a query motif to every motif of a database
/// (Gupta et al., 2007, "Quantifying similarity between motifs", doi:10.1186/gb-2007-8-2-r24),
/// computed as memesuite-lite's `tomtom` does (Schreiber, github.com/jmschrei/memesuite-lite,
/// PyPI `memelite` 0.5.0).
///
/// ```
/// s_i,j   = similarity(query column i, database column j)   over every column of every target, both strands
/// m_i     = median_j s_i,j                                    (1000-bin approximation, as memesuite-lite)
/// a       = ⌊min_i,j (s_i,j − m_i)⌋,  λ = ⌊B / max(max_i,j (s_i,j − m_i) − a, 1)⌋,  o = −a·λ
/// x_i,j   = ⌊(s_i,j − m_i − a)·λ + ½⌋ ∈ [0, B]                f_i = histogram of x_i,· (the column's null)
/// score   = max over alignments of Σ_aligned (x − o)             (an unaligned column scores its median, 0)
/// p       = P(max over the same alignments of independent column draws ≥ score)
/// ```
/// The null of a span of query columns is the convolution of their histograms; the null of a
/// target of length t is the maximum over its alignments (each span's distribution combined by
/// `P(max ≤ k) = Π P(span ≤ k)`, as a recursion on probability mass): every span of t
/// columns inside the query when t < nq, the full query t − nq + 1 times when t ≥ nq, and the
/// overhangs at either end. Only alignments of at least ``Configuration/minimumOverlap`` columns
/// (capped at the shorter motif's width) count, in the score and in its null. Strands are
/// combined as `p = 1 − (1 − min(p₊, p₋))²`, and q-values are Benjamini–Hochberg over the
/// database, for each query (``BenjaminiHochberg``).
///
/// Defaults and deviations: Pearson columns (Tomtom's default; memesuite-lite has only the
/// negative Euclidean score, available as ``ColumnSimilarity/negativeEuclidean``); B = 100 score
/// bins and the complete score, as both. memesuite-lite merges similar target columns by
/// default (`n_target_bins=100`); here every column is kept, which is its `n_target_bins=None`.
/// With a minimum overlap of 1 and the Euclidean score the p-values equal memesuite-lite's to
/// rounding (tested to 1e-6 relative on fixtures it generated). When both strands score the
/// same, the forward one is reported.
///
/// Properties: p ∈ [0, 1]; a motif against itself gets the smallest p of a database holding it
/// when its columns are informative; permuting the database's order permutes the results only.
/// Cost: `O(nq · C)` scores for C database columns, `O(nq² · n · B)` for the span nulls with
/// `n = nq · (B + o)`, and `O(nq · t)` per target; memory `O(C · nq + T · n)` for T distinct
/// target lengths.
public struct TomtomMatcher: Sendable {
  /// The matcher's settings.
  public struct Configuration: Hashable, Sendable {
    /// The column similarity.
    public var similarity: ColumnSimilarity
    /// The fewest aligned columns an alignment needs (capped at the shorter motif's width).
    public var minimumOverlap: Int
    /// Whether the targets' reverse complements are matched too.
    public var bothStrands: Bool
    /// The number of score bins B.
    public var scoreBins: Int
    /// The bins of the approximate median.
    public var medianBins: Int

    /// Creates settings.
    /// - Parameters:
    ///   - similarity: Pearson by default.
    ///   - minimumOverlap: 5 by default (Tomtom's command line uses 1).
    ///   - bothStrands: `true` by default.
    ///   - scoreBins: 100 by default.
    ///   - medianBins: 1000 by default.
    public init(
      similarity: ColumnSimilarity = .pearson, minimumOverlap: Int = 5, bothStrands: Bool = true,
      scoreBins: Int = 100, medianBins: Int = 1000
    ) {
      self.similarity = similarity
      self.minimumOverlap = max(1, minimumOverlap)
      self.bothStrands = bothStrands
      self.scoreBins = max(2, scoreBins)
      self.medianBins = max(2, medianBins)
    }
  }

  /// The database motifs.
  public let database: [MEMEMotif]
  /// The settings.
  public let configuration: Configuration
  /// Every database column, forward targets first, then their reverse complements.
  let columns: [[Double]]
  /// Per matched target (forward, then reverse): its first column and width.
  let targets: [(first: Int, width: Int)]

  /// Creates a matcher for a database.
  /// - Parameters:
  ///   - database: The motifs (e.g. a JASPAR MEME file read by ``MEMEMotif/read(_:)``).
  ///   - configuration: The settings.
  ///   - file: The database's name in error messages.
  /// - Throws: ``MotifDiscoveryError/emptyDatabase(file:)`` when there is no motif with a column.
  public init(
    database: [MEMEMotif], configuration: Configuration = Configuration(), file: String = "database"
  )
    throws(MotifDiscoveryError)
  {
    guard database.contains(where: { $0.width > 0 }) else { throw .emptyDatabase(file: file) }
    self.database = database
    self.configuration = configuration
    var columns: [[Double]] = []
    var targets: [(first: Int, width: Int)] = []
    for motif in database {
      targets.append((columns.count, motif.width))
      columns += motif.probabilities
    }
    if configuration.bothStrands {
      for motif in database {
        targets.append((columns.count, motif.width))
        columns += motif.probabilities.reversed().map { Array($0.reversed()) }
      }
    }
    self.columns = columns
    self.targets = targets
  }

  /// The best alignment of a query with every database motif, best first (by p, then the
  /// database's order).
  /// - Parameters:
  ///   - query: `[w][4]` probabilities (A, C, G, T).
  ///   - name: The query's name, for the error (`query` by default).
  /// - Returns: One match per database motif with its q-value.
  /// - Throws: ``MotifDiscoveryError/uninformativeMotif(motif:)`` for a query without columns.
  public func matches(for query: [[Double]], named name: String = "query")
    throws(MotifDiscoveryError) -> [MotifMatch]
  {
    guard !query.isEmpty, query.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isFinite) }) else {
      throw .uninformativeMotif(motif: name)
    }
    let binned = TomtomScores(query: query, columns: columns, configuration: configuration)
    let null = TomtomNull(
      histograms: binned.histograms, offset: binned.offset, scoreBins: configuration.scoreBins,
      lengths: Set(targets.map(\.width)), minimumOverlap: configuration.minimumOverlap)
    let forwardCount = database.count
    var results: [MotifMatch] = []
    for (index, motif) in database.enumerated() {
      let forward = best(binned, null: null, target: targets[index])
      var (pValue, chosen, strand) = (forward.pValue, forward, Character("+"))
      if configuration.bothStrands {
        let reverse = best(binned, null: null, target: targets[forwardCount + index])
        let smallest = min(forward.pValue, reverse.pValue)
        pValue = smallest * (2 - smallest)
        if reverse.score > forward.score { (chosen, strand) = (reverse, "-") }
      }
      results.append(
        MotifMatch(
          targetIdentifier: motif.identifier, targetName: motif.name, pValue: pValue, qValue: 1,
          offset: chosen.offset, strand: strand, overlap: chosen.overlap))
    }
    let qValues = BenjaminiHochberg.qValues(results.map(\.pValue))
    for index in results.indices { results[index].qValue = qValues[index] }
    return results.enumerated().sorted {
      ($0.element.pValue, $0.offset) < ($1.element.pValue, $1.offset)
    }.map(\.element)
  }

  /// The best alignment of the query with one target (one strand) and its p-value.
  func best(_ binned: TomtomScores, null: TomtomNull, target: (first: Int, width: Int))
    -> (score: Int, pValue: Double, offset: Int, overlap: Int)
  {
    let queryWidth = binned.queryWidth
    let width = target.width
    guard width > 0 else { return (0, 1, 0, 0) }
    let needed = min(configuration.minimumOverlap, width, queryWidth)
    var sums = [Int](repeating: queryWidth * binned.offset, count: width + queryWidth - 1)
    binned.gamma.withUnsafeBufferPointer { gamma in
      for column in 0..<width {
        let row = (target.first + column) * queryWidth
        for queryColumn in 0..<queryWidth {
          sums[column + queryWidth - 1 - queryColumn] += gamma[row + queryColumn]
        }
      }
    }
    var best: (score: Int, alignment: Int, overlap: Int)?
    for alignment in sums.indices {
      let overlap = min(alignment + 1, queryWidth) - max(0, alignment - width + 1)
      guard overlap >= needed else { continue }
      if sums[alignment] > (best?.score ?? Int.min) { best = (sums[alignment], alignment, overlap) }
    }
    guard let best else { return (0, 1, 0, 0) }
    let pValue = best.score > 0 ? null.survival(length: width, score: best.score) : 1
    return (best.score, pValue, best.alignment - queryWidth + 1, best.overlap)
  }
}
