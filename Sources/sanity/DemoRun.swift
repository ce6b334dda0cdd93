import Foundation
import SanityChecker

/// The demo's data, model and steps.
struct DemoRun {
  let model: Model
  let data: InputData
  let training: InputData
  let sites: [[MotifInstance]]
  let motifs: [MEMEMotif]
  let seeds: [UInt64]
  let seed: UInt64
  let quiet: Bool
  let methods: MethodOptions

  static let methodNames = [
    "saliency", "gradient-x-input", "integrated-gradients", "smoothgrad", "guided-backprop", "deconvnet", "epsilon-lrp",
    "grad-cam", "guided-grad-cam", "deeplift", "deepshap", "ism",
  ]

  /// The files the demo reads, below `root`.
  static func inputFiles(root: URL) -> [URL] {
    ["Genomes/example-test.fa", "Genomes/example-train.fa.gz", "Models/deepbind-example.h5", "Genomes/motifs.meme",
     "Genomes/example-test.motifs.tsv"].map { root.appendingPathComponent($0) }
  }

  init(root: URL, count: Int, seeds: Int, seed: UInt64, quiet: Bool) throws {
    let genomes = root.appendingPathComponent("Genomes")
    data = try InputData.load(genomes.appendingPathComponent("example-test.fa")).prefix(count)
    training = try InputData.load(genomes.appendingPathComponent("example-train.fa.gz")).prefix(3000)
    model = try ModelLoader.load(root.appendingPathComponent("Models/deepbind-example.h5"), sequenceLength: data.inputs.shape[1])
    motifs = try MEMEMotif.read(genomes.appendingPathComponent("motifs.meme"))
    sites = MotifInstance.grouped(
      try MotifInstance.readTable(genomes.appendingPathComponent("example-test.motifs.tsv")), by: data.ids,
      motifs: Set(motifs.prefix(1).map(\.identifier)))
    methods = try MethodOptions.parse([])
    self.seeds = (0..<UInt64(max(1, seeds))).map { seed &+ $0 }
    self.seed = seed
    self.quiet = quiet
  }

  /// Every method and control.
  func explainers() throws -> [any Explainer] {
    try methods.explainers((Self.methodNames + ["random", "constant", "input"]).joined(separator: ","), seed: seed)
  }

