/// The motif-level sanity check: whether the motifs an explainer's seqlets match survive when
/// the model is randomized.
///
/// ```
/// S_0      = { database motifs matched with q < α by any motif found on the trained model }
/// S_k^s    = the same on randomization stage k of seed s (and on a label-permuted model)
/// n_k(m)   = seqlets in the motifs of stage k that match m with q < α (the match's support)
/// retained = Σ_{m ∈ S_0} min(n_k(m), n_0(m)) / Σ_{m ∈ S_0} n_0(m)
/// f        = the random control's mean retained share of the same S_0 over the randomized models
/// t        = f + s · (1 − f)                                        (``Threshold``)
/// ```
/// For each method, motifs are found (``MotifDiscovery``: seqlets, clustering, Tomtom matching)
/// on the trained model, on every stage of model-parameter randomization (Adebayo et al. 2018,
/// arXiv:1810.03292; the stages of ``Model/randomizationStages(order:scheme:seed:)``, as in
/// ``ModelRandomizationCheck``) and, when given, on a model trained on permuted labels. The
/// random control (``ControlExplainer``, noise drawn afresh on every model) runs through the same
/// models as the floor, as in the similarity checks (Binder et al. 2023, arXiv:2211.12486), with
/// rows and a verdict of its own. Rows report per stage the number of seqlets (`seqlets`), the
/// retained share (`matches-retained`) and the best q (`best-match-q`), and per method the
/// floor's draws (stage `floor`, seed `all`, `matches-retained`: one value per randomized model).
///
/// Each match counts by the seqlet support that is still matched, not as present or absent: a
/// fully randomized model still yields small clusters (5–17 seqlets on the shipped example) that
/// match a planted matrix at a marginal q, and counting those as whole survivors let one marginal
/// cluster decide a verdict against a trained-model match of 100 seqlets. The support is pooled
/// over `S_0`, so a trained-model match of few seqlets weighs little too (docs/findings.md §6.7).
///
/// Verdict: a method **fails** when its motifs survive — a retained share of at least the
/// threshold `t` after full randomization (the last stage, averaged over seeds), or on the
/// label-permuted model — because its motifs then come from the input or the method, not from
/// what the model learned; it also fails when the random control alone keeps `s` of its support
/// (``Threshold/isInputDriven``). It **passes** when the shares fall below `t`, and is
/// **inconclusive** when the trained model gives no significant match.
///
/// Defaults: α = 0.05; survival share s = 0.5 on the normalized scale (halfway between noise and
/// the trained model; calibrated in docs/findings.md §6.7); cascading order; one seed. The
/// explained output is the trained model's predicted unit, kept fixed at every stage.
public struct MotifCheck: Sendable {
  /// The check's settings.
  public struct Configuration: Sendable {
    /// The randomization order.
    public var order: RandomizationOrder
    /// How randomized layers are re-drawn.
    public var scheme: InitializationScheme
    /// The seeds.
    public var seeds: [UInt64]
    /// The q-value below which a match counts (α).
    public var significance: Double
    /// The survival share s: on the scale from the random control's share (0) to the trained
    /// model's (1), the normalized share at or above which motifs count as surviving.
    public var survivalShare: Double
    /// Why no label-permuted model is checked, stated in the verdicts when none is given.
    public var permutedModelNote: String

    /// Creates settings.
    /// - Parameters:
    ///   - order: Cascading by default.
    ///   - scheme: Glorot uniform by default.
    ///   - seeds: One seed (0) by default.
    ///   - significance: 0.05 by default.
    ///   - survivalShare: 0.5 by default.
    ///   - permutedModelNote: Why no label-permuted model is checked, when none is given.
    public init(
      order: RandomizationOrder = .cascadingTopDown, scheme: InitializationScheme = .glorotUniform,
      seeds: [UInt64] = [0], significance: Double = 0.05, survivalShare: Double = 0.5,
      permutedModelNote: String = "no model trained on permuted labels was given"
    ) {
      self.order = order
      self.scheme = scheme
      self.seeds = seeds
      self.significance = significance
      self.survivalShare = survivalShare
      self.permutedModelNote = permutedModelNote
    }
  }

  /// What the check returns: tidy rows and verdicts, and the motifs per stage.
  public struct Result: Sendable, Codable {
    /// Rows, verdicts and settings in the results format of the other checks.
    public var report: CheckReport
    /// One summary per row group (method, stage, seed), in row order.
    public var stages: [MotifStageSummary]

