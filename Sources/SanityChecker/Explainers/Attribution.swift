/// The attribution maps an explainer produced for a batch, with what was explained.
public struct Attribution: Sendable {
  /// The maps: the input's shape `[N, L, 4]` / `[N, H, W, C]`, or `[N, L]` / `[N, H, W]` for Grad-CAM.
  public var values: Tensor
  /// The explainer's identifier, for example `integrated-gradients`.
  public var method: String
  /// The output unit explained for each item.
  public var targets: [Int]
  /// The explained output (logit, or probability) of each item at its target.
  public var predictions: [Float]
  /// Per item, Σ attribution − (f(x) − f(baseline)) for methods with a completeness property
  /// (Integrated Gradients, DeepLIFT and DeepSHAP: summation to delta; ε-LRP: Σ R − f(x));
  /// `nil` otherwise.
  public var conservationGap: [Float]?

  /// Creates an attribution.
  /// - Parameters:
  ///   - values: The maps.
  ///   - method: The explainer's identifier.
  ///   - targets: The explained output unit per item.
  ///   - predictions: The explained output per item.
  ///   - conservationGap: The completeness gap per item, when defined.
  public init(
    values: Tensor, method: String, targets: [Int], predictions: [Float],
    conservationGap: [Float]? = nil
  ) {
    self.values = values
    self.method = method
    self.targets = targets
    self.predictions = predictions
    self.conservationGap = conservationGap
  }

  /// Joins attributions of consecutive chunks of one batch.
  static func concatenating(_ parts: [Attribution], method: String) -> Attribution {
    Attribution(
      values: Tensor.concatenating(parts.map(\.values)), method: method,
      targets: parts.flatMap(\.targets), predictions: parts.flatMap(\.predictions),
      conservationGap: parts.allSatisfy { $0.conservationGap != nil }
        ? parts.flatMap { $0.conservationGap ?? [] } : nil)
  }
}
