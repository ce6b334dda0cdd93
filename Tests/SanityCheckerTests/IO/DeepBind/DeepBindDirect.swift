import SanityChecker
import SanityTestSupport

/// A direct, unoptimized DeepBind v0.11 scorer in `Double`, written from PROVENANCE §1.1's
/// description (one padded window at a time, every product summed), as a test oracle.
enum DeepBindDirect {
  /// The score of one sequence `[L, 4]` (row-major scalars).
  static func score(_ sequence: [Float], weights: DeepBindWeights, options: DeepBindOptions)
    -> Double
  {
    let kernel = weights.detectors.scalars.map(Double.init)
    let (m, d) = (weights.detectors.shape[0], weights.detectors.shape[2])
    let thresholds = weights.thresholds.scalars.map(Double.init)
    let length = sequence.count / 4
    let window = min(length, options.windowSize)
    let forward = sequence.map(Double.init)
    var reverse = [Double](repeating: 0, count: forward.count)
    for i in 0..<length {
      for b in 0..<4 { reverse[i * 4 + b] = forward[(length - 1 - i) * 4 + 3 - b] }
    }
    let padding = [Double](repeating: Double(options.unknownBaseValue), count: (m - 1) * 4)
    var best = -Double.infinity
    for strand in options.hasReverseComplement ? [forward, reverse] : [forward] {
      for start in 0...(length - window) {
        let padded = padding + strand[(start * 4)..<((start + window) * 4)] + padding
        let outputs = window + m - 1
        var features: [Double] = []
        for j in 0..<d {
          var values: [Double] = []
          for t in 0..<outputs {
            var z = thresholds[j]
            for p in 0..<m {
              for b in 0..<4 { z += padded[(t + p) * 4 + b] * kernel[(p * 4 + b) * d + j] }
            }
            values.append(max(z, 0))
          }
          features.append(values.max() ?? 0)
          if options.hasAveragePooling { features.append(values.reduce(0, +) / Double(outputs)) }
        }
        best = max(best, dense(features, weights: weights))
      }
    }
    return best
  }

  private static func dense(_ features: [Double], weights: DeepBindWeights) -> Double {
    let units = weights.weights1.shape[1]
    let w1 = weights.weights1.scalars.map(Double.init)
    var hidden = weights.biases1.scalars.map(Double.init)
    for i in 0..<features.count {
      for j in 0..<units { hidden[j] += features[i] * w1[i * units + j] }
    }
    guard let w2 = weights.weights2, let b2 = weights.biases2 else { return hidden[0] }
    return zip(hidden, w2.scalars).reduce(Double(b2.scalars[0])) {
      $0 + max($1.0, 0) * Double($1.1)
    }
  }

  /// A random model: detectors and dense weights uniform in [−1, 1], thresholds in [−1.5, 0.5]
  /// (so some detectors stay off), optional hidden layer.
  static func randomScanner(
    length m: Int, detectors d: Int, hidden: Int, options: DeepBindOptions, seed: UInt64
  ) throws -> DeepBindScanner {
    let features = options.hasAveragePooling ? 2 * d : d
    let units = max(hidden, 1)
    let weights = DeepBindWeights(
      detectors: TestSupport.uniform([m, 4, d], seed: seed),
      thresholds: TestSupport.uniform([d], seed: seed + 1, low: -1.5, high: 0.5),
      weights1: TestSupport.uniform([features, units], seed: seed + 2),
      biases1: TestSupport.uniform([units], seed: seed + 3),
      weights2: hidden > 0 ? TestSupport.uniform([hidden, 1], seed: seed + 4) : nil,
      biases2: hidden > 0 ? TestSupport.uniform([1], seed: seed + 5) : nil)
    return try DeepBindScanner(name: "random", weights: weights, options: options)
  }

  /// Random one-hot sequences `[N, L, 4]` with about one base in eight unknown (0.25 × 4).
  static func randomSequences(count: Int, length: Int, seed: UInt64) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    var scalars: [Float] = []
    for _ in 0..<(count * length) {
      let letter = generator.index(below: 8)
      scalars +=
        letter >= 4 && letter < 5
        ? [0.25, 0.25, 0.25, 0.25] : (0..<4).map { $0 == letter % 4 ? 1 : 0 }
    }
    return Tensor(shape: [count, length, 4], scalars: scalars)
  }
}