    /// The rows as TSV: ``ResultRow/columns`` then ``MotifStageSummary/columns``.
    public var tsv: String {
      var lines = [(ResultRow.columns + MotifStageSummary.columns).joined(separator: "\t")]
      for row in report.rows {
        let summary = stages.first {
          $0.method == row.method && $0.stage == row.layer.description
            && $0.seed == row.seed.description
        }
        lines.append(
          (row.fields + (summary?.fields ?? ["-", "-", "-", "nan"])).joined(separator: "\t"))
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }

  /// The settings.
  public var configuration: Configuration
  /// Seqlets, motifs and matching.
  public var discovery: MotifDiscovery

  /// Creates the check.
  /// - Parameters:
  ///   - configuration: The settings.
  ///   - discovery: The motif pipeline; it needs a matcher.
  public init(_ configuration: Configuration = Configuration(), discovery: MotifDiscovery) {
    self.configuration = configuration
    self.discovery = discovery
  }

  /// Runs the check.
  /// - Parameters:
  ///   - model: The trained model.
  ///   - input: One-hot DNA `[N, L, 4]`.
  ///   - explainers: The methods; the random control is added when none is given (the floor).
  ///   - permutedModel: A model of the same architecture trained on permuted labels, if any.
  /// - Returns: Rows, verdicts and per-stage motifs.
  /// - Throws: A model, explainer, memory-budget or ``MotifDiscoveryError``.
  public func run(
    model: Model, input: Tensor, explainers: [any Explainer], permutedModel: Model? = nil
  ) throws -> Result {
    try model.validate(input: input)
    if let permutedModel {
      try model.validateArchitecture(of: permutedModel, named: "permuted-labels")
    }
    let stagesPerSeed = configuration.seeds.map { seed in
      model.randomizationStages(
        order: configuration.order, scheme: configuration.scheme, seed: seed)
    }
    // Two maps and the input at a time, and one score per position for every method and stage.
    let stageCount =
      1 + stagesPerSeed.map(\.count).reduce(0, +) + (permutedModel == nil ? 0 : 1)
    try MemoryBudget.current.reserve(
      4 * input.shape.count + (explainers.count + 1) * stageCount * input.shape.count / 4,
      of: MemoryLayout<Float>.stride, for: "motif check maps")
    let targets = model.predictedTargets(input)
    var methods: [MethodScores] = []
    for explainer in SimilarityComparison.withFloorControl(explainers) {
      let trained = try scores(explainer, model: model, input: input, targets: targets)
      methods.append(
        MethodScores(
          method: trained.method, original: trained.scores,
          randomized: try stagesPerSeed.map { stages in
            try stages.map {
              try scores(explainer, model: $0.model, input: input, targets: targets).scores
            }
          },
          permuted: try permutedModel.map {
            try scores(explainer, model: $0, input: input, targets: targets).scores
          }))
    }
    return try report(
      methods, input: input, stageNames: stagesPerSeed.first?.map(\.name) ?? [], model: model)
  }

  /// One method's per-position scores (``PositionScores``) on the trained model, on every stage
  /// of every seed and on the label-permuted model, item after item: what a batch run keeps per
  /// block, since seqlet backgrounds and clusters need every item at once.
  struct MethodScores: Codable, Sendable {
    /// The method's name as its maps give it.
    var method: String
    /// `[item][position]` on the trained model.
    var original: [[Float]]
    /// `[seed][stage][item][position]`, seeds in ``Configuration/seeds`` order.
    var randomized: [[[[Float]]]]
    /// `[item][position]` on the label-permuted model, if any.
    var permuted: [[Float]]?
  }

  /// Rows, verdicts and per-stage motifs from every method's per-position scores.
  ///
  /// The method named `random` (the random control) gives every method's floor: its motifs on
  /// each randomized model, read against the method's trained-model support (``Threshold``).
  /// - Parameters:
  ///   - methods: The scores, seeds in ``Configuration/seeds`` order.
  ///   - input: The one-hot inputs `[N, L, 4]` the scores are of.
  ///   - stageNames: The stages of each seed, in order.
  ///   - model: The trained model (named in the settings).
  /// - Returns: The result.
  /// - Throws: ``MotifDiscoveryError`` when the scores do not fit the inputs.
  func report(_ methods: [MethodScores], input: Tensor, stageNames: [String], model: Model) throws
    -> Result
  {
    let found = try methods.map { method in
      (
        method: method.method,
        original: try discovery.run(scores: method.original, input: input),
        randomized: try method.randomized.map { seed in
          try seed.map { try discovery.run(scores: $0, input: input) }
        },
        permuted: try method.permuted.map { try discovery.run(scores: $0, input: input) }
      )
    }
    // The random control's support on every randomized model: the floor's draws.
    let noise = found.first { $0.method == ControlExplainer.Kind.random.rawValue }.map { control in
      (control.randomized.joined() + (control.permuted.map { [$0] } ?? [])).map(support)
    }
    var rows: [ResultRow] = []
    var summaries: [MotifStageSummary] = []
    var verdicts: [Verdict] = []
    for method in found {
      let reference = support(method.original)
      var methodSummaries = [
        summary(
          method.original, method: method.method, stage: .original, seed: .notApplicable,
          reference: reference)
      ]
      for (seed, stages) in zip(configuration.seeds, method.randomized) {
        for (name, result) in zip(stageNames, stages) {
          methodSummaries.append(
            summary(
              result, method: method.method, stage: .randomized(name), seed: .seed(seed),
              reference: reference))
        }
      }
      if let permuted = method.permuted {
        methodSummaries.append(
          summary(
            permuted, method: method.method, stage: .permutedLabels, seed: .notApplicable,
            reference: reference))
      }
      for item in methodSummaries { rows += self.rows(item) }
      summaries += methodSummaries
      let threshold = Threshold(
        draws: noise?.map { share($0, of: reference) }, survivalShare: configuration.survivalShare)
      if let draws = threshold.draws {
        // The floor's draws, one value per randomized model: their mean is f.
        rows.append(
          ResultRow(
            check: .motifs, order: configuration.order, method: method.method, layer: .floor,
            seed: .all, metric: "matches-retained", view: "-",
            values: draws.map { $0.isNaN ? nil : $0 }))
      }
      verdicts.append(
        verdict(
          method: method.method, summaries: methodSummaries, reference: reference,
          lastStage: stageNames.last, threshold: threshold))
    }
    let recorded = settings(
      model: model, hasPermutedModel: methods.contains { $0.permuted != nil })
    return Result(
      report: CheckReport(rows: rows, verdicts: verdicts, settings: recorded), stages: summaries)
  }

  /// The per-position scores of one explainer on one model.
  func scores(_ explainer: any Explainer, model: Model, input: Tensor, targets: [Int]) throws
    -> (method: String, scores: [[Float]])
  {
    let attribution = try explainer.attribution(for: input, targets: targets, in: model)
    return (attribution.method, try PositionScores.scores(attribution.values, input: input))
  }

  /// The accessions matched with q below α by any motif, in order of first appearance.
  func significant(_ result: MotifDiscovery.Result) -> [String] {
    var seen: [String] = []
    for match in result.matches.joined()
    where match.qValue < configuration.significance && !seen.contains(match.targetIdentifier) {
      seen.append(match.targetIdentifier)
    }
    return seen
  }

  /// The seqlets of the motifs that match each accession with q below α (its support).
  func support(_ result: MotifDiscovery.Result) -> [String: Int] {
    var support: [String: Int] = [:]
    for (motif, matches) in zip(result.motifs, result.matches) {
      let accessions = Set(
        matches.filter { $0.qValue < configuration.significance }.map(\.targetIdentifier))
      for accession in accessions { support[accession, default: 0] += motif.seqletCount }
    }
    return support
  }

  /// The summary of one discovery run, against the trained model's support per accession.
  func summary(
    _ result: MotifDiscovery.Result, method: String, stage: ResultStage, seed: SeedLabel,
    reference: [String: Int]
  ) -> MotifStageSummary {
    let found = significant(result)
    let retained = share(support(result), of: reference)
    let motifs = zip(result.motifs, result.matches).map { motif, matches in
      MotifStageSummary.Motif(
        identifier: motif.identifier, seqletCount: motif.seqletCount,
        contributions: motif.contributions,
        matchIdentifier: matches.first?.targetIdentifier ?? "-",
        matchName: matches.first?.targetName ?? "-",
        qValue: matches.first?.qValue ?? 1)
    }
    let best = motifs.min { ($0.qValue, $0.identifier) < ($1.qValue, $1.identifier) }
    return MotifStageSummary(
      method: method, stage: stage.description, seed: seed.description,
      seqletCount: result.seqlets.count,
      significantMatches: found, retainedFraction: retained, bestQValue: best?.qValue ?? 1,
      bestMotif: best?.identifier ?? "-", bestMatchIdentifier: best?.matchIdentifier ?? "-",
      bestMatchName: best?.matchName ?? "-", motifs: motifs)
  }

  /// The three rows of one summary.
  func rows(_ summary: MotifStageSummary) -> [ResultRow] {
    let values: [(String, Double)] = [
      ("seqlets", Double(summary.seqletCount)), ("matches-retained", summary.retainedFraction),
      ("best-match-q", summary.bestQValue),
    ]
    return values.map { metric, value in
      ResultRow(
        check: .motifs,
        order: summary.stage == "original" || summary.stage == "permuted-labels"
          ? nil : configuration.order,
        method: summary.method, layer: ResultStage(parsing: summary.stage),
        seed: SeedLabel(parsing: summary.seed),
        metric: metric, view: "-", values: [value.isNaN ? nil : value])
    }
  }
}
