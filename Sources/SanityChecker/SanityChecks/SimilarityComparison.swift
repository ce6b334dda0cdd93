/// The step the similarity checks share: per-item scores in, tidy rows and verdicts out.
///
/// ``ModelRandomizationCheck``, ``DataRandomizationCheck`` and ``ClassSensitivityCheck`` each
/// explain every method twice (or once per stage and seed), score the maps with every metric, and
/// hand the scores here. One row is written per seed, stage and metric, then (when there are
/// seeds) one summary row per stage and metric over every seed; every row carries its bootstrap
/// interval. Each method that is not a control gets one verdict from
/// ``Verdict/similarity(check:method:condition:evidence:context:controls:)``, read on the first
/// metric and, for a signed metric, on its sign-blind score (``signBlind(_:magnitude:)``), which
/// reads the metric's magnitude variant (`spearman-abs`, scored even when not configured) beside
/// the signed score.
struct SimilarityComparison: Sendable {
  /// One method's scores.
  struct MethodScores: Codable, Sendable {
    /// The method's name.
    var method: String
    /// The view its rows name (``MapComparison/viewName(_:mapShape:input:)``).
    var view: String
    /// `scores[metric][seed][stage]`: one value per item, `nil` where undefined.
    var scores: [[[[Double?]]]]
    /// `ceiling[metric]`: per item, the map of the unchanged model against a second draw of it
    /// (``SimilarityScale``); empty when not measured.
    var ceiling: [[Double?]] = []
    /// `perfect[metric]`: per item, the map of the unchanged model against itself.
    var perfect: [[Double?]] = []
  }

  /// The check.
  var check: CheckKind
  /// The randomization order, if any.
  var order: RandomizationOrder?
  /// The metrics scored, in ``metrics(_:)`` order.
  var metrics: [any SimilarityMetric]
  /// The comparison view.
  var view: AttributionView
  /// The threshold of the first metric and of its magnitude variant.
  var threshold: Double
  /// The part of each seed's stages the verdict reads.
  var verdictStage: VerdictStage
  /// Whether rows keep per-item values.
  var keepsItemValues: Bool
  /// The intervals' settings.
  var bootstrap: Bootstrap = Bootstrap()

  /// One method's scores for a single pair of maps per item (no seeds, one stage), as the label
  /// and class checks compare them.
  /// - Parameters:
  ///   - a: The first maps.
  ///   - b: The maps compared with them.
  ///   - redrawn: A second draw of `a` for a seeded method (its ceiling), or `nil`.
  ///   - input: The explained inputs (for the view).
  /// - Returns: The scores of every metric, named with the maps' view.
  /// - Throws: ``MetricError`` when a metric cannot read the maps' shape.
  func pairScores(_ a: Attribution, _ b: Attribution, redrawn: Tensor?, input: Tensor) throws
    -> MethodScores
  {
    let scores = try metrics.map { metric in
      [[try MapComparison.scores(a.values, b.values, input: input, metric: metric, view: view)]]
    }
    let viewName = MapComparison.viewName(
      view, mapShape: a.values.shape.item, input: input.shape.item)
    let (ceiling, perfect) = try selfScores(a.values, redrawn: redrawn, input: input)
    return MethodScores(
      method: a.method, view: viewName, scores: scores, ceiling: ceiling, perfect: perfect)
  }

  /// Per metric and item, the ceiling (the map against its second draw, or itself when the
  /// method is deterministic) and the perfect score (the map against itself).
  /// - Parameters:
  ///   - original: The maps of the unchanged model.
  ///   - redrawn: The same maps drawn again (``redrawn(_:firstItem:explain:)``), `nil` for a
  ///     deterministic method.
  ///   - input: The explained inputs.
  /// - Returns: `(ceiling[metric][item], perfect[metric][item])`.
  /// - Throws: ``MetricError``.
  func selfScores(_ original: Tensor, redrawn: Tensor?, input: Tensor) throws
    -> (ceiling: [[Double?]], perfect: [[Double?]])
  {
    var (ceiling, perfect): ([[Double?]], [[Double?]]) = ([], [])
    for metric in metrics {
      let scores = try MapComparison.scores(
        original, against: [redrawn ?? original, original], input: input, metric: metric,
        view: view)
      ceiling.append(scores[0])
      perfect.append(scores[1])
    }
    return (ceiling, perfect)
  }

  /// The second draw of a seeded method's maps on the unchanged model, `nil` for any other.
  ///
  /// The items are numbered ``redrawOffset`` further on, so every per-item stream (noise,
  /// shuffled references, the random control's values) is a fresh one.
  /// - Parameters:
  ///   - explainer: The method.
  ///   - firstItem: The data-set index the original draw numbered the first item with.
  ///   - explain: Explains with a given explainer on the unchanged model.
  /// - Returns: The maps, or `nil`.
  /// - Throws: The explainer's error.
  static func redrawn(
    _ explainer: any Explainer, firstItem: Int, explain: (any Explainer) throws -> Attribution
  ) rethrows -> Tensor? {
    guard explainer is any SeededExplainer else { return nil }
    return try explain(explainer.numberingItems(from: firstItem + redrawOffset)).values
  }

