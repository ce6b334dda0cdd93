/// Everything a batch run does, read from a JSON or YAML file (``load(from:)``): the model, the
/// inputs, the methods, the checks with their settings, the seeds, the exports and the memory
/// budget.
///
/// `sanity demo` is the run of ``demo(count:seeds:seed:)``; `sanity run --print-config` writes
/// that configuration as a starting point. Paths are relative to the folder the run starts in.
/// Each check is run when its key is present and skipped when it is absent.
///
/// ```yaml
/// model: Models/deepbind-example.h5
/// inputs: {file: Genomes/example-test.fa, limit: 200}
/// methods: [saliency, integrated-gradients]
/// controls: [random, constant, input]
/// seed: 0
/// seeds: [0, 1, 2, 3, 4]
/// checks:
///   modelRandomization: {metrics: [spearman, spearman-abs, ssim], view: observed-base}
/// exports: {attributions: [saliency], report: true}
/// ```
public struct RunConfiguration: Codable, Equatable, Sendable {
  /// The model file (Keras `.h5`, DeepBind parameters or ONNX, as `sanity explain` reads).
  public var model: String
  /// The explained sequences.
  public var inputs: Inputs
  /// The explained output unit of every item, by index or name (`nil`: each item's predicted
  /// unit).
  public var target: RunTarget?
  /// The explained methods, by their command-line names (`saliency`, `ism` …).
  public var methods: [String]
  /// The controls compared beside the methods (`random`, `constant`, `input`).
  public var controls: [String]
  /// How the methods are configured.
  public var methodSettings: MethodSettings
  /// The seed of the seeded methods, the label permutation and the training.
  public var seed: UInt64
  /// The seeds of the randomization checks; the randomized weights depend on the seed only.
  public var seeds: [UInt64]
  /// The checks and their settings.
  public var checks: Checks
  /// What is written besides `results.tsv` and `results.json`.
  public var exports: Exports
  /// The memory budget (`4G`, `512M` …; `nil`: the default).
  public var memory: String?
  /// The report's title and subtitle.
  public var title: String
  /// The report's subtitle.
  public var subtitle: String

  /// The explained sequences: a FASTA file (plain or gzip), optionally only its first records.
  public struct Inputs: Codable, Equatable, Sendable {
    /// The sequence file.
    public var file: String
    /// At most this many records from the start (`nil`: all).
    public var limit: Int?
  }

  /// Every check the run can do; a missing key skips the check.
  public struct Checks: Codable, Equatable, Sendable {
    /// Cascading model randomization (Adebayo et al., 2018).
    public var modelRandomization: ModelRandomization?
    /// Label (data) randomization: training on true and permuted labels.
    public var labelRandomization: LabelRandomization?
    /// Class sensitivity against a fixed other output unit.
    public var classSensitivity: ClassSensitivity?
    /// Input invariance under a constant shift compensated by the first layer's bias.
    public var inputInvariance: InputInvariance?
    /// Recovery of the planted motifs on the trained and randomized models.
    public var motifRecovery: MotifRecoverySettings?
    /// Reverse-complement consistency of DNA maps (settings in `RunConfiguration+DNAChecks.swift`).
    public var reverseComplement: ReverseComplement?
    /// The off-simplex gradient diagnostic (settings in `RunConfiguration+DNAChecks.swift`).
    public var offSimplex: OffSimplex?
    /// Seqlets, motifs and their database matches on the trained and randomized models.
    public var motifs: Motifs?
  }

  /// Settings of ``ModelRandomizationCheck``.
  public struct ModelRandomization: Codable, Equatable, Sendable {
    /// The metrics (`spearman`, `spearman-abs`, `pearson`, `ssim`, `hog`, `nmse`).
    public var metrics: [String]
    /// The comparison view (`full`, `observed-base`, `channel-sum`).
    public var view: String
    /// The order (`cascading`, `bottom-up`, `independent`, `complete`).
    public var order: String
  }

  /// Settings of ``DataRandomizationCheck``.
  public struct LabelRandomization: Codable, Equatable, Sendable {
    /// The labelled training sequences (FASTA with `label=` headers).
    public var trainingFile: String
    /// At most this many training records (`nil`: all).
    public var trainingLimit: Int?
    /// The methods and controls compared (a subset of ``RunConfiguration/methods`` and controls).
    public var methods: [String]
    /// Only the first this many inputs are explained.
    public var items: Int
    /// Training epochs of both models.
    public var epochs: Int
    /// The mini-batch size.
    public var batchSize: Int
    /// Adam's learning rate.
    public var learningRate: Float
    /// The metrics.
    public var metrics: [String]
    /// The comparison view.
    public var view: String
  }

