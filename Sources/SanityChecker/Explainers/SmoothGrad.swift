/// SmoothGrad and VarGrad: the mean (or variance) of gradients at noisy copies of the input.
///
/// ```
/// SG(x)  = (1/n) Σ_k ∇f_t(x + ε_k),             ε_k ~ N(0, σ²),  σ = noiseLevel · (max x − min x)
/// VG(x)  = (1/n) Σ_k (∇f_t(x + ε_k) − SG(x))²
/// ```
/// Smilkov et al. 2017, arXiv:1706.03825; Adebayo et al. 2018, arXiv:1810.03307 (VarGrad).
/// Noise is drawn per item from `(seed, item index)`, so maps do not depend on batching or threads;
/// it can also be supplied (`[n, N] + inputShape`), as the reference file stores its own.
public struct SmoothGrad: SeededExplainer {
  /// `smoothgrad`.
  public static let identifier = "smoothgrad"

  /// Which statistic of the noisy gradients is returned.
  public enum Statistic: String, Hashable, Sendable {
    /// The mean (SmoothGrad).
    case mean
    /// The variance (VarGrad).
    case variance
  }

  /// The number of noisy samples.
  public var samples: Int
  /// σ as a fraction of each item's input range (max − min).
  public var noiseLevel: Float
  /// The seed of the noise.
  public var seed: UInt64
  /// Supplied noise `[samples, N] + inputShape`, used instead of drawing when present.
  public var noise: Tensor?
  /// Mean or variance.
  public var statistic: Statistic
  /// The explained output.
  public var output: ExplainedOutput
  /// The data-set index of the first item (see ``SeededExplainer``); supplied noise is indexed
  /// from the call's own first item.
  public var firstItem = 0

  /// Creates the explainer.
  /// - Parameters:
  ///   - samples: Noisy copies per item (16 by default).
  ///   - noiseLevel: σ as a fraction of the input range (0.15 by default).
  ///   - seed: The noise seed.
  ///   - noise: Noise to use instead of drawing, `[samples, N] + inputShape`.
  ///   - statistic: `.mean` for SmoothGrad, `.variance` for VarGrad.
  ///   - output: The explained output (the logit by default).
  public init(
    samples: Int = 16, noiseLevel: Float = 0.15, seed: UInt64 = 0, noise: Tensor? = nil,
    statistic: Statistic = .mean, output: ExplainedOutput = .logit
  ) {
    self.samples = noise?.shape[0] ?? samples
    self.noiseLevel = noiseLevel
    self.seed = seed
    self.noise = noise
    self.statistic = statistic
    self.output = output
  }

  /// The mean or variance of the noisy gradients.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    let explained = model.explained(output)
    let method = methodName
    validateNoise(for: input)
    var result = chunked(input, targets: targets, model: explained) { chunk, chunkTargets, first in
      chunkAttributions(
        explained, chunk, units: [chunkTargets], chunkStart: first, batchSize: input.batchSize)[0]
    }
    result.method = method
    return result
  }

  /// The mean or variance of the noisy gradients at every selected unit: each noisy copy is run
  /// forward once and backward once per unit, in the chunks and order of
  /// ``attribution(for:targets:in:)``, so each unit's maps equal it bit for bit.
  public func attributions(for input: Tensor, selection: TargetSelection, in model: Model) throws
    -> [Attribution]
  {
    try model.validate(input: input)
    try model.validate(targets: selection.indices)
    let explained = model.explained(output)
    validateNoise(for: input)
    return chunkedUnits(input, selection: selection, model: explained) { chunk, units, first in
      chunkAttributions(
        explained, chunk, units: units, chunkStart: first, batchSize: input.batchSize)
    }.map {
      var attribution = $0
      attribution.method = methodName
      return attribution
    }
  }

  /// `smoothgrad` or `vargrad`.
  var methodName: String { statistic == .mean ? Self.identifier : "vargrad" }

  /// Checks that supplied noise is `[samples] + input.shape`.
  private func validateNoise(for input: Tensor) {
    if let noise {
      precondition(
        noise.shape.dimensions == [samples] + input.shape.dimensions,
        "SmoothGrad: noise \(noise.shape) must be [\(samples)] + \(input.shape)")
    }
  }

  /// One chunk's statistic at each of several target lists.
  /// - Parameters:
  ///   - explained: The explained model.
  ///   - chunk: The chunk.
  ///   - units: Target lists, one target per item each.
  ///   - chunkStart: The chunk's first item in the call.
  ///   - batchSize: The call's number of items (indexes supplied noise).
  /// - Returns: One attribution per target list.
  private func chunkAttributions(
    _ explained: Model, _ chunk: Tensor, units: [[Int]], chunkStart: Int, batchSize: Int
  ) -> [Attribution] {
    let width = chunk.itemCount
    var sums = units.map { _ in Tensor(shape: chunk.shape) }
    var sumsOfSquares = sums
    for sample in 0..<samples {
      let noisy = noisyCopy(
        chunk, sample: sample, chunkStart: chunkStart, batchSize: batchSize, width: width)
      let trace = explained.trace(noisy)
      for (unit, targets) in units.enumerated() {
        let (gradient, _) = Gradient.inputSignal(
          explained, trace, targets: targets, rule: .gradient)
        sums[unit] = sums[unit].linearCombination(1, gradient, 1)
        sumsOfSquares[unit] = sumsOfSquares[unit].linearCombination(
          1, gradient.multiplied(by: gradient), 1)
      }
    }
    let outputs = explained.forward(chunk)
    return units.indices.map { unit in
      let mean = sums[unit].scaled(by: 1 / Float(samples))
      let values =
        statistic == .mean
        ? mean
        : sumsOfSquares[unit].scaled(by: 1 / Float(samples)).linearCombination(
          1, mean.multiplied(by: mean), -1)
      return Attribution(
        values: values, method: methodName, targets: units[unit],
        predictions: explained.values(of: outputs, at: units[unit]))
    }
  }

  /// One noisy copy of a chunk whose first item is item `chunkStart` of the call: supplied noise
  /// (indexed by the call's item), or N(0, σ²) drawn from `(seed, data-set item)`.
  private func noisyCopy(_ chunk: Tensor, sample: Int, chunkStart: Int, batchSize: Int, width: Int)
    -> Tensor
  {
    Tensor(shape: chunk.shape) { out in
      chunk.withUnsafeBufferPointer { x in
        for item in 0..<chunk.batchSize {
          let base = item * width
          if let noise {
            noise.withUnsafeBufferPointer { e in
              let offset = (sample * batchSize + chunkStart + item) * width
              for j in 0..<width { out[base + j] = x[base + j] + e[offset + j] }
            }
          } else {
            var low = Float.infinity
            var high = -Float.infinity
            for j in 0..<width {
              low = min(low, x[base + j])
              high = max(high, x[base + j])
            }
            let sigma = noiseLevel * (high - low)
            var generator = SeededGenerator(
              seed: seed,
              stream: UInt64(firstItem + chunkStart + item) &* 1_000_003 &+ UInt64(sample))
            for j in 0..<width {
              out[base + j] = x[base + j] + generator.normal(standardDeviation: sigma)
            }
          }
        }
      }
    }
  }
}