  /// ``redrawn(_:firstItem:explain:)`` at several target lists at once.
  /// - Parameters:
  ///   - explainer: The method.
  ///   - firstItem: The data-set index the original draw numbered the first item with.
  ///   - explain: Explains every list with a given explainer on the unchanged model.
  /// - Returns: The maps per list, or `nil`.
  /// - Throws: The explainer's error.
  static func redrawn(
    _ explainer: any Explainer, firstItem: Int, explain: (any Explainer) throws -> [Attribution]
  ) rethrows -> [Tensor]? {
    guard explainer is any SeededExplainer else { return nil }
    return try explain(explainer.numberingItems(from: firstItem + redrawOffset)).map(\.values)
  }

  /// How far a second draw's item numbers are moved: beyond any data set's size.
  static let redrawOffset = 1 << 40

  /// The explainers with the random control added at the end when none is given: the floor of
  /// every normalized score (``SimilarityScale``).
  /// - Parameter explainers: The methods and controls.
  /// - Returns: The explainers, with a random control.
  static func withFloorControl(_ explainers: [any Explainer]) -> [any Explainer] {
    let hasRandom = explainers.contains {
      ($0 as? ControlExplainer)?.kind == .random
    }
    return hasRandom ? explainers : explainers + [ControlExplainer(.random)]
  }

  /// The metrics to score: the configured ones, followed by the first one's magnitude variant
  /// when it is not configured already.
  /// - Parameter configured: The configured metrics.
  /// - Returns: The metrics to score.
  static func metrics(_ configured: [any SimilarityMetric]) -> [any SimilarityMetric] {
    guard let variant = configured.first?.magnitudeVariant,
      !configured.contains(where: { $0.name == variant.name })
    else { return configured }
    return configured + [variant]
  }

  /// Rows and verdicts of every method.
  /// - Parameters:
  ///   - methods: Every method's scores, in order.
  ///   - seeds: The seeds of the scores' second index; `[.all]` for a check without seeds,
  ///     which then writes no per-seed rows.
  ///   - stages: The stages of the scores' third index.
  ///   - condition: What was changed, in words.
  /// - Returns: The rows in method, seed, stage, metric order (then each method's summaries),
  ///   and the verdicts of the methods that are not controls, sorted by name.
  func report(
    _ methods: [MethodScores], seeds: [SeedLabel], stages: [ResultStage], condition: String
  ) -> (rows: [ResultRow], verdicts: [Verdict]) {
    let floor = methods.first { ControlExplainer.Kind(rawValue: $0.method) == .random }
    // Each method's rows and readings draw from streams named by the method: computed side by
    // side, they are the same as one after another.
    let evidence = Parallel.mapChunks(count: methods.count, chunkSize: 1) { range in
      let method = methods[range.lowerBound]
      let evidence = self.evidence(method, floor: floor)
      return (
        method: method.method, evidence: evidence, context: self.context(method),
        rows: self.rows(method, seeds: seeds, stages: stages),
        scaleRows: self.scaleRows(method, readings: evidence)
      )
    }
    let rows = evidence.flatMap(\.rows) + evidence.flatMap(\.scaleRows)
    let controls = Dictionary(
      evidence.filter { ControlExplainer.Kind(rawValue: $0.method) != nil }
        .compactMap { item in item.evidence.first.map { (item.method, $0.estimate) } },
      uniquingKeysWith: { first, _ in first })
    let controlOrder = ControlExplainer.Kind.allCases.map(\.rawValue)
    let verdicts =
      (evidence.filter { ControlExplainer.Kind(rawValue: $0.method) == nil }
      .sorted { $0.method < $1.method }
      + evidence.filter { ControlExplainer.Kind(rawValue: $0.method) != nil }
      .sorted {
        (controlOrder.firstIndex(of: $0.method) ?? 0)
          < (controlOrder.firstIndex(of: $1.method) ?? 0)
      })
      .map {
        Verdict.similarity(
          check: check, method: $0.method, condition: condition, evidence: $0.evidence,
          context: $0.context, controls: controls)
      }
    return (rows, verdicts)
  }

  /// One method's rows.
  func rows(_ method: MethodScores, seeds: [SeedLabel], stages: [ResultStage]) -> [ResultRow] {
    func row(_ stage: ResultStage, _ seed: SeedLabel, _ metric: Int, _ replicates: [[Double?]])
      -> ResultRow
    {
      ResultRow(
        check: check, order: order, method: method.method, layer: stage, seed: seed,
        metric: metrics[metric].name, view: method.view, replicates: replicates,
        keepValues: keepsItemValues && seed != .all, bootstrap: bootstrap)
    }
    var rows: [ResultRow] = []
    for (seedIndex, seed) in seeds.enumerated() {
      for (stageIndex, stage) in stages.enumerated() {
        for metric in metrics.indices {
          rows.append(row(stage, seed, metric, [method.scores[metric][seedIndex][stageIndex]]))
        }
      }
    }
    guard seeds != [.all] else { return rows }
    for (stageIndex, stage) in stages.enumerated() {
      for metric in metrics.indices {
        rows.append(row(stage, .all, metric, method.scores[metric].map { $0[stageIndex] }))
      }
    }
    return rows
  }

