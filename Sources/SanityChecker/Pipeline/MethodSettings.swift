/// How the methods of a run are configured, with the defaults of `sanity explain`.
public struct MethodSettings: Codable, Equatable, Sendable {
  /// Integration points of Integrated Gradients.
  public var steps: Int = 50
  /// `riemann-trapezoid` or `gauss-legendre`.
  public var integration: String = "riemann-trapezoid"
  /// `zeros`, `uniform` or `shuffle:K` (Integrated Gradients and DeepLIFT).
  public var baseline: String = "zeros"
  /// Dinucleotide-shuffled references of DeepSHAP.
  public var references: Int = 10
  /// Noisy samples of SmoothGrad and VarGrad.
  public var samples: Int = 16
  /// SmoothGrad's noise σ as a fraction of the input range.
  public var sigma: Float = 0.15
  /// ε of epsilon-LRP.
  public var epsilon: Float = 1e-6
  /// Grad-CAM's layer (`nil`: the last convolution).
  public var layer: String?
  /// Grad-CAM's upsampling: `nearest` or `linear`.
  public var upsample: String = "nearest"
  /// Explain the probability instead of the logit.
  public var probability: Bool = false
  /// Whether each position's mean over A, C, G, T is subtracted from every method's map.
  ///
  /// The off-simplex gradient correction of Majdandzic et al. 2023 (``SimplexCorrected``);
  /// `nil` or `false`: not applied.
  public var correctGradient: Bool?
  /// DeepLIFT's and DeepSHAP's rule at max pooling: `difference-routing` (`nil`, the default),
  /// `captum` or `winner-takes-all` (``DeepLIFT/MaxPoolingRule``).
  public var maxPooling: String?
  /// ε-LRP's rules at sums and BatchNorm: `conservative` (`nil`, the default) or `zennit`
  /// (``EpsilonLRPExplainer/Composite``).
  public var lrpComposite: String?

  /// The defaults.
  public init() {}

  /// Every method name, with the controls last.
  public static let names = [
    "saliency", "gradient-x-input", "integrated-gradients", "smoothgrad", "vargrad", "epsilon-lrp",
    "guided-backprop",
    "deconvnet", "grad-cam", "guided-grad-cam", "deeplift", "deepshap", "ism", "random", "constant",
    "input",
  ]

  /// The explainer of a method name.
  /// - Parameters:
  ///   - name: The method.
  ///   - seed: The seed of seeded methods.
  ///   - key: Where the name was read, for errors.
  ///   - comparing: Configured for comparing maps: ISM then gives its mean-centred map (its raw
  ///     delta is 0 at every observed base).
  /// - Returns: The explainer.
  /// - Throws: ``RunConfigurationError/invalidValue(file:line:key:value:expected:)`` without a file
  ///   (``RunConfiguration/load(from:)`` adds it).
  public func explainer(_ name: String, seed: UInt64, key: String, comparing: Bool = true)
    throws(RunConfigurationError) -> any Explainer
  {
    let output: ExplainedOutput = probability ? .probability : .logit
    guard let rule = IntegrationRule(rawValue: integration) else {
      throw .invalid(
        key: "methodSettings.integration", value: integration,
        expected: "riemann-trapezoid or gauss-legendre")
    }
    guard let upsampling = GradCAM.Upsampling(rawValue: upsample) else {
      throw .invalid(key: "methodSettings.upsample", value: upsample, expected: "nearest or linear")
    }
    let gradCAM = GradCAM(layer: layer, upsampling: upsampling, output: output)
    let pooling = try maxPoolingRule()
    switch name {
    case "saliency": return Saliency(output: output)
    case "gradient-x-input": return GradientTimesInput(output: output)
    case "integrated-gradients":
      return IntegratedGradients(
        steps: steps, integration: rule, baseline: try parsedBaseline(seed: seed), output: output)
    case "smoothgrad":
      return SmoothGrad(samples: samples, noiseLevel: sigma, seed: seed, output: output)
    case "vargrad":
      return SmoothGrad(
        samples: samples, noiseLevel: sigma, seed: seed, statistic: .variance, output: output)
    case "epsilon-lrp":
      return EpsilonLRPExplainer(epsilon: epsilon, composite: try composite(), output: output)
    case "guided-backprop": return GuidedBackprop(output: output)
    case "deconvnet": return DeconvNet(output: output)
    case "grad-cam": return gradCAM
    case "guided-grad-cam": return GuidedGradCAM(gradCAM: gradCAM)
    case "deeplift":
      return DeepLIFT(
        baseline: try parsedBaseline(seed: seed), maxPooling: pooling, output: output)
    case "deepshap":
      return DeepSHAP(
        referenceCount: references, seed: seed, maxPooling: pooling, output: output)
    case "ism": return InSilicoMutagenesis(centred: comparing, output: output)
    case "random": return ControlExplainer(.random, seed: seed)
    case "constant": return ControlExplainer(.constant)
    case "input": return ControlExplainer(.input)
    default: throw .invalid(key: key, value: name, expected: Self.names.joined(separator: ", "))
    }
  }

