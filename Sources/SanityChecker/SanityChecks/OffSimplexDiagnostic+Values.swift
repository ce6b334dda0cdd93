extension OffSimplexDiagnostic {
  /// One method's per-item values, before summarizing: a batch run keeps them per shard and
  /// summarizes the joined values with ``OffSimplexDiagnostic/report(_:model:)``.
  struct MethodValues: Codable, Sendable {
    /// The method's name.
    var method: String
    /// Whether the maps have the input's shape `[L, 4]` (Grad-CAM's do not).
    var hasSequenceMaps: Bool
    /// Per item, whether the map is exactly 0 at every unobserved base.
    var isInputMultiplied: [Bool]
    /// Per item, the mean angle over positions with a gradient, in degrees (`nil`: none).
    var angleMean: [Double?]
    /// Per item, the largest angle.
    var angleMax: [Double?]
    /// `corrected[metric][item]`: the map against its corrected map.
    var corrected: [[Double?]]

    /// Whether the diagnostic applies: `[L, 4]` maps that are not all multiplied by the input.
    var isApplicable: Bool { hasSequenceMaps && isInputMultiplied.contains(false) }

    /// Why the diagnostic does not apply, in words, or `nil` when it does.
    var reasonNotApplicable: String? {
      if !hasSequenceMaps { return "\(method) (maps are not [L, 4])" }
      return isApplicable ? nil : "\(method) (maps are multiplied by the one-hot input)"
    }
  }

  /// The explained unit per item after checking that the input is one-hot DNA that fits.
  /// - Returns: The given targets, or the predicted unit per item.
  /// - Throws: ``ModelError``.
  static func validated(model: Model, input: Tensor, targets: [Int]?) throws -> [Int] {
    try model.validate(input: input)
    guard input.shape.rank == 3, input.shape[2] == 4 else {
      throw ModelError.shapeMismatch(
        layer: "input", expected: "one-hot DNA [N, L, 4]", actual: input.shape)
    }
    if let targets { try model.validate(input: input, targets: targets) }
    return targets ?? model.predictedTargets(input)
  }

  /// Every method's per-item angles and similarity to its corrected map.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: One-hot inputs `[N, L, 4]`.
  ///   - targets: The explained unit per item (`nil`: the predicted unit).
  ///   - explainers: The methods (controls are skipped).
  /// - Returns: One entry per method that is not a control, in order.
  /// - Throws: ``ModelError`` or an explainer's error.
  func values(model: Model, input: Tensor, targets: [Int]?, explainers: [any Explainer]) throws
    -> [MethodValues]
  {
    let fixedTargets = try Self.validated(model: model, input: input, targets: targets)
    var values: [MethodValues] = []
    for explainer in explainers where !(explainer is ControlExplainer) {
      let attribution = try explainer.attribution(for: input, targets: fixedTargets, in: model)
      let maps = attribution.values
      guard maps.shape == input.shape else {
        values.append(
          MethodValues(
            method: attribution.method, hasSequenceMaps: false, isInputMultiplied: [],
            angleMean: [], angleMax: [], corrected: []))
        continue
      }
      let items = (0..<input.batchSize).map { $0..<($0 + 1) }
      let angles = items.map { SimplexCorrected.angles(maps.items($0)).filter(\.isFinite) }
      let corrected = SimplexCorrected.corrected(maps)
      values.append(
        MethodValues(
          method: attribution.method, hasSequenceMaps: true,
          isInputMultiplied: items.map {
            Self.isInputMultiplied(maps.items($0), input: input.items($0))
          },
          angleMean: angles.map { $0.isEmpty ? nil : $0.reduce(0, +) / Double($0.count) },
          angleMax: angles.map { $0.max() },
          corrected: try metrics.map {
            try MapComparison.scores(maps, corrected, input: input, metric: $0, view: .full)
          }))
    }
    return values
  }

  /// The rows and settings of per-item values: angles and similarity to the corrected map of
  /// every applicable method, and the methods it does not apply to.
  /// - Parameters:
  ///   - values: The values of ``values(model:input:targets:explainers:)`` (of every block, joined).
  ///   - model: The model (named in the settings).
  /// - Returns: The report, without verdicts.
  func report(_ values: [MethodValues], model: Model) -> CheckReport {
    var rows: [ResultRow] = []
    for method in values where method.isApplicable {
      let row = { (layer: ResultStage, metric: String, values: [Double?]) in
        ResultRow(
          check: .offSimplex, order: nil, method: method.method, layer: layer,
          seed: .notApplicable, metric: metric, view: AttributionView.full.rawValue, values: values)
      }
      rows.append(row(.original, "angle-mean", method.angleMean))
      rows.append(row(.original, "angle-max", method.angleMax))
      for (metric, scores) in zip(metrics, method.corrected) {
        rows.append(row(.gradientCorrected, metric.name, scores))
      }
    }
    let skipped = values.compactMap(\.reasonNotApplicable)
    return CheckReport(
      rows: rows, verdicts: [],
      settings: [
        "check": CheckKind.offSimplex.rawValue, "model": model.name,
        "metrics": metrics.map(\.name).joined(separator: ","),
        "not-applicable": skipped.isEmpty ? "none" : skipped.joined(separator: ", "),
      ])
  }
}
