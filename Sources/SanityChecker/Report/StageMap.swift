/// One attribution map of an example: the map a method gives at one randomization stage.
public struct StageMap: Hashable, Sendable {
  /// The stage: `original`, or the layer randomized through (as in ``ResultRow/layer``).
  public var stage: String
  /// The explainer or control.
  public var method: String
  /// The map, row-major: `[L]` for a sequence (the attribution at the observed base), `[H * W]`
  /// for an image (summed or reduced over channels by the caller).
  public var values: [Float]

  /// Creates a stage map.
  /// - Parameters:
  ///   - stage: The stage.
  ///   - method: The method.
  ///   - values: The map, `[L]` or `[H * W]`.
  public init(stage: String, method: String, values: [Float]) {
    self.stage = stage
    self.method = method
    self.values = values
  }
}
