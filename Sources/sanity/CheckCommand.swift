import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check`: the sanity checks, each written as a tidy table with verdicts.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run a sanity check: model randomization, label randomization, class sensitivity or input invariance.",
    subcommands: [CheckModelCommand.self, CheckLabelsCommand.self, CheckClassCommand.self, CheckInvarianceCommand.self])
}

/// Options shared by the checks.
struct CheckOptions: ParsableArguments {
  @Option(help: "Comma-separated methods (controls random, constant and input are always added).")
  var methods: String = "saliency,gradient-x-input,integrated-gradients,guided-backprop,epsilon-lrp,grad-cam"

  @Option(help: "Comma-separated metrics: spearman, spearman-abs, pearson, ssim, hog, nmse, top-k.")
  var metrics: String = "spearman,spearman-abs"

  @Option(help: "DNA comparison view: full, observed-base or channel-sum.")
  var view: String = "observed-base"

  @Option(help: "Similarity below which a method passes (default 0.4 for model randomization, 0.5 otherwise).")
  var threshold: Double?

  @Option(help: "k of the top-k metric.")
  var topK: Int = 20

  @Option(help: "Results: .tsv or .json (the TSV is printed when absent).")
  var output: String?

  @Flag(help: "Keep per-item values in JSON results.")
  var perItem = false

  @Flag(help: "Exit with code 1 when any method fails a check.")
  var failOnFail = false

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
        throw ValidationError("unknown metric '\(name)'; choose from spearman, spearman-abs, pearson, ssim, hog, nmse, top-k")
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
    let names = methods.split(separator: ",").map(String.init).filter { !controls.contains($0) } + controls
    return try methodOptions.explainers(names.joined(separator: ","), seed: seed)
  }

  /// Writes the report (JSON on standard output with `--json` and no `--output`) and applies `--fail-on-fail`.
  func finish(_ report: CheckReport, quiet: Bool, json: Bool = false) throws {
    if let output {
      if output.hasSuffix(".json") {
        try OutputFile.write(try report.json(), to: URL(fileURLWithPath: output))
      } else {
        try OutputFile.write(report.tsv, to: output)
      }
      Progress.note("wrote \(output)", quiet: quiet)
    } else if json {
      FileHandle.standardOutput.write(try report.json())
      FileHandle.standardOutput.write(Data("\n".utf8))
    } else {
      try OutputFile.write(report.tsv, to: nil)
    }
    for verdict in report.verdicts {
      Progress.note("\(verdict.check) \(verdict.method): \(verdict.outcome.rawValue) — \(verdict.evidence)", quiet: quiet)
    }
    if failOnFail, report.verdicts.contains(where: { $0.outcome == .fails }) { throw ExitCode(1) }
  }
}
