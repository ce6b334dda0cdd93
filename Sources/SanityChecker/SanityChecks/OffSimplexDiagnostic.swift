/// The off-simplex gradient diagnostic (DNA): how far each method's gradients leave the one-hot
/// simplex, and how much the correction of ``SimplexCorrected`` changes its maps and its
/// model-randomization verdict.
///
/// Rows (check `off-simplex`, seed `-`, view `full`):
/// ```
/// layer original             angle-mean   per item: mean over positions of θ_l in degrees
/// layer original             angle-max    per item: the largest θ_l
/// layer gradient-corrected   <metric>     per item: metric(map, corrected map)
/// ```
/// With a model-randomization configuration the check also runs on the applicable methods with
/// and without the correction; its rows and verdicts are added, the corrected ones under the
/// method's name followed by ``correctedSuffix``, and the setting `effect-on-model-randomization`
/// lists each method's outcome before and after. Majdandzic et al. 2023
/// (doi:10.1186/s13059-023-02956-3) report that large angles are common and that the correction
/// improves attribution maps of models trained on one-hot DNA.
///
/// Methods whose maps are not `[L, 4]` (Grad-CAM), or are zero at every unobserved base (maps
/// already multiplied by the one-hot input, whose gradient mean cannot be recovered), are not
/// applicable and listed in the setting `not-applicable`. The diagnostic gives no verdict of its
/// own: no threshold on the angle is established.
public struct OffSimplexDiagnostic: Sendable {
  /// The metrics comparing corrected and uncorrected maps.
  public var metrics: [any SimilarityMetric]
  /// Model randomization to run with and without the correction, or `nil`.
  public var modelRandomization: ModelRandomizationCheck.Configuration?

  /// The suffix of a corrected method's name in the added model-randomization results.
  public static let correctedSuffix = " (simplex-corrected)"

  /// Creates the diagnostic.
  /// - Parameters:
  ///   - metrics: The comparison metrics (Spearman by default).
  ///   - modelRandomization: The check to run both ways, or `nil` (default).
  public init(
    metrics: [any SimilarityMetric] = [SpearmanRankCorrelation()],
    modelRandomization: ModelRandomizationCheck.Configuration? = nil
  ) {
    self.metrics = metrics
    self.modelRandomization = modelRandomization
  }

  /// Runs the diagnostic.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: One-hot inputs `[N, L, 4]`.
  ///   - targets: The explained unit per item (`nil`: the predicted unit).
  ///   - explainers: The methods (controls are skipped).
  /// - Returns: Rows, the model-randomization verdicts both ways when configured, and settings.
  /// - Throws: ``ModelError`` for input that is not DNA-shaped or does not fit, or an explainer's
  ///   error.
  public func run(model: Model, input: Tensor, targets: [Int]? = nil, explainers: [any Explainer])
    throws -> CheckReport
  {
    let fixedTargets = try Self.validated(model: model, input: input, targets: targets)
    let candidates = explainers.filter { !($0 is ControlExplainer) }
    let values = try self.values(
      model: model, input: input, targets: fixedTargets, explainers: candidates)
    var report = self.report(values, model: model)
    let applicable = zip(candidates, values).filter { $1.isApplicable }.map(\.0)
    if let configuration = modelRandomization, !applicable.isEmpty {
      let check = ModelRandomizationCheck(configuration)
      let plain = try check.run(
        model: model, input: input, targets: fixedTargets, explainers: applicable)
      let corrected = Self.renamedCorrected(
        try check.run(
          model: model, input: input, targets: fixedTargets,
          explainers: applicable.map { SimplexCorrected(base: $0) }))
      report.rows += plain.rows + corrected.rows
      report.verdicts = plain.verdicts + corrected.verdicts
      report.settings[Self.effectSetting] = Self.effect(
        plain: plain.verdicts, corrected: corrected.verdicts)
    }
    return report
  }

  /// The setting that lists each method's model-randomization outcome without and with the
  /// correction.
  public static let effectSetting = "effect-on-model-randomization"

  /// A model-randomization report of corrected methods with the controls left out and every
  /// method named with ``correctedSuffix``.
  /// - Parameter report: The report of the corrected explainers.
  /// - Returns: The renamed rows and verdicts.
  static func renamedCorrected(_ report: CheckReport) -> CheckReport {
    var corrected = report
    corrected.rows = corrected.rows.filter { $0.control == nil }
    corrected.verdicts = corrected.verdicts.filter { $0.control == nil }
    for index in corrected.rows.indices { corrected.rows[index].method += correctedSuffix }
    for index in corrected.verdicts.indices {
      corrected.verdicts[index].method += correctedSuffix
    }
    return corrected
  }

  /// Each method's outcome before → after the correction, `; `-separated.
  /// - Parameters:
  ///   - plain: The verdicts without the correction.
  ///   - corrected: The verdicts with it (named with ``correctedSuffix``).
  /// - Returns: `method: before → after` per method that is not a control.
  static func effect(plain: [Verdict], corrected: [Verdict]) -> String {
    plain.filter { $0.control == nil }.map { verdict in
      let after = corrected.first { $0.method == verdict.method + correctedSuffix }
      return "\(verdict.method): \(verdict.outcome.rawValue) → \(after?.outcome.rawValue ?? "-")"
    }.joined(separator: "; ")
  }

  /// Whether every map is exactly 0 wherever the one-hot input is 0.
  static func isInputMultiplied(_ maps: Tensor, input: Tensor) -> Bool {
    maps.withUnsafeBufferPointer { values in
      input.withUnsafeBufferPointer { x in
        !zip(values, x).contains { value, base in base == 0 && value != 0 }
      }
    }
  }
}
