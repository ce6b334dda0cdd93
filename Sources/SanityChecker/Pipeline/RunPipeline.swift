import Foundation

/// A batch run: every check of a ``RunConfiguration`` on one block of its inputs.
///
/// `sanity demo`, `sanity run` and each shard of a workflow are this one pipeline. It sits above
/// the checks and the report (it uses both) and below the command line:
/// ```
/// part    = RunPipeline(configuration, shard).part(writingAttributionsTo:)   per-item values of a block
/// summary = RunSummary(parts)                                                rows, intervals, verdicts, report
/// ```
/// Items of a block are numbered by their data-set index, so seeded methods draw the same noise,
/// and the randomized models depend on the seed only, in every block.
public struct RunPipeline {
  /// The settings.
  public let configuration: RunConfiguration
  /// The block.
  public let shard: Shard
  /// The trained model.
  public let model: Model
  /// The explained unit's index (the configuration's `target` resolved in the model), or `nil`
  /// for each item's predicted unit.
  public let target: Int?
  /// The block's inputs.
  public let data: InputData
  /// The data-set index of the block's first item.
  public let first: Int
  /// The run's item count.
  public let total: Int
  /// Called with a line of progress.
  public var progress: @Sendable (String) -> Void = { _ in }

  /// Reads the model and the block's inputs.
  /// - Parameters:
  ///   - configuration: The run (checked with ``RunConfiguration/validate()``).
  ///   - shard: The block.
  /// - Throws: ``RunConfigurationError`` or a reader's error naming the file and place.
  public init(configuration: RunConfiguration, shard: Shard = .whole) throws {
    try configuration.validate()
    self.configuration = configuration
    self.shard = shard
    let url = URL(fileURLWithPath: configuration.inputs.file)
    let probe = try InputData.loadBlock(url, shard: .whole, limit: 1)
    guard probe.total > 0 else {
      throw RunConfigurationError.invalid(
        key: "inputs.file", value: configuration.inputs.file, expected: "a file with records")
    }
    let modelFile = URL(fileURLWithPath: configuration.model)
    model = try ModelLoader.load(modelFile, sequenceLength: probe.data.inputs.shape[1])
    target = try configuration.target?.index(in: model, modelFile: modelFile)
    let block = try InputData.loadBlock(
      url, shard: shard, limit: configuration.inputs.limit, granule: model.chunkSize)
    (data, first, total) = block
  }

  /// An explainer of the configuration, numbering items from the block's first, corrected for
  /// off-simplex gradients when the configuration asks (`correcting` overrides it).
  func explainer(_ name: String, comparing: Bool = true, correcting: Bool? = nil) throws
    -> any Explainer
  {
    try configuration.methodSettings.explainer(
      name, seed: configuration.seed, key: "methods", comparing: comparing
    )
    .simplexCorrected(correcting ?? configuration.isGradientCorrected)
    .numberingItems(from: first)
  }

  /// The metrics of a check.
  static func metrics(_ names: [String]) throws -> [any SimilarityMetric] {
    try names.map { try MethodSettings.metric($0, key: "metrics") }
  }

  /// The explained unit of every item of the block.
  var targets: [Int]? { target.map { [Int](repeating: $0, count: data.ids.count) } }

  /// Runs every check on the block and writes the exported maps.
  /// - Parameter folder: Where `<method>.h5` of each exported method goes (`nil`: none written).
  /// - Returns: The block's per-item values.
  /// - Throws: An explainer's, a check's or a writer's error.
  public func part(writingAttributionsTo folder: URL?) throws -> RunPart {
    let manifest = try RunManifest(configuration: configuration, shard: shard)
    var part = RunPart(
      manifest: manifest, first: first, total: total, ids: data.ids, length: model.inputShape[0],
      modelRandomization: nil,
      labelRandomization: nil, classSensitivity: nil, inputInvariance: nil, motifRecovery: nil,
      examples: [], classPairs: [])
    guard !data.ids.isEmpty else { return part }
    let motifScores = try MotifScoreCollector(configuration)
    if let folder { try exportAttributions(to: folder) }
    let checks = configuration.checks
    let all = try (configuration.methods + configuration.controls).map { try explainer($0) }
    // The similarity checks' floor: a random control numbered from the block's first item like the rest.
    let withFloor = SimilarityComparison.withFloorControl(all).map {
      $0.numberingItems(from: first)
    }
    if let settings = checks.modelRandomization {
      progress("cascading randomization: \(all.count) methods × \(configuration.seeds.count) seeds")
      let check = try configuration.modelRandomizationCheck(settings)
      // Each seed's stages are drawn as they are used, so memory does not grow with the seeds.
      part.modelRandomization = try check.methodScores(
        model: model, stages: .init(drawnFrom: model, check.configuration), input: data.inputs,
        targets: targets, explainers: withFloor,
        observe: motifScores?.observer(reusing: settings, seeds: configuration.seeds))
    }
    if let settings = checks.labelRandomization {
      part.labelRandomization = try labelScores(settings) { motifScores?.permutedModel = $0 }
    }
    if let settings = checks.classSensitivity {
      progress("class sensitivity")
      part.classSensitivity = try configuration.classSensitivityCheck(settings).methodScores(
        model: model, input: data.inputs, explainers: withFloor)
    }
    if let settings = checks.inputInvariance {
      progress("input invariance")
      part.inputInvariance = try InputInvarianceCheck()
        .differences(
          model: model, input: data.inputs,
          explainers: try settings.methods.map { try explainer($0) }
        )
        .map { RunPart.ItemValues(method: $0.method, values: $0.values) }
    }
    if let settings = checks.motifRecovery {
      progress("motif recovery on the trained and randomized models")
      let motifs = try self.motifs(settings)
      let sites = try self.sites(settings, motifs: motifs)
      let information = Dictionary(
        motifs.map { ($0.identifier, MotifRecovery.informationContent($0.probabilities)) },
        uniquingKeysWith: { first, _ in first })
      let check = configuration.motifRecoveryCheck(informationContent: information)
      part.motifRecovery = RunPart.MotifScores(
        methods: try check.methodScores(
          model: model, input: data.inputs, instances: sites, targets: targets, explainers: all),
        chance: check.chanceLevels(sites, length: data.inputs.shape[1]).map {
          .init(metric: $0.0, values: $0.1)
        },
        informationContent: information)
      (part.examples, part.classPairs) = try examples(sites: sites)
    }
    try dnaChecks(into: &part)
    if let motifScores {
      progress("motifs on the trained and randomized models")
      part.motifCheck = try motifScores.scores(self)
    }
    return part
  }