  /// Explanations, cascading randomization, label randomization, class sensitivity and input invariance.
  func run(writingAttributionsTo folder: URL) throws -> CheckReport {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let targets = [Int](repeating: 0, count: data.ids.count)
    let all = try explainers()
    let progress = Progress("explanations", total: Self.methodNames.count, quiet: quiet)
    for (index, name) in Self.methodNames.enumerated() {
      let attribution = try methods.explainer(name, seed: seed).attribution(for: data.inputs, targets: targets, in: model)
      try AttributionExport(
        attributions: attribution.values, predictions: Tensor(shape: [attribution.predictions.count], scalars: attribution.predictions),
        ids: data.ids, metadata: .init(method: attribution.method, targets: targets, modelFile: "Models/deepbind-example.h5")
      ).writeHDF5(to: folder.appendingPathComponent("\(name).h5"))
      progress.update(index + 1)
    }
    let metrics: [any SimilarityMetric] = [SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true), SSIM()]
    Progress.note("cascading randomization: \(all.count) methods × \(seeds.count) seeds", quiet: quiet)
    let cascade = try ModelRandomizationCheck(.init(seeds: seeds, metrics: metrics, view: .observedBase))
      .run(model: model, input: data.inputs, targets: targets, explainers: all)
    Progress.note("label randomization: training twice on \(training.ids.count) sequences", quiet: quiet)
    let trainer = Trainer(.init(loss: .binaryCrossEntropy, optimizer: .adam(learningRate: 3e-3), epochs: 6, batchSize: 64, seed: seed))
    let gradientMethods = try methods.explainers("saliency,integrated-gradients,guided-backprop,random,input", seed: seed)
    let labels = try DataRandomizationCheck(metrics: metrics, view: .observedBase).run(
      initial: model.initialized(seed: seed), training: (training.inputs, training.flatLabels ?? []),
      test: data.flatLabels.map { (data.inputs, $0) }, trainer: trainer, permutationSeed: seed,
      input: data.inputs.items(0..<min(100, data.ids.count)), explainers: gradientMethods)
    Progress.note("class sensitivity and input invariance", quiet: quiet)
    let classes = try ClassSensitivityCheck(metrics: metrics, view: .observedBase, other: .unit(1))
      .run(model: model, input: data.inputs, explainers: all)
    let invariance = try InputInvarianceCheck().run(
      model: model, input: data.inputs, explainers: try methods.explainers("saliency,gradient-x-input,integrated-gradients", seed: seed))
    Progress.note("motif recovery on the trained and randomized models", quiet: quiet)
    let recovery = try MotifRecovery(.init(seeds: seeds)).run(
      model: model, input: data.inputs, instances: sites, targets: targets, explainers: all)
    var report = CheckReport.merging([cascade, labels, classes, invariance, recovery])
    report.settings["model-file"] = "Models/deepbind-example.h5"
    report.settings["input-file"] = "Genomes/example-test.fa (first \(data.ids.count))"
    return report
  }

  /// The report page: verdicts, curves, logos of example sequences per stage, and a class pair.
  func reportContent(_ report: CheckReport) throws -> ReportContent {
    let examples = Array(data.ids.enumerated().filter { !sites[$0.offset].isEmpty }.prefix(3))
    let stages = model.randomizationStages(order: .cascadingTopDown, scheme: .glorotUniform, seed: seeds[0])
    var dnaExamples: [DNAExample] = []
    for (item, id) in examples {
      let input = data.inputs.items(item..<(item + 1))
      var maps: [StageMap] = []
      for name in ["saliency", "integrated-gradients", "guided-backprop"] {
        let explainer = try methods.explainer(name, seed: seed)
        for (stageName, stageModel) in [("original", model)] + stages.map({ ($0.name, $0.model) }) {
          let map = try explainer.attribution(for: input, targets: [0], in: stageModel).values
          maps.append(StageMap(stage: stageName, method: name, values: AttributionView.observedBase.values(of: map, input: input).scalars))
        }
      }
      dnaExamples.append(DNAExample(id: id, sequence: String(decoding: OneHot.sequences(from: input)[0], as: UTF8.self), motif: sites[item].first.map { $0.start..<$0.end }, stages: maps))
    }
    var pairs: [ClassSensitivityExample] = []
    if let (item, id) = examples.first {
      let input = data.inputs.items(item..<(item + 1))
      for name in ["saliency", "guided-backprop"] {
        let explainer = try methods.explainer(name, seed: seed)
        let maps = try [0, 1].map { task in
          AttributionView.observedBase.values(of: try explainer.attribution(for: input, targets: [task], in: model).values, input: input).scalars
        }
        pairs.append(
          ClassSensitivityExample(id: id, method: name, classA: "\(taskName(0)) task", classB: "\(taskName(1)) task", mapA: maps[0], mapB: maps[1], width: maps[0].count))
      }
    }
    return ReportContent(
      title: "SanityChecker: can these explanations be trusted?",
      subtitle: "DeepBind-architecture model on simulated ChIP-seq sequences with planted JASPAR motifs",
      report: report, modelDescription: "Models/deepbind-example.h5 (\(model.layerNames.joined(separator: " → ")))",
      dataDescription: "Genomes/example-test.fa, \(data.ids.count) sequences of \(data.inputs.shape[1]) bp",
      dnaExamples: dnaExamples, classSensitivity: pairs)
  }

  /// The factor of a task, from the example's motif file.
  func taskName(_ task: Int) -> String {
    task < motifs.count ? motifs[task].name : "task \(task)"
  }
}
