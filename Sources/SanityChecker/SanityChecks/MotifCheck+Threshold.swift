extension MotifCheck {
  /// The survival threshold of one method, placed between what the random control keeps of the
  /// method's trained-model support (the floor) and all of that support (the ceiling).
  ///
  /// ```
  /// f_j = Σ_{m ∈ S_0} min(r_j(m), n_0(m)) / Σ_{m ∈ S_0} n_0(m)   the random control's share on model j
  /// f   = mean_j f_j                                     the floor
  /// t   = f + s · (1 − f)                                the threshold (s = survival share)
  /// ```
  /// `S_0` and `n_0(m)` are the method's significant matches on the trained model and their
  /// seqlets; `r_j(m)` is the seqlets of the random control's motifs that match `m` (q < α) on
  /// model `j`. The draws `j` are every randomization stage of every seed and the label-permuted
  /// model: the models the verdict reads. The random control's noise is drawn afresh from each
  /// model's outputs, so the draws are independent samples of what an explainer that sees nothing
  /// finds of the method's motifs in these sequences.
  ///
  /// A retained share is normalized as ``SimilarityScale`` normalizes similarities: `(r − f) /
  /// (1 − f)` is 0 for noise and 1 for the trained model's own motifs (a deterministic method
  /// keeps all of its support when nothing changes), and the method fails when that reaches `s`,
  /// which is `r ≥ t`. With no random control the floor is 0 and `t = s`.
  ///
  /// **Properties.** `f ≤ t ≤ 1`; `t = s` when noise finds none of the method's motifs; when
  /// the floor itself reaches `s` (``isInputDriven``), noise finds most of the support, so the
  /// motifs come from the sequences rather than from the model, and the method is flagged
  /// whatever its own share (docs/findings.md §6.7).
  public struct Threshold: Hashable, Sendable {
    /// The random control's shares `f_j` of the method's support, one per model (`nil`: the
    /// check had no random control).
    public var draws: [Double]?
    /// The survival share `s`, on the normalized scale.
    public var survivalShare: Double

    /// Creates a threshold.
    /// - Parameters:
    ///   - draws: The random control's shares, or `nil` without a random control.
    ///   - survivalShare: `s`.
    public init(draws: [Double]?, survivalShare: Double) {
      self.draws = draws
      self.survivalShare = survivalShare
    }

    /// The floor `f`: the mean of the draws (0 without a random control or draws).
    public var floor: Double {
      guard let draws, !draws.isEmpty else { return 0 }
      return draws.reduce(0, +) / Double(draws.count)
    }

    /// The threshold `t = f + s · (1 − f)`.
    public var value: Double { floor + survivalShare * (1 - floor) }

    /// Whether the random control alone keeps at least `s` of the support (`f ≥ s`).
    public var isInputDriven: Bool { floor >= survivalShare }

    /// The threshold and where it came from, in words.
    public var words: String {
      let (f, s) = (ResultRow.number(floor), ResultRow.number(survivalShare))
      let equation = "threshold \(ResultRow.number(value)) = \(f) + \(s) × (1 − \(f))"
      guard let draws else {
        return "\(equation); no random control, so the floor is taken as 0"
      }
      guard let largest = draws.max() else {
        return "\(equation); the random control had no randomized model, so the floor is 0"
      }
      return
        "\(equation), the floor being the random control's mean share of this support over "
        + "\(draws.count) randomized models (largest \(ResultRow.number(largest)))"
    }
  }

  /// The share of `reference`'s seqlet support that `support` still has:
  /// `Σ_m min(n(m), n_0(m)) / Σ_m n_0(m)` over the accessions of `reference` (NaN when it is
  /// empty).
  ///
  /// Every seqlet of the trained model's support weighs the same, so an accession matched by a
  /// few seqlets on the trained model weighs little: read per accession (the mean of
  /// `min(1, n(m) / n_0(m))`), an accession of 11 trained seqlets beside one of 197 decided half
  /// of the share on the shipped example (docs/findings.md §6.7).
  /// - Parameters:
  ///   - support: Seqlets per accession here (``support(_:)``).
  ///   - reference: Seqlets per accession on the trained model.
  /// - Returns: The share in [0, 1], or NaN.
  func share(_ support: [String: Int], of reference: [String: Int]) -> Double {
    let total = reference.values.reduce(0, +)
    guard total > 0 else { return .nan }
    let kept = reference.keys.sorted().map { min(support[$0] ?? 0, reference[$0] ?? 0) }
    return Double(kept.reduce(0, +)) / Double(total)
  }
}
