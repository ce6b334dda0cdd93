/// A TF-MoDISco export that cannot be made, naming the method and what it needs.
public enum ModiscoError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The method has no hypothetical contributions (guided backprop, LRP, Grad-CAM, controls…).
  case noHypotheticalContributions(method: String)
  /// The method's hypothetical contributions need the model, but the maps were read from a file.
  case needsModel(method: String, file: String)
  /// The gradient correction was asked for a method whose contributions are not gradients.
  case correctionNotApplicable(method: String)

  /// A message stating what is wrong and the remedy.
  public var description: String {
    let supported = ModiscoExport.supportedMethods.joined(separator: ", ")
    switch self {
    case .noHypotheticalContributions(let method):
      return
        "method '\(method)' has no hypothetical contributions for TF-MoDISco; use one of \(supported)"
    case .needsModel(let method, let file):
      return
        "\(file): the \(method) maps hold no hypothetical contributions; give --model and --method \(method) to compute them (saliency, smoothgrad and ism maps can be read from a file)"
    case .correctionNotApplicable(let method):
      return
        "--correct-gradient applies to gradient methods (saliency, smoothgrad, gradient-x-input, integrated-gradients), not \(method)"
    }
  }
}