  /// Settings of ``ClassSensitivityCheck``.
  public struct ClassSensitivity: Codable, Equatable, Sendable {
    /// The metrics.
    public var metrics: [String]
    /// The comparison view.
    public var view: String
    /// The other output unit compared with the predicted one.
    public var otherUnit: Int
  }

  /// Settings of ``InputInvarianceCheck``.
  public struct InputInvariance: Codable, Equatable, Sendable {
    /// The methods checked.
    public var methods: [String]
  }

  /// Settings of ``MotifRecovery``.
  public struct MotifRecoverySettings: Codable, Equatable, Sendable {
    /// The MEME motif file.
    public var memeFile: String
    /// The table of planted sites (`sanity simulate`'s `.motifs.tsv`).
    public var sitesFile: String
    /// The motifs scored, by their place in the MEME file (the explained task's motif first).
    public var motifs: Int
  }

  /// What a run writes besides its results.
  public struct Exports: Codable, Equatable, Sendable {
    /// Methods whose maps are written to `attributions/<method>.h5`.
    public var attributions: [String]
    /// Whether `report.html` is written.
    public var report: Bool
  }

  /// The configuration of `sanity demo`: every method and check on the shipped example.
  /// - Parameters:
  ///   - count: The explained test sequences.
  ///   - seeds: The number of seeds, counted from `seed`.
  ///   - seed: The first seed.
  /// - Returns: The configuration.
  public static func demo(count: Int = 200, seeds: Int = 5, seed: UInt64 = 0) -> RunConfiguration {
    let methods = [
      "saliency", "gradient-x-input", "integrated-gradients", "smoothgrad", "guided-backprop",
      "deconvnet", "epsilon-lrp",
      "grad-cam", "guided-grad-cam", "deeplift", "deepshap", "ism",
    ]
    let metrics = ["spearman", "spearman-abs", "ssim"]
    var configuration = RunConfiguration(
      model: "Models/deepbind-example.h5",
      inputs: Inputs(file: "Genomes/example-test.fa", limit: count),
      target: 0, methods: methods, controls: ["random", "constant", "input"],
      methodSettings: MethodSettings(), seed: seed,
      seeds: (0..<UInt64(max(1, seeds))).map { seed &+ $0 },
      checks: Checks(
        modelRandomization: ModelRandomization(
          metrics: metrics, view: "observed-base", order: "cascading"),
        labelRandomization: LabelRandomization(
          trainingFile: "Genomes/example-train.fa.gz", trainingLimit: 3000,
          methods: ["saliency", "integrated-gradients", "guided-backprop", "random", "input"],
          items: 100, epochs: 6,
          batchSize: 64, learningRate: 3e-3, metrics: metrics, view: "observed-base"),
        classSensitivity: ClassSensitivity(metrics: metrics, view: "observed-base", otherUnit: 1),
        inputInvariance: InputInvariance(methods: [
          "saliency", "gradient-x-input", "integrated-gradients",
        ]),
        motifRecovery: MotifRecoverySettings(
          memeFile: "Genomes/motifs.meme", sitesFile: "Genomes/example-test.motifs.tsv", motifs: 1),
        motifs: Motifs(
          database: "Genomes/motifs.meme",
          methods: [
            "saliency", "gradient-x-input", "integrated-gradients", "guided-backprop", "ism",
          ],
          order: "cascading", seeds: [seed], significance: 0.05)),
      exports: Exports(attributions: methods, report: true), memory: nil,
      title: "SanityChecker: can these explanations be trusted?",
      subtitle:
        "DeepBind-architecture model on simulated ChIP-seq sequences with planted JASPAR motifs")
    configuration.methodSettings.correctGradient = false
    configuration.checks.reverseComplement = demoReverseComplement(methods: methods)
    configuration.checks.offSimplex = demoOffSimplex
    return configuration
  }
}

extension RunConfiguration {
  /// The configuration with every relative file path read below `folder`.
  /// - Parameter folder: The folder the paths are relative to.
  /// - Returns: The relocated configuration.
  public func relocated(to folder: String) -> RunConfiguration {
    func path(_ name: String) -> String { name.hasPrefix("/") ? name : folder + "/" + name }
    var copy = self
    copy.model = path(model)
    copy.inputs.file = path(inputs.file)
    copy.checks.labelRandomization?.trainingFile = path(
      checks.labelRandomization?.trainingFile ?? "")
    copy.checks.motifRecovery?.memeFile = path(checks.motifRecovery?.memeFile ?? "")
    copy.checks.motifRecovery?.sitesFile = path(checks.motifRecovery?.sitesFile ?? "")
    copy.checks.motifs?.database = path(checks.motifs?.database ?? "")
    return copy
  }
}
