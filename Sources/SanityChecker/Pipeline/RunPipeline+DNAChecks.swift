extension RunPart {
  /// The off-simplex diagnostic's per-item values, and model randomization of the methods with
  /// `[L, 4]` maps without and with the correction (each list ends with the random control, the
  /// floor).
  struct OffSimplexScores: Codable, Sendable {
    /// Per method, angles and similarity to the corrected map per item.
    var methods: [OffSimplexDiagnostic.MethodValues]
    /// Model randomization without the correction; `nil` when the run's own model randomization
    /// holds these scores (the run does not correct its methods).
    var plain: [SimilarityComparison.MethodScores]?
    /// Model randomization with the correction (`nil`: not asked for).
    var corrected: [SimilarityComparison.MethodScores]?
  }
}

extension RunPipeline {
  /// The attribute of an exported map file that says whether the maps were corrected for
  /// off-simplex gradients (`applied (simplex-corrected)` or `not applied`).
  static let correctionAttribute = "gradient_correction"

  /// Runs the reverse-complement check and the off-simplex diagnostic on the block.
  /// - Parameter part: The block's part, given their per-item values.
  /// - Throws: A check's or an explainer's error.
  func dnaChecks(into part: inout RunPart) throws {
    let checks = configuration.checks
    if let settings = checks.reverseComplement {
      progress("reverse-complement consistency: \(settings.methods.count) methods")
      let explainers = SimilarityComparison.withFloorControl(
        try settings.methods.map { try explainer($0) }
      )
      .map { $0.numberingItems(from: first) }
      part.reverseComplement = try configuration.reverseComplementCheck(settings).scores(
        model: model, input: data.inputs, targets: targets, explainers: explainers)
    }
    guard let settings = checks.offSimplex else { return }
    progress("off-simplex gradients: \(settings.methods.count) methods")
    // The diagnostic reads the methods' own gradients, whether or not the run corrects them.
    let explainers = try settings.methods.map { try explainer($0, correcting: false) }
    let values = try configuration.offSimplexDiagnostic(settings).values(
      model: model, input: data.inputs, targets: targets, explainers: explainers)
    var scores = RunPart.OffSimplexScores(methods: values, plain: nil, corrected: nil)
    if settings.modelRandomization, let randomization = checks.modelRandomization {
      progress("off-simplex gradients: model randomization with and without the correction")
      let check = try configuration.modelRandomizationCheck(randomization)
      let floor = SimilarityComparison.withFloorControl(
        configuration.controls.contains("random") ? [try explainer("random")] : []
      )
      .map { $0.numberingItems(from: first) }
      let sequenceMaps = zip(explainers, values).filter { $1.hasSequenceMaps }.map(\.0)
      let score = { (methods: [any Explainer]) in
        try check.methodScores(
          model: model, stages: .init(drawnFrom: model, check.configuration),
          input: data.inputs, targets: targets, explainers: methods + floor)
      }
      scores.corrected = try score(sequenceMaps.map { SimplexCorrected(base: $0) })
      if configuration.isGradientCorrected { scores.plain = try score(sequenceMaps) }
    }
    part.offSimplex = scores
  }
}
