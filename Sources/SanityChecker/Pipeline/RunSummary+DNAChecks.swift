extension RunSummary {
  /// Appends the next block's reverse-complement and off-simplex values to the joined part.
  /// - Parameters:
  ///   - joined: The parts joined so far.
  ///   - next: The next block's part.
  static func joinDNAChecks(_ joined: inout RunPart, _ next: RunPart) {
    if let scores = next.reverseComplement {
      joined.reverseComplement = joined.reverseComplement.map { $0.appending(scores) } ?? scores
    }
    if let scores = next.offSimplex {
      joined.offSimplex = joined.offSimplex.map { $0.appending(scores) } ?? scores
    }
  }

  /// The reverse-complement check's and the off-simplex diagnostic's reports from the joined
  /// per-item values.
  /// - Parameters:
  ///   - part: The joined part.
  ///   - model: The trained model.
  /// - Returns: The reports, in that order, of the checks the run has.
  /// - Throws: ``RunConfigurationError`` for settings that cannot be built.
  static func dnaReports(_ part: RunPart, model: Model) throws -> [CheckReport] {
    let configuration = part.manifest.configuration
    var reports: [CheckReport] = []
    if let settings = configuration.checks.reverseComplement, let scores = part.reverseComplement {
      reports.append(
        try configuration.reverseComplementCheck(settings).report(scores, model: model))
    }
    guard let settings = configuration.checks.offSimplex, let scores = part.offSimplex else {
      return reports
    }
    var report = try configuration.offSimplexDiagnostic(settings).report(
      scores.methods, model: model)
    let applicable = Set(
      scores.methods.filter(\.isApplicable).map(\.method) + [ControlExplainer.Kind.random.rawValue])
    if let corrected = scores.corrected, applicable.count > 1,
      let randomization = configuration.checks.modelRandomization,
      let plain = scores.plain ?? part.modelRandomization
    {
      let check = try configuration.modelRandomizationCheck(randomization)
      let stageNames = model.randomizationStageNames(order: check.configuration.order)
      let summary = { (scores: [SimilarityComparison.MethodScores]) in
        check.report(
          scores.filter { applicable.contains($0.method) },
          seeds: configuration.seeds.map(String.init), stageNames: stageNames, model: model)
      }
      let before = summary(plain)
      let after = OffSimplexDiagnostic.renamedCorrected(summary(corrected))
      report.rows += after.rows
      report.verdicts = after.verdicts
      report.settings[OffSimplexDiagnostic.effectSetting] = OffSimplexDiagnostic.effect(
        plain: before.verdicts, corrected: after.verdicts)
    }
    reports.append(report)
    return reports
  }
}
