import Foundation

/// The two files `modisco motifs -s P.ohe.npz -a P.attr.npz -n MAX -w W` reads (modisco-lite 2.x,
/// kundajelab/tfmodisco): one-hot sequences and **hypothetical** contributions, each an `.npz`
/// whose single array `arr_0` is float32 `[N, 4, L]` (length last); plus `P.settings.json`
/// recording how the contributions were made.
///
/// Hypothetical contributions `h[n, l, b]` say what base `b` would contribute at position `l`;
/// TF-MoDISco takes `h ⊙ x` as the actual contributions. Per method:
///
/// | method | `h` | needs the model |
/// | --- | --- | --- |
/// | `deeplift`, `deepshap` | `mean_r (m_r − Σ_c r_c · m_{r,c})`, multipliers `m_r` combined with each reference `r` (``DeepLIFT/hypotheticalContributions(for:targets:in:)``) | yes |
/// | `saliency`, `smoothgrad` | the map itself: the (mean noisy) gradient at every base | no |
/// | `gradient-x-input` | the gradient at every base (Saliency of the same output) | yes |
/// | `integrated-gradients` | IG's path gradients averaged over baselines, `Σ_k w_k ∇f(x' + α_k (x − x'))` | yes |
/// | `ism` | the mean-centred delta `Δ[l, b] − mean_c Δ[l, c]` (from the raw delta `sanity explain` writes) | no |
///
/// Other methods (guided backprop, DeconvNet, ε-LRP, Grad-CAM, VarGrad, the controls) have no
/// hypothetical contributions and are refused.
///
/// **Gradient correction** (``correctsGradient``, off by default): for the gradient methods,
/// `h[l, b] − mean_c h[l, c]`, which removes the off-simplex component of the gradient
/// (Majdandzic, Rajesh & Koo 2023, "Correcting gradient-based interpretations of deep neural
/// networks for genomics", Genome Biology 24:109, doi:10.1186/s13059-023-02956-3). It is refused
/// for the other methods (ISM is centred already; DeepLIFT's references fix its baseline). The
/// choice is written to `P.settings.json` as `correct_gradient`.
public struct ModiscoExport: Sendable {
  /// The methods whose hypothetical contributions can be exported.
  public static let supportedMethods = [
    "deeplift", "deepshap", "saliency", "smoothgrad", "gradient-x-input", "integrated-gradients",
    "ism",
  ]
  /// The gradient methods, to which the correction applies.
  static let gradientMethods: Set<String> = [
    "saliency", "smoothgrad", "gradient-x-input", "integrated-gradients",
  ]

  /// Whether gradient methods' contributions are centred over the four bases at each position.
  public var correctsGradient: Bool

  /// Creates the export settings.
  /// - Parameter correctsGradient: Apply Majdandzic et al.'s correction (off by default).
  public init(correctsGradient: Bool = false) {
    self.correctsGradient = correctsGradient
  }

  /// The hypothetical contributions, `[N, L, 4]`.
  /// - Parameter explained: Sequences with maps (and the computation, for methods that need it).
  /// - Returns: The contributions, and a one-line statement of how they were made.
  /// - Throws: ``ModiscoError``, or an explainer's error.
  public func hypotheticalContributions(_ explained: ExplainedSequences) throws -> (
    values: Tensor, rule: String
  ) {
    let method = explained.method
    try validate(method: method, mapFile: explained.computation == nil ? explained.mapSource : nil)
    let inputs = explained.sequences
    let targets = explained.targets
    var values: Tensor
    var rule: String
    switch (method, explained.computation) {
    case ("saliency", _), ("smoothgrad", _):
      (values, rule) = (explained.attributions, "the gradient at every base (the map itself)")
    case ("ism", let computation):
      var deltas = explained.attributions
      if let computation, var ism = computation.explainer as? InSilicoMutagenesis, ism.isCentred {
        ism.isCentred = false
        deltas = try ism.attribution(for: inputs, targets: targets, in: computation.model).values
      }
      (values, rule) = (Self.centred(deltas), "the ISM delta minus its mean over the four bases")
    case (_, let computation):
      guard let computation else {
        throw ModiscoError.needsModel(method: method, file: explained.mapSource)
      }
      (values, rule) = try Self.computed(method, computation, inputs: inputs, targets: targets)
    }
    if correctsGradient {
      values = Self.centred(values)
      rule += ", minus its mean over the four bases (gradient correction)"
    }
    return (values, rule)
  }

  /// Checks that a method's hypothetical contributions can be exported with these settings,
  /// before any map is computed.
  /// - Parameters:
  ///   - method: The method's identifier.
  ///   - mapFile: The attribution file the maps are read from, or `nil` when they are computed
  ///     now (with the model at hand).
  /// - Throws: ``ModiscoError``.
  public func validate(method: String, mapFile: String?) throws(ModiscoError) {
    guard Self.supportedMethods.contains(method) else {
      throw .noHypotheticalContributions(method: method)
    }
    if correctsGradient, !Self.gradientMethods.contains(method) {
      throw .correctionNotApplicable(method: method)
    }
    if let mapFile, Self.modelMethods.contains(method) {
      throw .needsModel(method: method, file: mapFile)
    }
  }

