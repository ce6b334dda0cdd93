import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check`: the sanity checks, each written as a tidy table with verdicts.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Run a sanity check: model randomization, label randomization, class sensitivity or input invariance.",
    subcommands: [
      CheckModelCommand.self, CheckLabelsCommand.self, CheckClassCommand.self,
      CheckInvarianceCommand.self,
      CheckMotifsCommand.self, CheckRCCommand.self, CheckSimplexCommand.self,
    ])
}

/// Options shared by the checks.
struct CheckOptions: ParsableArguments {
  @Option(help: "Comma-separated methods (controls random, constant and input are always added).")
  var methods: String =
    "saliency,gradient-x-input,integrated-gradients,guided-backprop,epsilon-lrp,grad-cam"

  @Option(help: "Comma-separated metrics: spearman, spearman-abs, pearson, ssim, hog, nmse, top-k.")
  var metrics: String = "spearman,spearman-abs"

  @Option(help: "DNA comparison view: full, observed-base or channel-sum.")
  var view: String = "observed-base"

  @Option(
    help:
      "Similarity below which a method passes (default 0.4 for model randomization, 0.5 otherwise)."
  )
  var threshold: Double?

  @Option(parsing: .unconditional, help: "k of the top-k metric (at least 1).")
  var topK: Int = 20

  @Option(
    help: "Results: .tsv or .json (standard output when absent or `-`: TSV, or JSON with --json).")
  var output: String?

  @Flag(help: "Keep per-item values in JSON results.")
  var perItem = false

  @Flag(help: "Exit with code 1 when any method (not a control) fails a check.")
  var failOnFail = false

  @Flag(
    help:
      "DNA: subtract each position's mean over A, C, G, T from every method's map (off-simplex gradient correction)."
  )
  var correctGradient = false

  func validate() throws {
    try FlagCheck.atLeast(1, topK, "--top-k")
    try FlagCheck.finite(threshold, "--threshold")
    _ = try similarityMetrics()
    _ = try comparisonView()
  }

  /// Checks `--output` against the run's inputs before any work starts.
  func destination(json: Bool, inputs: [String?]) throws -> (
    destination: OutputDestination, format: OutputFormat
  ) {
    try Outputs.destination(
      output, formats: [.tsv, .json], standardOutputFormat: json ? .json : .tsv, inputs: inputs)
  }

  /// The similarity metrics.
  func similarityMetrics() throws -> [any SimilarityMetric] {
    try metrics.split(separator: ",").map { name -> any SimilarityMetric in
      switch name {
      case "spearman": return SpearmanRankCorrelation()
      case "spearman-abs": return SpearmanRankCorrelation(absolute: true)
      case "pearson": return PearsonCorrelation()
      case "ssim": return SSIM()
      case "hog": return HOGSimilarity()
      case "nmse": return NormalizedMSE()
      case "top-k": return TopKIntersection(k: topK)
      default:
        throw ValidationError(
          "unknown metric '\(name)'; choose from spearman, spearman-abs, pearson, ssim, hog, nmse, top-k"
        )
      }
    }
  }

  /// The comparison view.
  func comparisonView() throws -> AttributionView {
    guard let view = AttributionView(rawValue: view) else {
      throw ValidationError("--view must be full, observed-base or channel-sum, not '\(self.view)'")
    }
    return view
  }

  /// The methods followed by the three controls.
  func explainers(_ methodOptions: MethodOptions, seed: UInt64) throws -> [any Explainer] {
    let controls = ["random", "constant", "input"]
    let names =
      methods.split(separator: ",").map(String.init).filter { !controls.contains($0) } + controls
    return try methodOptions.explainers(names.joined(separator: ","), seed: seed).map {
      $0.simplexCorrected(correctGradient)
    }
  }

  /// Writes the report to the checked destination and applies `--fail-on-fail`.
  func finish(
    _ report: CheckReport, to output: (destination: OutputDestination, format: OutputFormat),
    quiet: Bool
  ) throws {
    var report = report
    report.settings["gradient-correction"] =
      correctGradient ? "applied (\(SimplexCorrected.identifier))" : "not applied"
    guard !report.rows.isEmpty else {
      throw ValidationError("the check produced no results; give at least one method and metric")
    }
    switch output.format {
    case .json:
      let text = try report.json()
      try AtomicOutput.write(
        output.destination.url == nil ? text + Data("\n".utf8) : text, to: output.destination)
    default:
      try AtomicOutput.write(report.tsv, to: output.destination)
    }
    if output.destination.url != nil { Progress.note("wrote \(output.destination)", quiet: quiet) }
    for verdict in report.verdicts {
      Progress.note(
        "\(verdict.check) \(verdict.method)\(verdict.target.map { " (\($0))" } ?? ""): \(verdict.outcome.rawValue) — \(verdict.evidence)",
        quiet: quiet)
    }
    // Controls are judged too and are expected to fail; only a method's failure sets the exit code.
    if failOnFail, report.verdicts.contains(where: { $0.outcome == .fails && $0.control == nil }) {
      throw ExitCode(1)
    }
  }
}
