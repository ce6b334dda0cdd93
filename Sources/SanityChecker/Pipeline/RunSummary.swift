import Foundation

/// The results of a run from its parts' per-item values: every row's mean, sd and bootstrap
/// interval, every verdict, and the report page.
///
/// The per-item values of the parts are joined in item order and summarized by the checks' own
/// summary step, so the parts of any split give the results of one unsharded run, digit for
/// digit: no mean is averaged from shard means, and each interval's bootstrap stream is named by
/// what it summarizes (``Bootstrap``), never by the shard.
public struct RunSummary {
  /// The joined parts.
  public let part: RunPart
  /// Rows, verdicts and settings of every check, in the order of ``RunConfiguration/Checks``.
  public let report: CheckReport
  /// The motif check's rows, verdicts and motifs per stage (also in ``report``), if it ran.
  public let motifs: MotifCheck.Result?

  /// Joins parts and summarizes them.
  /// - Parameters:
  ///   - parts: Every shard's part, in shard order, with their file names for errors.
  ///   - model: The trained model (named in the settings).
  /// - Throws: ``RunPartError`` when the parts are of different runs or do not cover the items.
  public init(parts: [(file: String, part: RunPart)], model: Model) throws {
    part = try Self.joined(parts)
    motifs = try Self.motifResult(part, model: model)
    report = CheckReport.merging(
      [try Self.report(part, model: model)] + [motifs?.report].compactMap { $0 })
  }

  /// The parts joined into one, checking that they are of one run and cover its items in order.
  static func joined(_ parts: [(file: String, part: RunPart)]) throws(RunPartError) -> RunPart {
    guard var joined = parts.first?.part, let firstFile = parts.first?.file else {
      throw .unreadable(file: "-", reason: "no parts given")
    }
    guard joined.first == 0 else {
      throw .gap(file: firstFile, expectedFirst: 0, actualFirst: joined.first)
    }
    for (file, part) in parts.dropFirst() {
      if let difference = part.manifest.difference(from: joined.manifest) {
        throw .differentRuns(file: file, other: firstFile, difference: difference)
      }
      let end = joined.first + joined.ids.count
      guard part.first == end else {
        throw .gap(file: file, expectedFirst: end, actualFirst: part.first)
      }
      joined.ids += part.ids
      joined.modelRandomization = joinScores(joined.modelRandomization, part.modelRandomization)
      joined.classSensitivity = joinScores(joined.classSensitivity, part.classSensitivity)
      if let next = part.labelRandomization {
        if var labels = joined.labelRandomization {
          labels.methods = joinScores(labels.methods, next.methods) ?? []
          labels.trueOutputs += next.trueOutputs
          labels.permutedOutputs += next.permutedOutputs
          labels.labels += next.labels
          joined.labelRandomization = labels
        } else {
          joined.labelRandomization = next
        }
      }
      if let next = part.inputInvariance {
        joined.inputInvariance =
          joined.inputInvariance.map {
            zip($0, next).map { .init(method: $0.method, values: $0.values + $1.values) }
          } ?? next
      }
      if let next = part.motifRecovery {
        joined.motifRecovery =
          joined.motifRecovery.map { motif in
            .init(
              methods: zip(motif.methods, next.methods).map { a, b in
                .init(
                  method: a.method, original: a.original + b.original,
                  randomized: zip(a.randomized, b.randomized).map { zip($0, $1).map { $0 + $1 } })
              },
              chance: zip(motif.chance, next.chance).map {
                .init(metric: $0.metric, values: $0.values + $1.values)
              },
              informationContent: motif.informationContent)
          } ?? next
      }
      joinDNAChecks(&joined, part)
      joined.motifCheck = RunPart.MotifCheckScores.joined(joined.motifCheck, part.motifCheck)
      joined.examples = Array((joined.examples + part.examples).prefix(3))
      if joined.classPairs.isEmpty { joined.classPairs = part.classPairs }
    }
    let end = joined.first + joined.ids.count
    guard end == joined.total else {
      throw .missingItems(file: parts.last?.file ?? "-", end: end, total: joined.total)
    }
    return joined
  }