  /// The methods whose contributions need the model.
  static let modelMethods: Set<String> = [
    "deeplift", "deepshap", "gradient-x-input", "integrated-gradients",
  ]

  /// Contributions that need the model: DeepLIFT/DeepSHAP, Gradient × Input, IG.
  private static func computed(
    _ method: String, _ computation: AttributionSource.Computation, inputs: Tensor,
    targets: [Int]
  ) throws -> (Tensor, String) {
    let model = computation.model
    // Seeded references and baselines are numbered by the item's index in the run, as the maps are.
    switch computation.explainer.numberingItems(from: computation.firstItem) {
    case let deepLIFT as DeepLIFT:
      let values = try deepLIFT.hypotheticalContributions(for: inputs, targets: targets, in: model)
      return (
        values, "DeepLIFT multipliers combined with the difference from each reference, averaged"
      )
    case let deepSHAP as DeepSHAP:
      let values = try deepSHAP.hypotheticalContributions(for: inputs, targets: targets, in: model)
      return (
        values,
        "DeepLIFT multipliers combined with the difference from each shuffled reference, averaged"
      )
    case let gradientTimesInput as GradientTimesInput:
      let saliency = Saliency(output: gradientTimesInput.output)
      let values = try saliency.attribution(for: inputs, targets: targets, in: model).values
      return (values, "the gradient at every base")
    case let integrated as IntegratedGradients:
      let values = try integrated.averagePathGradients(for: inputs, targets: targets, in: model)
      return (values, "the path gradients at every base, averaged over baselines")
    default:
      throw ModiscoError.noHypotheticalContributions(method: method)
    }
  }

  /// `v[l, b] − mean_c v[l, c]` at every position of `[N, L, 4]`.
  static func centred(_ values: Tensor) -> Tensor {
    Tensor(shape: values.shape) { out in
      values.withUnsafeBufferPointer { v in
        for position in stride(from: 0, to: v.count, by: 4) {
          let mean = (v[position] + v[position + 1] + v[position + 2] + v[position + 3]) / 4
          for base in 0..<4 { out[position + base] = v[position + base] - mean }
        }
      }
    }
  }

  /// The three destinations of an output prefix: `P.ohe.npz`, `P.attr.npz`, `P.settings.json`.
  /// - Parameters:
  ///   - prefix: The prefix as given.
  ///   - inputs: Every file the run reads.
  /// - Returns: The checked destinations, distinct from the inputs and from each other.
  /// - Throws: ``OutputError``.
  public static func destinations(prefix: String, inputs: [String]) throws(OutputError) -> (
    sequences: OutputDestination, contributions: OutputDestination, settings: OutputDestination
  ) {
    let sequences = try OutputDestination("\(prefix).ohe.npz", format: .npz, inputs: inputs)
    let contributions = try OutputDestination("\(prefix).attr.npz", format: .npz, inputs: inputs)
    let settings = try OutputDestination("\(prefix).settings.json", format: .json, inputs: inputs)
    try OutputDestination.checkDistinct([sequences, contributions, settings])
    return (sequences, contributions, settings)
  }

  /// Computes the hypothetical contributions and writes the three files.
  ///
  /// The contributions are computed before anything is written; each file is written through
  /// ``AtomicOutput``, and when a later file fails the earlier ones are removed again, so a
  /// failed run leaves none of the three.
  /// - Parameters:
  ///   - explained: Sequences with maps.
  ///   - destinations: From ``destinations(prefix:inputs:)``.
  /// - Returns: How the contributions were made.
  /// - Throws: ``ModiscoError``, ``ExportError``, ``OutputError``, or an explainer's error.
  @discardableResult
  public func write(
    _ explained: ExplainedSequences,
    to destinations: (
      sequences: OutputDestination, contributions: OutputDestination, settings: OutputDestination
    )
  ) throws -> String {
    let (contributions, rule) = try hypotheticalContributions(explained)
    let settings = try settingsJSON(explained, rule: rule)
    var written: [URL] = []
    do {
      try NPZExport.writeMoDISco(explained.sequences, to: destinations.sequences)
      written += [destinations.sequences.url].compactMap { $0 }
      try NPZExport.writeMoDISco(contributions, to: destinations.contributions)
      written += [destinations.contributions.url].compactMap { $0 }
      try AtomicOutput.write(settings, to: destinations.settings)
    } catch {
      for url in written { try? FileManager.default.removeItem(at: url) }
      throw error
    }
    return rule
  }

  /// `P.settings.json`: what the two arrays are and how they were made.
  private func settingsJSON(_ explained: ExplainedSequences, rule: String) throws -> Data {
    var settings: [String: String] = [
      "format": "TF-MoDISco input: arr_0 float32 [N, 4, L] in P.ohe.npz and P.attr.npz",
      "method": explained.method, "hypothetical_contributions": rule,
      "correct_gradient": correctsGradient ? "true" : "false", "input_file": explained.inputFile,
      "items": String(explained.count), "length": String(explained.length),
    ]
    if let file = explained.attributionFile { settings["attributions_file"] = file }
    if let computation = explained.computation {
      settings["model_file"] = computation.modelFile
      settings["target"] = computation.target.map(String.init) ?? "predicted"
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(settings) + Data("\n".utf8)
  }
}
