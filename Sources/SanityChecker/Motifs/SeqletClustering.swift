/// Motifs from seqlets: greedy clustering of their contribution windows, aligned by
/// cross-correlation on both strands.
///
/// Each seqlet gives a window `c` `[W, 4]` of contributions (``PositionScores``) centred on it
/// (zero outside the sequence). Seqlets are visited strongest first (largest |summed score|, ties
/// by item then start), at most ``maximumSeqlets`` per sign. Each is compared with every
/// cluster's running sum `T` at every shift `d ∈ [−S, S]` on both strands (the reverse
/// complement reverses positions and swaps A↔T, C↔G):
/// ```
/// sim(c, T) = max_{d, strand} Σ_p Σ_b c'_p,b · T_{p+d},b / (‖c‖ · ‖T‖)
/// ```
/// and joins the most similar cluster when `sim ≥` ``similarityThreshold`` (added at that shift
/// and strand), else starts a new one while fewer than ``maximumClusters`` exist (else it is left
/// out). Positive and negative seqlets are clustered apart. A cluster becomes a
/// ``DiscoveredMotif`` when it holds at least ``minimumSeqlets``: positions covered by at least
/// half its members are kept, then trimmed to the span from the first to the last position whose
/// mean |contribution| summed over bases reaches ``trimFraction`` of the largest.
///
/// Defaults and deviations: a single greedy pass (no re-assignment or merging of clusters, unlike
/// TF-MoDISco's Leiden clustering, Shrikumar et al. 2018, arXiv:1811.00416); the order of visits
/// fixes the result, so it is deterministic. Cost: `O(n · k · S · W)` for n seqlets and k clusters.
public struct SeqletClustering: Sendable {
  /// The window width W.
  public var windowWidth: Int
  /// The largest shift S tried when aligning.
  public var maximumShift: Int
  /// The similarity a seqlet needs to join a cluster.
  public var similarityThreshold: Double
  /// The strongest seqlets clustered per sign.
  public var maximumSeqlets: Int
  /// The most clusters per sign.
  public var maximumClusters: Int
  /// The smallest cluster reported as a motif.
  public var minimumSeqlets: Int
  /// The share of the largest position importance kept by trimming.
  public var trimFraction: Double

  /// Creates the clustering.
  /// - Parameters:
  ///   - windowWidth: 30 by default.
  ///   - maximumShift: 10 by default.
  ///   - similarityThreshold: 0.5 by default.
  ///   - maximumSeqlets: 2000 by default.
  ///   - maximumClusters: 30 by default.
  ///   - minimumSeqlets: 5 by default.
  ///   - trimFraction: 0.3 by default.
  public init(
    windowWidth: Int = 30, maximumShift: Int = 10, similarityThreshold: Double = 0.5,
    maximumSeqlets: Int = 2000, maximumClusters: Int = 30, minimumSeqlets: Int = 5,
    trimFraction: Double = 0.3
  ) {
    self.windowWidth = max(1, windowWidth)
    self.maximumShift = max(0, min(maximumShift, windowWidth - 1))
    self.similarityThreshold = similarityThreshold
    self.maximumSeqlets = max(1, maximumSeqlets)
    self.maximumClusters = max(1, maximumClusters)
    self.minimumSeqlets = max(1, minimumSeqlets)
    self.trimFraction = trimFraction
  }

  /// The motifs of both signs, positive first, each sign by decreasing cluster size.
  /// - Parameters:
  ///   - seqlets: The seqlets.
  ///   - scores: The per-position scores they were called on.
  ///   - input: The one-hot inputs `[N, L, 4]`.
  /// - Returns: The motifs.
  public func motifs(seqlets: [Seqlet], scores: [[Float]], input: Tensor) -> [DiscoveredMotif] {
    Seqlet.Sign.allCases.flatMap { sign in
      let chosen = seqlets.filter { $0.sign == sign }
        .sorted {
          (-abs($0.attribution), $0.item, $0.start) < (-abs($1.attribution), $1.item, $1.start)
        }
        .prefix(maximumSeqlets)
      return cluster(Array(chosen), scores: scores, input: input)
        .filter { $0.members >= minimumSeqlets }
        .sorted { $0.members > $1.members }
        .enumerated().compactMap { rank, cluster in
          var motif = cluster.motif(
            identifier: "\(sign.rawValue)-\(rank + 1)", sign: sign, trimFraction: trimFraction)
          motif?.seqlets = cluster.seqlets
          return motif
        }
    }
  }

  /// The greedy pass over seqlets of one sign.
  func cluster(_ seqlets: [Seqlet], scores: [[Float]], input: Tensor) -> [SeqletCluster] {
    var clusters: [SeqletCluster] = []
    let length = input.shape[1]
    input.withUnsafeBufferPointer { onehot in
      for seqlet in seqlets {
        let window = SeqletWindow(
          seqlet, width: windowWidth, scores: scores[seqlet.item], onehot: onehot, length: length)
        guard window.norm > 0 else { continue }
        var best: (index: Int, shift: Int, reverse: Bool, similarity: Double)?
        for (index, cluster) in clusters.enumerated() {
          let match = cluster.bestAlignment(of: window, maximumShift: maximumShift)
          if match.similarity > (best?.similarity ?? -.infinity) {
            best = (index, match.shift, match.reverse, match.similarity)
          }
        }
        if let best, best.similarity >= similarityThreshold {
          clusters[best.index].add(window, shift: best.shift, reverse: best.reverse)
          clusters[best.index].seqlets.append(seqlet)
        } else if clusters.count < maximumClusters {
          var cluster = SeqletCluster(width: windowWidth)
          cluster.add(window, shift: 0, reverse: false)
          cluster.seqlets.append(seqlet)
          clusters.append(cluster)
        }
      }
    }
    return clusters
  }
}