  /// Writes the block's maps of every exported method.
  func exportAttributions(to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let targets = self.targets ?? model.predictedTargets(data.inputs)
    for (index, name) in configuration.exports.attributions.enumerated() {
      progress(
        "explanations: \(name) (\(index + 1) of \(configuration.exports.attributions.count))")
      let attribution = try explainer(name, comparing: false).attribution(
        for: data.inputs, targets: targets, in: model)
      try AttributionExport(
        attributions: attribution.values,
        predictions: Tensor(
          shape: [attribution.predictions.count], scalars: attribution.predictions),
        ids: data.ids,
        metadata: .init(
          method: attribution.method, targets: targets, modelFile: configuration.model,
          settings: [
            Self.correctionAttribute: .string(
              configuration.gradientCorrectionSetting, .variableUTF8)
          ])
      ).writeHDF5(to: folder.appendingPathComponent("\(name).h5"))
    }
  }

  /// Label randomization on the block's share of the explained items, and both models' outputs;
  /// `trained` receives the label-permuted model (the motif check explains it too).
  func labelScores(
    _ settings: RunConfiguration.LabelRandomization, trained: (Model) -> Void = { _ in }
  ) throws -> RunPart.LabelScores {
    let training = try InputData.load(URL(fileURLWithPath: settings.trainingFile)).prefix(
      settings.trainingLimit)
    progress("label randomization: training twice on \(training.ids.count) sequences")
    let trainer = configuration.trainer(settings)
    let check = try configuration.labelRandomizationCheck(settings)
    let trainingLabels = training.flatLabels ?? []
    try trainer.validate(
      model.initialized(seed: configuration.seed), inputs: training.inputs, labels: trainingLabels,
      validation: nil,
      names: ("training data", "test data"))
    let (trueModel, permutedModel, permuted) = check.trained(
      initial: model.initialized(seed: configuration.seed),
      training: (training.inputs, trainingLabels), trainer: trainer,
      permutationSeed: configuration.seed)
    trained(permutedModel)
    let explained = first..<max(first, min(first + data.ids.count, settings.items))
    let local = (explained.lowerBound - first)..<(explained.upperBound - first)
    let explainers = SimilarityComparison.withFloorControl(
      try settings.methods.map { try explainer($0) }
    )
    .map { $0.numberingItems(from: first) }
    let methods =
      local.isEmpty
      ? []
      : try check.methodScores(
        trueModel, permutedModel, input: data.inputs.items(local), explainers: explainers)
    var trainingRows: [ResultRow] = []
    for (stage, model, labels) in [
      (ResultStage.trueLabels, trueModel, trainingLabels),
      (.permutedLabels, permutedModel, permuted),
    ] {
      trainingRows += check.performanceRows(
        stage, model, trainer: trainer, data: (training.inputs, labels), split: "train")
    }
    let labels = data.flatLabels ?? []
    return RunPart.LabelScores(
      methods: methods, modelNames: [trueModel.name, permutedModel.name],
      trainingRows: trainingRows,
      trueOutputs: labels.isEmpty ? [] : trueModel.forward(data.inputs).scalars,
      permutedOutputs: labels.isEmpty ? [] : permutedModel.forward(data.inputs).scalars,
      labels: labels)
  }

