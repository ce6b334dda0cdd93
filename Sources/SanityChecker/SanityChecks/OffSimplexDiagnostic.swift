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
    try model.validate(input: input)
    guard input.shape.rank == 3, input.shape[2] == 4 else {
      throw ModelError.shapeMismatch(
        layer: "input", expected: "one-hot DNA [N, L, 4]", actual: input.shape)
    }
    if let targets { try model.validate(input: input, targets: targets) }
    let fixedTargets = targets ?? model.predictedTargets(input)
    var rows: [ResultRow] = []
    var applicable: [any Explainer] = []
    var skipped: [String] = []
    for explainer in explainers where !(explainer is ControlExplainer) {
      let attribution = try explainer.attribution(for: input, targets: fixedTargets, in: model)
      let maps = attribution.values
      guard maps.shape == input.shape else {
        skipped.append("\(attribution.method) (maps are not [L, 4])")
        continue
      }
      guard !Self.isInputMultiplied(maps, input: input) else {
        skipped.append("\(attribution.method) (maps are multiplied by the one-hot input)")
        continue
      }
      applicable.append(explainer)
      let angles = (0..<input.batchSize).map { item in
        SimplexCorrected.angles(maps.items(item..<(item + 1))).filter(\.isFinite)
      }
      let row = { (layer: ResultStage, metric: String, values: [Double?]) in
        ResultRow(
          check: .offSimplex, order: nil, method: attribution.method, layer: layer,
          seed: .notApplicable, metric: metric, view: AttributionView.full.rawValue, values: values)
      }
      rows.append(
        row(
          .original, "angle-mean",
          angles.map { $0.isEmpty ? nil : $0.reduce(0, +) / Double($0.count) }))
      rows.append(row(.original, "angle-max", angles.map { $0.max() }))
      let corrected = SimplexCorrected.corrected(maps)
      for metric in metrics {
        let scores = try MapComparison.scores(
          maps, corrected, input: input, metric: metric, view: .full)
        rows.append(row(.gradientCorrected, metric.name, scores))
      }
    }
    var verdicts: [Verdict] = []
    var settings = [
      "check": CheckKind.offSimplex.rawValue, "model": model.name,
      "metrics": metrics.map(\.name).joined(separator: ","),
      "not-applicable": skipped.isEmpty ? "none" : skipped.joined(separator: ", "),
    ]
    if let configuration = modelRandomization, !applicable.isEmpty {
      let check = ModelRandomizationCheck(configuration)
      let plain = try check.run(
        model: model, input: input, targets: fixedTargets, explainers: applicable)
      var corrected = try check.run(
        model: model, input: input, targets: fixedTargets,
        explainers: applicable.map { SimplexCorrected(base: $0) })
      corrected.rows = corrected.rows.filter { $0.control == nil }
      corrected.verdicts = corrected.verdicts.filter { $0.control == nil }
      for index in corrected.rows.indices { corrected.rows[index].method += Self.correctedSuffix }
      for index in corrected.verdicts.indices {
        corrected.verdicts[index].method += Self.correctedSuffix
      }
      rows += plain.rows + corrected.rows
      verdicts = plain.verdicts + corrected.verdicts
      settings["effect-on-model-randomization"] = plain.verdicts.filter { $0.control == nil }.map {
        verdict in
        let after = corrected.verdicts.first { $0.method == verdict.method + Self.correctedSuffix }
        return "\(verdict.method): \(verdict.outcome.rawValue) → \(after?.outcome.rawValue ?? "-")"
      }.joined(separator: "; ")
    }
    return CheckReport(rows: rows, verdicts: verdicts, settings: settings)
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
