/// DeepSHAP: DeepLIFT (rescale rule) averaged over dinucleotide-shuffled references.
///
/// ```
/// A(x) = (1/R) Σ_r (x − x'_r) ⊙ m_r,   x'_r = dinucleotide shuffle r of x
/// ```
/// Lundberg & Lee 2017, arXiv:1705.07874 (DeepSHAP as DeepLIFT over a background sample), with
/// the per-sequence shuffled references of the DeepLIFT genomics examples (Shrikumar et al.
/// 2017, arXiv:1704.02685). It is ``DeepLIFT`` with
/// ``IntegratedGradients/Baseline/shuffled(count:seed:)``; every rule, default and deviation
/// of ``DeepLIFT`` applies.
///
/// Defaults: 10 references, seed 0. Each copy of each item is shuffled from its own stream
/// `(seed, item, copy)`, so maps depend neither on batching nor on the thread count.
///
/// Properties:
/// - Summation-to-delta on average: ``Attribution/conservationGap`` is
///   `Σ A − (f_t(x) − mean_r f_t(x'_r))`, 0 up to rounding where DeepLIFT conserves the delta.
/// - The references keep each sequence's dinucleotide counts, so a motif-free signal of
///   composition contributes nothing on average.
public struct DeepSHAP: SeededExplainer {
  /// `deepshap`.
  public static let identifier = "deepshap"

  /// The number of shuffled references per sequence.
  public var referenceCount: Int
  /// The seed of the shuffles.
  public var seed: UInt64
  /// The max-pooling rule (see ``DeepLIFT/MaxPoolingRule``).
  public var maxPooling: DeepLIFT.MaxPoolingRule
  /// The explained output.
  public var output: ExplainedOutput
  /// The data-set index of the first item (see ``SeededExplainer``); it seeds shuffled references.
  public var firstItem = 0

  /// Creates the explainer.
  /// - Parameters:
  ///   - referenceCount: Shuffled references per sequence (10 by default), at least 1.
  ///   - seed: The seed of the shuffles.
  ///   - maxPooling: The max-pooling rule (difference routing by default).
  ///   - output: The explained output (the logit by default).
  public init(
    referenceCount: Int = 10, seed: UInt64 = 0,
    maxPooling: DeepLIFT.MaxPoolingRule = .differenceRouting, output: ExplainedOutput = .logit
  ) {
    precondition(referenceCount >= 1, "DeepSHAP: referenceCount must be ≥ 1, got \(referenceCount)")
    self.referenceCount = referenceCount
    self.seed = seed
    self.maxPooling = maxPooling
    self.output = output
  }

  /// The DeepLIFT explainer this configuration runs.
  public var deepLIFT: DeepLIFT {
    var explainer = DeepLIFT(
      baseline: .shuffled(count: referenceCount, seed: seed), maxPooling: maxPooling, output: output
    )
    explainer.firstItem = firstItem
    return explainer
  }

  /// The DeepSHAP maps with the mean summation-to-delta gap per item.
  /// - Parameters:
  ///   - input: One-hot DNA `[N, L, 4]`.
  ///   - targets: The output unit to explain for each of the N items.
  ///   - model: The model.
  /// - Returns: Maps `[N, L, 4]`, with ``Attribution/conservationGap``.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the model's input is
  ///   not `[L, 4]`.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    var result = try deepLIFT.attribution(for: input, targets: targets, in: model)
    result.method = Self.identifier
    return result
  }

  /// The DeepSHAP maps of every selected unit, each reference traced once per chunk
  /// (``DeepLIFT/attributions(for:selection:in:)``).
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try deepLIFT.attributions(for: input, selection: selection, in: model).map {
      var attribution = $0
      attribution.method = Self.identifier
      return attribution
    }
  }

  /// The hypothetical contributions averaged over the shuffled references, `[N, L, 4]`.
  ///
  /// See ``DeepLIFT/hypotheticalContributions(for:targets:in:)``.
  /// - Parameters:
  ///   - input: One-hot DNA `[N, L, 4]`.
  ///   - targets: The output unit to explain for each of the N items.
  ///   - model: The model.
  /// - Returns: `[N, L, 4]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` when the model's input is
  ///   not `[L, 4]`.
  public func hypotheticalContributions(for input: Tensor, targets: [Int], in model: Model) throws
    -> Tensor
  {
    try deepLIFT.hypotheticalContributions(for: input, targets: targets, in: model)
  }
}
