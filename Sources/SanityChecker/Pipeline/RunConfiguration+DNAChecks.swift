extension RunConfiguration {
  /// Settings of ``ReverseComplementCheck`` in a run.
  ///
  /// ```yaml
  /// reverseComplement: {methods: [saliency, random], metrics: [spearman], view: full, threshold: 0.9}
  /// ```
  public struct ReverseComplement: Codable, Equatable, Sendable {
    /// The methods and controls compared (of the run's; the input control is never run, since
    /// its map of RC(x) mapped back is x).
    public var methods: [String]
    /// The metrics (the first, with its magnitude variant, decides).
    public var metrics: [String]
    /// The comparison view.
    public var view: String
    /// The normalized agreement at or above which a method is consistent (`nil`: 0.9).
    public var threshold: Double?
  }

  /// Settings of ``OffSimplexDiagnostic`` in a run.
  ///
  /// ```yaml
  /// offSimplex: {methods: [saliency, smoothgrad], metrics: [spearman], modelRandomization: true}
  /// ```
  public struct OffSimplex: Codable, Equatable, Sendable {
    /// The methods diagnosed (of the run's); maps that are not `[L, 4]` or are multiplied by the
    /// one-hot input are reported as not applicable.
    public var methods: [String]
    /// The metrics comparing each map with its corrected map.
    public var metrics: [String]
    /// Whether model randomization (with `checks.modelRandomization`'s settings) also runs on the
    /// applicable methods with and without the correction.
    public var modelRandomization: Bool
  }

  /// The demo's reverse-complement settings: every method and the random and constant controls.
  /// - Parameter methods: The run's methods.
  /// - Returns: The settings.
  static func demoReverseComplement(methods: [String]) -> ReverseComplement {
    ReverseComplement(
      methods: methods + ["random", "constant"], metrics: ["spearman", "spearman-abs"],
      view: "full", threshold: nil)
  }

  /// The demo's off-simplex settings: the methods whose maps are gradients.
  static let demoOffSimplex = OffSimplex(
    methods: ["saliency", "smoothgrad", "guided-backprop", "deconvnet"], metrics: ["spearman"],
    modelRandomization: true)

  /// Checks the settings of the reverse-complement and off-simplex checks and the gradient
  /// correction.
  /// - Throws: ``RunConfigurationError/invalidValue(file:line:key:value:expected:)`` naming the key.
  func validateDNAChecks() throws(RunConfigurationError) {
    if let check = checks.reverseComplement {
      let key = "checks.reverseComplement"
      try Self.checkMetrics(check.metrics, key: key)
      try Self.checkView(check.view, key: key + ".view")
      try Self.checkMethods(
        check.methods, key: key, among: methods + controls, named: "methods or controls")
      if let threshold = check.threshold, !threshold.isFinite {
        throw .invalid(key: key + ".threshold", value: String(threshold), expected: "a number")
      }
    }
    if let check = checks.offSimplex {
      let key = "checks.offSimplex"
      try Self.checkMetrics(check.metrics, key: key)
      try Self.checkMethods(check.methods, key: key, among: methods, named: "methods")
      if check.modelRandomization, checks.modelRandomization == nil {
        throw .invalid(
          key: key + ".modelRandomization", value: "true",
          expected: "false, or checks.modelRandomization to take the settings from")
      }
    }
  }

  /// A check's method list: not empty, and each one of `names`.
  static func checkMethods(_ list: [String], key: String, among names: [String], named: String)
    throws(RunConfigurationError)
  {
    guard !list.isEmpty else {
      throw .invalid(key: key + ".methods", value: "[]", expected: "at least one method")
    }
    for (index, name) in list.enumerated() where !names.contains(name) {
      throw .invalid(
        key: "\(key).methods[\(index)]", value: name,
        expected: "one of the run's \(named)")
    }
  }

  /// The reverse-complement check of the settings.
  func reverseComplementCheck(_ settings: ReverseComplement) throws -> ReverseComplementCheck {
    ReverseComplementCheck(
      metrics: try RunPipeline.metrics(settings.metrics),
      view: AttributionView(rawValue: settings.view) ?? .full,
      threshold: settings.threshold ?? 0.9)
  }

  /// The off-simplex diagnostic of the settings (its model randomization is run by the pipeline).
  func offSimplexDiagnostic(_ settings: OffSimplex) throws -> OffSimplexDiagnostic {
    OffSimplexDiagnostic(metrics: try RunPipeline.metrics(settings.metrics))
  }

  /// Whether every method's maps are corrected for off-simplex gradients
  /// (``MethodSettings/correctGradient``).
  var isGradientCorrected: Bool { methodSettings.correctGradient ?? false }

  /// The results' `gradient-correction` setting: whether the run's methods were corrected.
  var gradientCorrectionSetting: String {
    isGradientCorrected ? "applied (\(SimplexCorrected.identifier))" : "not applied"
  }
}