  /// The verdict's readings of one method: the first metric, then, for a signed metric whose
  /// magnitude variant is scored, the sign-blind score of ``signBlind(_:magnitude:)``.
  func evidence(_ method: MethodScores, floor: MethodScores? = nil) -> [SimilarityEvidence] {
    guard let first = metrics.first else { return [] }
    let direction = type(of: first).direction
    var readings = [
      reading(
        method, method.scores[0], name: first.name, direction: direction,
        reference: reference(method, floor: floor) { $0[0] })
    ]
    if let index = magnitudeIndex {
      let blind = { (scores: [[[[Double?]]]]) in
        zip(scores[0], scores[index]).map { signed, magnitude in
          zip(signed, magnitude).map { Self.signBlind($0, magnitude: $1) }
        }
      }
      let blindSelf = { (values: [[Double?]]) in Self.signBlind(values[0], magnitude: values[index])
      }
      readings.append(
        reading(
          method, blind(method.scores), name: "sign-blind \(first.name)", direction: direction,
          reference: reference(method, floor: floor, scores: blind, selfScores: blindSelf)))
    }
    return readings
  }

  /// The readings shown beside the judged ones: the first metric's magnitude variant.
  func context(_ method: MethodScores) -> [SimilarityEvidence] {
    guard let index = magnitudeIndex else { return [] }
    let metric = metrics[index]
    return [
      reading(
        method, method.scores[index], name: metric.name, direction: type(of: metric).direction)
    ]
  }

  /// The index of the first metric's magnitude variant among the scored metrics.
  var magnitudeIndex: Int? {
    guard let variant = metrics.first?.magnitudeVariant else { return nil }
    return metrics.firstIndex { $0.name == variant.name }
  }

  /// Per item, the signed score with sign flips counted as similar as far as the magnitudes agree.
  ///
  /// ```
  /// u = s                   if s ≥ 0
  /// u = min(−s, m)          if s < 0      (m: the magnitude variant's score, e.g. spearman-abs)
  /// ```
  /// A map that only flipped sign (s = −1, m = 1) gets u = 1, as unchanged as it is. Maps that
  /// cannot flip (Grad-CAM's are ≥ 0, so m = s) keep u = s. A signed map that changed scores near
  /// 0 either way. Where m is undefined, u = |s|.
  /// - Parameters:
  ///   - signed: The signed scores of one stage, per item.
  ///   - magnitude: The magnitude variant's scores of the same items.
  /// - Returns: u per item, `nil` where s is undefined.
  static func signBlind(_ signed: [Double?], magnitude: [Double?]) -> [Double?] {
    zip(signed, magnitude).map { value, magnitude in
      guard let value else { return nil }
      guard value < 0 else { return value }
      return min(-value, magnitude ?? -value)
    }
  }

  /// One reading: per seed the summary over stages of the mean over items, the mean over seeds,
  /// and its hierarchical bootstrap interval.
  /// - Parameters:
  ///   - method: The method.
  ///   - perSeed: `[seed][stage][item]` scores.
  ///   - name: The reading's name.
  ///   - direction: The metric's direction.
  ///   - reference: The floor and the method's ceiling, when measured.
  /// - Returns: The reading, judged against ``threshold``.
  func reading(
    _ method: MethodScores, _ perSeed: [[[Double?]]], name: String, direction: ScoreDirection,
    reference: Reference? = nil
  ) -> SimilarityEvidence {
    let summaries = perSeed.map { stages in
      verdictStage.summary(of: stages.map { Self.mean($0, items: nil) })
    }
    let estimate =
      summaries.allSatisfy(\.isFinite) && !summaries.isEmpty
      ? summaries.reduce(0, +) / Double(summaries.count) : .nan
    let interval = bootstrap.interval(
      itemCounts: perSeed.map { $0.first?.count ?? 0 },
      name: "verdict\t\(check)\t\(method.method)\t\(name)"
    ) { draws in
      let values = draws.map { seed, items in
        verdictStage.summary(of: perSeed[seed].map { Self.mean($0, items: items) })
      }
      return values.reduce(0, +) / Double(max(1, values.count))
    }
    return SimilarityEvidence(
      rule: SimilarityRule(metric: name, direction: direction, threshold: threshold),
      estimate: estimate, interval: interval, perSeed: summaries,
      items: perSeed.first?.first?.count ?? 0,
      scale: reference.map {
        scale(perSeed, reference: $0, streamName: "scale\t\(check)\t\(method.method)\t\(name)")
      })
  }

  /// The mean of the defined values at `items` (every item when `nil`), NaN when none is defined.
  static func mean(_ values: [Double?], items: [Int]?) -> Double {
    var (sum, count) = (0.0, 0)
    for item in items ?? Array(values.indices) {
      if let value = values[item], value.isFinite {
        sum += value
        count += 1
      }
    }
    return count == 0 ? .nan : sum / Double(count)
  }
}
