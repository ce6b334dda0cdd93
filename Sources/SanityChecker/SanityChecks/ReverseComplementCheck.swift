/// Reverse-complement consistency (DNA): whether a method explains RC(x) as it explains x.
///
/// ```
/// RC([L, 4])[l, c]  = x[L − 1 − l, 3 − c]      (A, C, G, T: A↔T is 0↔3, C↔G is 1↔2)
/// back(m)           = RC(m) for maps [L, 4];  m[L − 1 − l] for position maps [L] (Grad-CAM)
/// score             = metric(E(x), back(E(RC(x))))           per item, target fixed
/// ```
/// In the channels-last layout RC is the reversal of each item's L·4 values. A strand-symmetric
/// model (DeepBind with `reverse_complement = 1` scores both strands and keeps the larger, so
/// f(RC x) = f(x)) should give maps that agree near 1 for every faithful method; one that breaks
/// it is flagged. Alipanahi et al. 2015 (doi:10.1038/nbt.3300) describe the strand scan;
/// Shrikumar et al. 2017 (bioRxiv 103663, "Reverse-complement parameter sharing") and Zhou et al.
/// 2021 (ICML, arXiv:2103.03208) discuss RC-equivariant models and their attributions.
///
/// **Scale and verdict.** Scores are placed between the random control (floor) and the method's
/// own second draw (ceiling) as in ``SimilarityScale``; here high agreement is the expected one:
/// ```
/// not strand-symmetric (max |f(RC x) − f(x)| > 1e-4 · max |f(x)|): inconclusive, reported only
/// passes   the normalized agreement's 95% interval lies wholly at or above the threshold (0.9)
///          and the method reproduces itself (reproducibility interval wholly ≥ 0.5)
/// fails    the interval lies wholly below the threshold, the method's reproducibility lies
///          wholly below 0.5, or its maps are constant (flagged as breaking the symmetry)
/// otherwise inconclusive
/// ```
/// **Controls.** The random control (the floor) and the constant control run and are judged:
/// noise does not follow the strand and fails; a constant map has no ranking and fails. The input
/// control is left out: RC(x) mapped back is x by construction, so its agreement tells nothing.
public struct ReverseComplementCheck: Sendable {
  /// The metrics (the first, with its magnitude variant, decides).
  public var metrics: [any SimilarityMetric]
  /// The comparison view.
  public var view: AttributionView
  /// The smallest normalized agreement that counts as consistent (0.9 by default).
  public var threshold: Double

  /// Creates the check.
  /// - Parameters:
  ///   - metrics: The metrics.
  ///   - view: The comparison view (`full` by default: a map's unobserved bases are mapped too).
  ///   - threshold: The normalized agreement at or above which a method is consistent.
  public init(
    metrics: [any SimilarityMetric], view: AttributionView = .full, threshold: Double = 0.9
  ) {
    self.metrics = metrics
    self.view = view
    self.threshold = threshold
  }

  /// The reverse complement of every item of a batch `[N, L, 4]`, or the reversal of every item
  /// of a position batch `[N, L]`: each item's values in reverse order.
  /// - Parameter batch: The batch.
  /// - Returns: The batch with each item reversed.
  public static func reverseComplement(_ batch: Tensor) -> Tensor {
    let width = batch.itemCount
    return Tensor(shape: batch.shape) { out in
      batch.withUnsafeBufferPointer { values in
        for item in 0..<batch.batchSize {
          let base = item * width
          for index in 0..<width { out[base + index] = values[base + width - 1 - index] }
        }
      }
    }
  }

  /// The RC-averaged attribution: ½ (E(x) + back(E(RC(x)))), a map that is RC-consistent by
  /// construction.
  /// - Parameters:
  ///   - explainer: The method.
  ///   - model: The model.
  ///   - input: One-hot inputs `[N, L, 4]`.
  ///   - targets: The explained unit per item.
  /// - Returns: The averaged attribution (the method's name and the forward strand's predictions).
  /// - Throws: ``ModelError`` for input that does not fit, or the explainer's error.
  public static func averaged(
    _ explainer: any Explainer, model: Model, input: Tensor, targets: [Int]
  ) throws -> Attribution {
    var forward = try explainer.attribution(for: input, targets: targets, in: model)
    let reverse = try explainer.attribution(
      for: reverseComplement(input), targets: targets, in: model)
    forward.values = forward.values.linearCombination(0.5, reverseComplement(reverse.values), 0.5)
    forward.conservationGap = nil
    return forward
  }

