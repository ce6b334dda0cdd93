import Foundation

extension RunSummary {
  /// The motif check's result from the joined per-position scores, or `nil` when the run has no
  /// motif check (or no items).
  ///
  /// Seqlets, motifs and database matches are found here, once, on every item's scores, so any
  /// split into shards gives the unsharded run's motifs.
  /// - Parameters:
  ///   - part: The joined parts.
  ///   - model: The trained model (its stage names, and named in the settings).
  /// - Returns: Rows, verdicts and per-stage motifs.
  /// - Throws: ``MotifError`` for an unreadable database, ``MotifDiscoveryError`` for scores that
  ///   do not fit the sequences.
  static func motifResult(_ part: RunPart, model: Model) throws -> MotifCheck.Result? {
    let configuration = part.manifest.configuration
    guard let settings = configuration.checks.motifs, let scores = part.motifCheck else {
      return nil
    }
    let check = try configuration.motifCheck(
      settings, database: try MEMEMotif.read(URL(fileURLWithPath: settings.database)))
    let input = try OneHot().encode(scores.sequences.map { Array($0.utf8) }, ids: part.ids)
    let stageNames = model.randomizationStages(
      order: check.configuration.order, scheme: check.configuration.scheme,
      seed: settings.seeds[0]
    )
    .map(\.name)
    var result = try check.report(
      scores.methods, input: input, stageNames: stageNames, model: model)
    result.report.settings["database-file"] = settings.database
    return result
  }
}
