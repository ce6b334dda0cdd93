extension RunPart {
  /// The motif check's per-item values of one block: every checked method's per-position scores
  /// on the trained model and on each stage of each seed, and the block's bases.
  ///
  /// Seqlet calling (its background is every position of every item) and clustering need all
  /// items at once, so a block keeps only these per-item values and ``RunSummary`` runs motif
  /// discovery once on the joined scores; merged parts therefore give the unsharded run's motifs.
  struct MotifCheckScores: Codable, Sendable {
    /// Per method, the scores (``MotifCheck/MethodScores``).
    var methods: [MotifCheck.MethodScores]
    /// The block's sequences (`A`, `C`, `G`, `T`, `N`), which the motifs' base counts read.
    var sequences: [String]

    /// Two consecutive blocks' values joined item after item (either may be absent: empty
    /// blocks keep none).
    static func joined(_ a: MotifCheckScores?, _ b: MotifCheckScores?) -> MotifCheckScores? {
      guard let a, let b else { return a ?? b }
      return MotifCheckScores(
        methods: zip(a.methods, b.methods).map { first, second in
          MotifCheck.MethodScores(
            method: first.method, original: first.original + second.original,
            randomized: zip(first.randomized, second.randomized).map { seed in
              zip(seed.0, seed.1).map { $0 + $1 }
            },
            permuted: first.permuted.flatMap { mine in second.permuted.map { mine + $0 } })
        },
        sequences: a.sequences + b.sequences)
    }
  }
}
