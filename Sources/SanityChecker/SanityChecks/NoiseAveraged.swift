/// Any explainer averaged over noisy copies of the input (the smoothing of sMPRT).
///
/// ```
/// E_smooth(x) = (1/n) Σ_k E(x + ε_k),   ε_k ~ N(0, σ²),  σ = noiseLevel · (max x − min x)
/// ```
/// Hedström et al. 2023, "Sanity checks revisited", arXiv:2401.06465. Noise is drawn per item from
/// `(seed, item)`, so the same noise is used on every randomized model.
public struct NoiseAveraged: Explainer {
  /// `smoothed`; results carry the base method's name.
  public static let identifier = "smoothed"
  /// The explainer being smoothed.
  public var base: any Explainer
  /// Noisy copies per item.
  public var samples: Int
  /// σ as a fraction of each item's input range.
  public var noiseLevel: Float
  /// The noise seed.
  public var seed: UInt64

  /// Creates the smoothed explainer.
  /// - Parameters:
  ///   - base: The explainer.
  ///   - samples: Noisy copies per item.
  ///   - noiseLevel: σ as a fraction of the input range.
  ///   - seed: The noise seed.
  public init(base: any Explainer, samples: Int, noiseLevel: Float, seed: UInt64) {
    self.base = base
    self.samples = samples
    self.noiseLevel = noiseLevel
    self.seed = seed
  }

  /// The mean of the base explainer's maps over noisy inputs.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    var total: Tensor?
    var first: Attribution?
    let width = input.itemCount
    for sample in 0..<samples {
      let noisy = Tensor(shape: input.shape) { out in
        input.withUnsafeBufferPointer { x in
          for item in 0..<input.batchSize {
            let base = item * width
            let values = x[base..<(base + width)]
            let sigma = noiseLevel * ((values.max() ?? 0) - (values.min() ?? 0))
            var generator = SeededGenerator(
              seed: seed, stream: UInt64(item) &* 1_000_003 &+ UInt64(sample))
            for j in 0..<width {
              out[base + j] = x[base + j] + generator.normal(standardDeviation: sigma)
            }
          }
        }
      }
      let attribution = try base.attribution(for: noisy, targets: targets, in: model)
      total = total.map { $0.linearCombination(1, attribution.values, 1) } ?? attribution.values
      if first == nil { first = attribution }
    }
    guard var result = first, let total else {
      return try base.attribution(for: input, targets: targets, in: model)
    }
    result.values = total.scaled(by: 1 / Float(samples))
    result.conservationGap = nil
    return result
  }
}
