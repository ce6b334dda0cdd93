import Foundation
import ArgumentParser
import SanityChecker

/// How each attribution method is configured from the command line.
struct MethodOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Integration points (integrated-gradients; at least 1).")
  var steps: Int = 50

  @Option(help: "riemann-trapezoid (Captum's, the default) or gauss-legendre.")
  var integration: String = "riemann-trapezoid"

  @Option(
    help:
      "Baseline (integrated-gradients, deeplift): zeros, uniform (0.25 each base) or shuffle[:K] (K dinucleotide shuffles)."
  )
  var baseline: String = "zeros"

  @Option(parsing: .unconditional, help: "Dinucleotide-shuffled references (deepshap; at least 1).")
  var references: Int = 10

  @Option(parsing: .unconditional, help: "Noisy samples (smoothgrad, vargrad; at least 1).")
  var samples: Int = 16

  @Option(
    parsing: .unconditional,
    help: "Noise σ as a fraction of the input range (smoothgrad, vargrad; above 0).")
  var sigma: Float = 0.15

  @Option(parsing: .unconditional, help: "ε of epsilon-lrp (above 0).")
  var epsilon: Float = 1e-6

  @Option(
    help:
      "ε-LRP's rules at sums and BatchNorm: conservative (relevance split in proportion, the default) or zennit (passed as gradients, as zennit's layer-map composite)."
  )
  var lrpComposite: String?

  @Option(
    help:
      "DeepLIFT/DeepSHAP at max pooling: difference-routing (conserves the delta, the default), captum (as Captum 0.9's hooks compose) or winner-takes-all."
  )
  var maxPooling: String?

  @Option(help: "Layer for grad-cam (default: the last convolution).")
  var layer: String?

  @Option(help: "Grad-CAM upsampling: nearest or linear.")
  var upsample: String = "nearest"

  @Flag(help: "Explain the probability (after a final sigmoid/softmax) instead of the logit.")
  var probability = false

  /// Checks every range before anything is loaded.
  ///
  /// σ = 0 is refused: noise-free samples are all the same gradient, so SmoothGrad would be
  /// Saliency and VarGrad all zeros.
  func validate() throws {
    try FlagCheck.atLeast(1, steps, "--steps")
    try FlagCheck.atLeast(1, references, "--references")
    try FlagCheck.atLeast(1, samples, "--samples")
    try FlagCheck.positive(sigma, "--sigma")
    try FlagCheck.positive(epsilon, "--epsilon")
    guard IntegrationRule(rawValue: integration) != nil else {
      throw ValidationError(
        "--integration must be riemann-trapezoid or gauss-legendre, not '\(integration)'")
    }
    guard GradCAM.Upsampling(rawValue: upsample) != nil else {
      throw ValidationError("--upsample must be nearest or linear, not '\(upsample)'")
    }
    _ = try parsedBaseline(seed: 0)
    let choices = [
      ("--max-pooling", maxPooling, ["difference-routing", "captum", "winner-takes-all"]),
      ("--lrp-composite", lrpComposite, ["conservative", "zennit"]),
    ]
    for (flag, value, allowed) in choices {
      if let value, !allowed.contains(value) {
        throw ValidationError(
          "\(flag) must be \(allowed.joined(separator: ", ")), not '\(value)'")
      }
    }
  }

  /// Every method name the CLI accepts, with the controls last.
  static let names = MethodSettings.names

  /// The flags as the library's method settings, which build every explainer.
  var methodSettings: MethodSettings {
    var settings = MethodSettings()
    settings.steps = steps
    settings.integration = integration
    settings.baseline = baseline
    settings.references = references
    settings.samples = samples
    settings.sigma = sigma
    settings.epsilon = epsilon
    settings.layer = layer
    settings.upsample = upsample
    settings.probability = probability
    settings.maxPooling = maxPooling
    settings.lrpComposite = lrpComposite
    return settings
  }

  /// The explainer for a method name, built by ``MethodSettings``.
  ///
  /// For comparisons, ISM gives its mean-centred map (the raw delta is 0 at every observed
  /// base). The flags' ranges were checked by ``validate()``.
  func explainer(_ name: String, seed: UInt64, comparing: Bool = false) throws -> any Explainer {
    guard Self.names.contains(name) else {
      throw ValidationError(
        "unknown method '\(name)'; choose from: \(Self.names.joined(separator: ", "))")
    }
    do {
      return try methodSettings.explainer(name, seed: seed, key: "--method", comparing: comparing)
    } catch {
      throw ValidationError(error.description)
    }
  }

  /// The explainers for a comma-separated list, configured for comparing maps.
  func explainers(_ list: String, seed: UInt64) throws -> [any Explainer] {
    try list.split(separator: ",").map {
      try explainer(String($0).trimmingCharacters(in: .whitespaces), seed: seed, comparing: true)
    }
  }

  /// The IG baseline from `--baseline`.
  func parsedBaseline(seed: UInt64) throws -> IntegratedGradients.Baseline {
    let parts = baseline.split(separator: ":")
    switch parts.first {
    case "zeros": return .zeros
    case "uniform": return .constant(0.25)
    case "shuffle":
      let count = parts.count == 2 ? Int(parts[1]) : parts.count == 1 ? 10 : nil
      guard let count, count > 0 else {
        throw ValidationError(
          "--baseline shuffle:K needs a whole K of at least 1, not '\(baseline)'")
      }
      return .shuffled(count: count, seed: seed)
    default:
      throw ValidationError("--baseline must be zeros, uniform or shuffle[:K], not '\(baseline)'")
    }
  }

  /// The settings recorded next to the results.
  var settings: [String: String] {
    var recorded = [
      "steps": String(steps), "integration": integration, "baseline": baseline,
      "samples": String(samples),
      "sigma": String(sigma), "epsilon": String(epsilon), "layer": layer ?? "last convolution",
      "upsample": upsample,
      "output": probability ? "probability" : "logit",
    ]
    recorded["max_pooling"] = maxPooling
    recorded["lrp_composite"] = lrpComposite
    return recorded
  }
}
