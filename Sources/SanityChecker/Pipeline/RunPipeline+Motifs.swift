import Foundation

/// The motif check's per-position scores of one block, taken from the maps model randomization
/// computes where it has them (the same order and a seed of the run's `seeds`), and explained
/// here for the rest.
///
/// Both routes explain the same items in the same slices with the same numbered explainers, so a
/// block's scores are the same whichever route gave them. The checked methods are followed by the
/// random control (the floor of every verdict, ``MotifCheck/Threshold``): the run's own when its
/// controls list `random`, otherwise the unseeded one model randomization adds as its floor. When
/// label randomization runs, its label-permuted model is explained too.
final class MotifScoreCollector {
  /// The settings.
  let settings: RunConfiguration.Motifs
  /// The run's explainers by their place in model randomization: methods, controls, then the
  /// floor's random control when the controls have none.
  let names: [String]
  /// The checked methods and controls, the random control last when not listed.
  let checked: [String]
  /// Whether the random control is the run's (`controls` lists it) rather than the floor's.
  let hasRunRandomControl: Bool
  /// The model label randomization trained on permuted labels, once it has (`nil`: none).
  var permutedModel: Model?
  /// For each seed index of model randomization whose maps are kept, the motif seed's index.
  var reusedSeeds: [Int: Int] = [:]
  /// Whether model randomization gave the trained model's maps.
  var observedOriginal = false
  /// The scores gathered so far, by method name.
  var methods: [String: MotifCheck.MethodScores] = [:]

  /// A collector for the run's motif check (`nil` when it has none), after reading the database
  /// so that a bad file stops the run before anything is explained.
  /// - Parameter configuration: The run.
  /// - Throws: ``MotifError`` for an unreadable database.
  init?(_ configuration: RunConfiguration) throws {
    guard let settings = configuration.checks.motifs else { return nil }
    _ = try configuration.motifCheck(
      settings, database: try MEMEMotif.read(URL(fileURLWithPath: settings.database)))
    self.settings = settings
    let random = ControlExplainer.Kind.random.rawValue
    hasRunRandomControl = configuration.controls.contains(random)
    names =
      configuration.methods + configuration.controls + (hasRunRandomControl ? [] : [random])
    checked = settings.methods + (settings.methods.contains(random) ? [] : [random])
  }

  /// The observer to give model randomization: it keeps the maps of the checked methods on the
  /// trained model and, when the orders agree, on the stages of the motif check's seeds.
  /// - Parameters:
  ///   - settings: Model randomization's settings.
  ///   - seeds: Its seeds, in order.
  /// - Returns: The observer.
  func observer(reusing settings: RunConfiguration.ModelRandomization, seeds: [UInt64])
    -> ModelRandomizationCheck.MapObserver
  {
    observedOriginal = true
    if settings.order == self.settings.order {
      for (index, seed) in seeds.enumerated() {
        if let motifSeed = self.settings.seeds.firstIndex(of: seed) {
          reusedSeeds[index] = motifSeed
        }
      }
    }
    return { [self] explainer, stage, input, map in
      try record(explainer: explainer, stage: stage, input: input, map: map)
    }
  }

  /// Keeps one slice's map of a checked method.
  func record(explainer: Int, stage: (seed: Int, stage: Int)?, input: Tensor, map: Attribution)
    throws
  {
    guard explainer < names.count, checked.contains(names[explainer]),
      names.firstIndex(of: names[explainer]) == explainer
    else { return }
    let name = names[explainer]
    var scores =
      methods[name]
      ?? MotifCheck.MethodScores(
        method: map.method, original: [],
        randomized: [[[[Float]]]](repeating: [], count: settings.seeds.count), permuted: nil)
    let rows = try PositionScores.scores(map.values, input: input)
    if let stage {
      guard let seed = reusedSeeds[stage.seed] else { return }
      while scores.randomized[seed].count <= stage.stage { scores.randomized[seed].append([]) }
      scores.randomized[seed][stage.stage] += rows
    } else {
      scores.original += rows
    }
    methods[name] = scores
  }

  /// Every checked method's scores on the block: the kept ones, and the rest explained now (the
  /// label-permuted model's always).
  /// - Parameter pipeline: The block's pipeline.
  /// - Returns: The block's motif values.
  /// - Throws: An explainer's or ``MotifDiscoveryError``.
  func scores(_ pipeline: RunPipeline) throws -> RunPart.MotifCheckScores {
    let order = RandomizationOrder(rawValue: settings.order) ?? .cascadingTopDown
    let kept = Set(reusedSeeds.values)
    let stagesPerSeed = settings.seeds.enumerated().map { index, seed in
      kept.contains(index)
        ? nil
        : pipeline.model.randomizationStages(order: order, scheme: .glorotUniform, seed: seed)
    }
    let targets = pipeline.targets ?? pipeline.model.predictedTargets(pipeline.data.inputs)
    var result: [MotifCheck.MethodScores] = []
    for name in checked {
      var scores =
        methods[name]
        ?? MotifCheck.MethodScores(
          method: name, original: [],
          randomized: [[[[Float]]]](repeating: [], count: settings.seeds.count), permuted: nil)
      if !observedOriginal {
        (scores.method, scores.original) = try explained(
          name, model: pipeline.model, targets: targets, pipeline: pipeline)
      }
      for (index, stages) in stagesPerSeed.enumerated() {
        guard let stages else { continue }
        scores.randomized[index] = try stages.map {
          try explained(name, model: $0.model, targets: targets, pipeline: pipeline).scores
        }
      }
      if let permutedModel {
        scores.permuted = try explained(
          name, model: permutedModel, targets: targets, pipeline: pipeline
        ).scores
      }
      result.append(scores)
    }
    return RunPart.MotifCheckScores(
      methods: result,
      sequences: OneHot.sequences(from: pipeline.data.inputs).map {
        String(decoding: $0, as: UTF8.self)
      })
  }

  /// One method's scores on one model, explained in model randomization's slices.
  func explained(_ name: String, model: Model, targets: [Int], pipeline: RunPipeline) throws
    -> (method: String, scores: [[Float]])
  {
    let explainer =
      name == ControlExplainer.Kind.random.rawValue && !hasRunRandomControl
      ? ControlExplainer(.random).numberingItems(from: pipeline.first)
      : try pipeline.explainer(name)
    var (method, rows) = (name, [[Float]]())
    for slice in ModelRandomizationCheck.itemSlices(
      count: pipeline.data.ids.count, model: pipeline.model)
    {
      let input = pipeline.data.inputs.items(slice)
      let map = try explainer.numberingItems(from: pipeline.first + slice.lowerBound).attribution(
        for: input, targets: Array(targets[slice]), in: model)
      method = map.method
      rows += try PositionScores.scores(map.values, input: input)
    }
    return (method, rows)
  }
}