  /// The largest |f(RC x) − f(x)| at the targets, relative to the largest |f(x)|.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: One-hot inputs.
  ///   - targets: The explained unit per item.
  /// - Returns: The relative difference (0 for an exactly strand-symmetric model).
  public static func asymmetry(model: Model, input: Tensor, targets: [Int]) -> Double {
    let outputs = strandOutputs(model: model, input: input, targets: targets)
    return asymmetry(forward: outputs.forward, difference: outputs.difference)
  }

  /// The relative asymmetry of per-item output magnitudes and strand differences: the largest
  /// difference over the largest magnitude (the difference itself when every output is 0).
  static func asymmetry(forward: [Double], difference: [Double]) -> Double {
    let scale = forward.max() ?? 0
    let largest = difference.max() ?? 0
    return scale > 0 ? largest / scale : largest
  }

  /// Per item, |f(x)| and |f(RC x) − f(x)| at the target.
  static func strandOutputs(model: Model, input: Tensor, targets: [Int]) -> (
    forward: [Double], difference: [Double]
  ) {
    let forward = model.values(of: model.forward(input), at: targets)
    let reverse = model.values(of: model.forward(reverseComplement(input)), at: targets)
    return (forward.map { Double(abs($0)) }, zip(forward, reverse).map { Double(abs($0 - $1)) })
  }

  /// The relative asymmetry below which a model counts as strand-symmetric.
  public static let symmetryTolerance = 1e-4

  /// Runs the check.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: One-hot inputs `[N, L, 4]`.
  ///   - targets: The explained unit per item (`nil`: the predicted unit).
  ///   - explainers: The methods; the random control is added when missing, input controls are
  ///     left out.
  /// - Returns: One row per method and metric (stage `reverse-complement`) and verdicts.
  /// - Throws: ``ModelError`` when the input is not DNA-shaped or does not fit the model, or an
  ///   explainer's error.
  public func run(model: Model, input: Tensor, targets: [Int]? = nil, explainers: [any Explainer])
    throws -> CheckReport
  {
    report(
      try scores(model: model, input: input, targets: targets, explainers: explainers),
      model: model)
  }

  /// The verdict of one method from its readings (see the type's rule).
  func verdict(
    _ method: String, evidence: [SimilarityEvidence], isSymmetric: Bool, asymmetry: Double
  )
    -> Verdict
  {
    let outcomes = evidence.map { reading -> Verdict.Outcome in
      guard let scale = reading.scale else { return .inconclusive }
      if !scale.ceiling.isFinite { return .fails }
      let (low, high) = scale.normalizedInterval
      let (rLow, rHigh) = scale.reproducibilityInterval
      guard low.isFinite, high.isFinite, rLow.isFinite, rHigh.isFinite else { return .inconclusive }
      if high < threshold || rHigh < SimilarityScale.minimumReproducibility { return .fails }
      return low >= threshold && rLow >= SimilarityScale.minimumReproducibility
        ? .passes : .inconclusive
    }
    var outcome: Verdict.Outcome =
      outcomes.contains(.fails)
      ? .fails : (outcomes.isEmpty || outcomes.contains(.inconclusive) ? .inconclusive : .passes)
    var words = evidence.map(\.words)
    if !isSymmetric {
      outcome = .inconclusive
      words.append(
        "the model is not strand-symmetric (outputs differ by \(ResultRow.number(asymmetry)) of the largest); "
          + "agreement is reported, not judged")
    }
    let rule =
      "on a strand-symmetric model, passes if the 95% interval of the normalized agreement between the "
      + "map of x and the mapped-back map of its reverse complement lies wholly at or above "
      + "\(ResultRow.number(threshold)) for \(evidence.map(\.rule.metric).joined(separator: " and ")), "
      + "and the method reproduces itself; fails (breaks the symmetry) if any lies wholly below it, if "
      + "the method does not reproduce itself, or if its maps are constant; inconclusive otherwise"
    return Verdict(
      check: .reverseComplement, method: method, outcome: outcome, rule: rule,
      evidence: words.joined(separator: "; "))
  }
}