  /// Checks every range.
  /// - Throws: ``RunConfigurationError`` naming the key.
  public func validate() throws(RunConfigurationError) {
    for (key, value) in [("steps", steps), ("references", references), ("samples", samples)]
    where value < 1 {
      throw .invalid(key: "methodSettings.\(key)", value: String(value), expected: "at least 1")
    }
    for (key, value) in [("sigma", sigma), ("epsilon", epsilon)]
    where !(value > 0) || !value.isFinite {
      throw .invalid(
        key: "methodSettings.\(key)", value: String(value), expected: "a number above 0")
    }
    _ = try parsedBaseline(seed: 0)
    _ = try maxPoolingRule()
    _ = try composite()
    _ = try explainer("saliency", seed: 0, key: "methods")
  }

  /// DeepLIFT's max-pooling rule of ``maxPooling``.
  func maxPoolingRule() throws(RunConfigurationError) -> DeepLIFT.MaxPoolingRule {
    switch maxPooling ?? "difference-routing" {
    case "difference-routing": return .differenceRouting
    case "captum": return .captum
    case "winner-takes-all": return .winnerTakesAll
    case let other:
      throw .invalid(
        key: "methodSettings.maxPooling", value: other,
        expected: "difference-routing, captum or winner-takes-all")
    }
  }

  /// ε-LRP's composite of ``lrpComposite``.
  func composite() throws(RunConfigurationError) -> EpsilonLRPExplainer.Composite {
    switch lrpComposite ?? "conservative" {
    case "conservative": return .conservative
    case "zennit": return .zennit
    case let other:
      throw .invalid(
        key: "methodSettings.lrpComposite", value: other, expected: "conservative or zennit")
    }
  }

  /// The baseline of Integrated Gradients and DeepLIFT.
  func parsedBaseline(seed: UInt64) throws(RunConfigurationError) -> IntegratedGradients.Baseline {
    let parts = baseline.split(separator: ":")
    switch parts.first {
    case "zeros": return .zeros
    case "uniform": return .constant(0.25)
    case "shuffle":
      let count = parts.count == 2 ? Int(parts[1]) : parts.count == 1 ? 10 : nil
      guard let count, count > 0 else {
        throw .invalid(
          key: "methodSettings.baseline", value: baseline,
          expected: "shuffle:K with a whole K of at least 1")
      }
      return .shuffled(count: count, seed: seed)
    default:
      throw .invalid(
        key: "methodSettings.baseline", value: baseline, expected: "zeros, uniform or shuffle[:K]")
    }
  }

  /// The similarity metric of a name.
  /// - Parameters:
  ///   - name: `spearman`, `spearman-abs`, `pearson`, `ssim`, `hog` or `nmse`.
  ///   - key: Where it was read.
  /// - Returns: The metric.
  /// - Throws: ``RunConfigurationError`` for an unknown name.
  static func metric(_ name: String, key: String) throws(RunConfigurationError)
    -> any SimilarityMetric
  {
    switch name {
    case "spearman": return SpearmanRankCorrelation()
    case "spearman-abs": return SpearmanRankCorrelation(absolute: true)
    case "pearson": return PearsonCorrelation()
    case "ssim": return SSIM()
    case "hog": return HOGSimilarity()
    case "nmse": return NormalizedMSE()
    default:
      throw .invalid(
        key: key, value: name, expected: "spearman, spearman-abs, pearson, ssim, hog or nmse")
    }
  }
}