  /// The planted motifs: the MEME file's first `settings.motifs`.
  func motifs(_ settings: RunConfiguration.MotifRecoverySettings) throws -> [MEMEMotif] {
    Array(try MEMEMotif.read(URL(fileURLWithPath: settings.memeFile)).prefix(settings.motifs))
  }

  /// The planted sites of the block's items, of the given motifs.
  func sites(_ settings: RunConfiguration.MotifRecoverySettings, motifs: [MEMEMotif]) throws
    -> [[MotifInstance]]
  {
    MotifInstance.grouped(
      try MotifInstance.readTable(URL(fileURLWithPath: settings.sitesFile)), by: data.ids,
      motifs: Set(motifs.map(\.identifier)))
  }

  /// Report examples: the block's first three items with planted sites, with their maps at every
  /// stage of the first seed, and two classes' maps of the first one.
  func examples(sites: [[MotifInstance]]) throws -> ([RunPart.Example], [RunPart.ClassPair]) {
    let chosen = Array(data.ids.indices.filter { !sites[$0].isEmpty }.prefix(3))
    let order =
      RandomizationOrder(rawValue: configuration.checks.modelRandomization?.order ?? "")
      ?? .cascadingTopDown
    let stages = model.randomizationStages(
      order: order, scheme: .glorotUniform, seed: configuration.seeds[0])
    let methods = ["saliency", "integrated-gradients", "guided-backprop"].filter(
      configuration.methods.contains)
    var examples: [RunPart.Example] = []
    for item in chosen {
      let input = data.inputs.items(item..<(item + 1))
      var maps: [RunPart.StageValues] = []
      for name in methods {
        let explainer = try self.explainer(name, comparing: false).numberingItems(
          from: first + item)
        for (stage, stageModel) in [("original", model)] + stages.map({ ($0.name, $0.model) }) {
          let map = try explainer.attribution(
            for: input, targets: [target ?? 0], in: stageModel
          ).values
          maps.append(
            .init(
              stage: stage, method: name,
              values: AttributionView.observedBase.values(of: map, input: input).scalars))
        }
      }
      examples.append(
        .init(
          id: data.ids[item],
          sequence: String(decoding: OneHot.sequences(from: input)[0], as: UTF8.self),
          motif: sites[item].first.map { [$0.start, $0.end] }, stages: maps))
    }
    var pairs: [RunPart.ClassPair] = []
    if let item = chosen.first, model.outputShape.count >= 2 {
      let input = data.inputs.items(item..<(item + 1))
      for name in ["saliency", "guided-backprop"].filter(configuration.methods.contains) {
        let explainer = try self.explainer(name, comparing: false).numberingItems(
          from: first + item)
        let maps = try [0, 1].map { task in
          AttributionView.observedBase.values(
            of: try explainer.attribution(for: input, targets: [task], in: model).values,
            input: input
          ).scalars
        }
        pairs.append(.init(id: data.ids[item], method: name, mapA: maps[0], mapB: maps[1]))
      }
    }
    return (examples, pairs)
  }
}

extension RunConfiguration {
  /// The model randomization check of the settings.
  func modelRandomizationCheck(_ settings: ModelRandomization) throws -> ModelRandomizationCheck {
    ModelRandomizationCheck(
      .init(
        order: RandomizationOrder(rawValue: settings.order) ?? .cascadingTopDown, seeds: seeds,
        metrics: try RunPipeline.metrics(settings.metrics),
        view: AttributionView(rawValue: settings.view) ?? .full))
  }

  /// The label randomization check of the settings.
  func labelRandomizationCheck(_ settings: LabelRandomization) throws -> DataRandomizationCheck {
    DataRandomizationCheck(
      metrics: try RunPipeline.metrics(settings.metrics),
      view: AttributionView(rawValue: settings.view) ?? .full)
  }

  /// The class sensitivity check of the settings.
  func classSensitivityCheck(_ settings: ClassSensitivity) throws -> ClassSensitivityCheck {
    ClassSensitivityCheck(
      metrics: try RunPipeline.metrics(settings.metrics),
      view: AttributionView(rawValue: settings.view) ?? .full,
      other: .unit(settings.otherUnit))
  }

  /// The motif recovery check of the run's seeds.
  /// - Parameter informationContent: Per planted motif, each column's information
  ///   (``MotifRecovery/informationContent(_:)``), which labels the positions AUROC and AUPR count.
  /// - Returns: The check, with the run's seeds.
  func motifRecoveryCheck(informationContent: [String: [Double]]) -> MotifRecovery {
    MotifRecovery(.init(seeds: seeds, informationContent: informationContent))
  }

  /// The training schedule of label randomization.
  func trainer(_ settings: LabelRandomization) -> Trainer {
    Trainer(
      .init(
        loss: .binaryCrossEntropy, optimizer: .adam(learningRate: settings.learningRate),
        epochs: settings.epochs,
        batchSize: settings.batchSize, seed: seed))
  }
}