  /// Per-item scores of consecutive blocks, joined item after item.
  static func joinScores(
    _ a: [SimilarityComparison.MethodScores]?, _ b: [SimilarityComparison.MethodScores]?
  ) -> [SimilarityComparison.MethodScores]? {
    guard let a, let b else { return a ?? b }
    if a.isEmpty || b.isEmpty { return a.isEmpty ? b : a }
    return zip(a, b).map { first, second in
      var method = first
      method.scores = zip(first.scores, second.scores).map { metric in
        zip(metric.0, metric.1).map { seed in zip(seed.0, seed.1).map { $0 + $1 } }
      }
      method.ceiling = zip(first.ceiling, second.ceiling).map { $0 + $1 }
      method.perfect = zip(first.perfect, second.perfect).map { $0 + $1 }
      return method
    }
  }

  /// Every check's rows and verdicts from the joined per-item values.
  static func report(_ part: RunPart, model: Model) throws -> CheckReport {
    let configuration = part.manifest.configuration
    var reports: [CheckReport] = []
    if let settings = configuration.checks.modelRandomization, let scores = part.modelRandomization
    {
      let check = try configuration.modelRandomizationCheck(settings)
      let stageNames = model.randomizationStageNames(order: check.configuration.order)
      reports.append(
        check.report(
          scores, seeds: configuration.seeds.map(String.init), stageNames: stageNames, model: model)
      )
    }
    if let settings = configuration.checks.labelRandomization, let labels = part.labelRandomization
    {
      reports.append(try labelReport(settings, labels, configuration: configuration, model: model))
    }
    if let settings = configuration.checks.classSensitivity, let scores = part.classSensitivity {
      reports.append(try configuration.classSensitivityCheck(settings).report(scores, model: model))
    }
    if configuration.checks.inputInvariance != nil, let values = part.inputInvariance {
      reports.append(
        InputInvarianceCheck().report(values.map { ($0.method, $0.values) }, model: model))
    }
    if configuration.checks.motifRecovery != nil, let motif = part.motifRecovery {
      let check = configuration.motifRecoveryCheck(informationContent: motif.informationContent)
      let stageNames =
        configuration.seeds.isEmpty
        ? [] : model.randomizationStageNames(order: check.configuration.order)
      reports.append(
        check.report(
          motif.methods, chance: motif.chance.map { ($0.metric, $0.values) },
          stageNames: stageNames, model: model))
    }
    reports += try dnaReports(part, model: model)
    var report = CheckReport.merging(reports)
    report.settings["gradient-correction"] = configuration.gradientCorrectionSetting
    report.settings["model-file"] = configuration.model
    report.settings["input-file"] = "\(configuration.inputs.file) (first \(part.total))"
    return report
  }

  /// Label randomization's rows: similarity of the explained items, then each model's accuracy
  /// on the training set and on the labelled inputs.
  static func labelReport(
    _ settings: RunConfiguration.LabelRandomization, _ labels: RunPart.LabelScores,
    configuration: RunConfiguration, model: Model
  ) throws -> CheckReport {
    let check = try configuration.labelRandomizationCheck(settings)
    let trainer = configuration.trainer(settings)
    var report = check.report(
      labels.methods, trueModel: labels.modelNames[0], permutedModel: labels.modelNames[1])
    let trainingRows = labels.trainingRows.count / 2
    for (index, (stage, outputs)) in [
      (ResultStage.trueLabels, labels.trueOutputs), (.permutedLabels, labels.permutedOutputs),
    ].enumerated() {
      report.rows += labels.trainingRows[(index * trainingRows)..<((index + 1) * trainingRows)]
      guard !labels.labels.isEmpty else { continue }
      let logits = Tensor(
        shape: [labels.labels.count / max(1, model.outputShape.count), model.outputShape.count],
        scalars: outputs)
      report.rows += check.performanceRows(
        stage, figures: trainer.evaluate(logits: logits, labels: labels.labels), split: "test")
    }
    report.settings.merge(
      check.trainingSettings(permutationSeed: configuration.seed, trainer: trainer)
    ) { $1 }
    return report
  }
}
