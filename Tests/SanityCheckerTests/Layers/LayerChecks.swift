import SanityChecker
import SanityTestSupport
import Testing

/// Finite-difference checks and sample drawing shared by the layer tests.
///
/// Each check compares the analytic gradient of `⟨v, forward(x)⟩` (the layer's backward pass
/// of `v`) with central differences accumulated in `Double` (`TestSupport.numericalGradient`),
/// for a projection `v` drawn from a fixed seed.
enum LayerChecks {
  /// The finite-difference step used by every layer test.
  static let step: Float = 1e-2

  /// Expects the `.gradient` backward pass to match central differences of the forward pass.
  /// - Parameters:
  ///   - layer: The layer.
  ///   - x: The point (kept ≥ 2h from kinks and ties by the caller).
  ///   - seed: The seed of the projection `v`.
  ///   - tolerance: The bound is `tolerance · max(1, max|numerical gradient|)`.
  ///   - what: A label for failures.
  ///   - sourceLocation: Where a failure is reported.
  static func expectInputGradient(
    of layer: some Layer, at x: Tensor, seed: UInt64, tolerance: Float, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let output = layer.forward(x)
    let v = TestSupport.uniform(output.shape, seed: seed)
    let analytic = layer.backward(v, input: x, output: output, rule: .gradient)
    let numeric = TestSupport.numericalGradient(at: x, step: step, projection: v) {
      layer.forward($0)
    }
    expectClose(
      analytic, numeric, tolerance: tolerance, "\(what) dx", sourceLocation: sourceLocation)
  }

  /// Expects every parameter gradient to match central differences of the forward pass.
  /// - Parameters:
  ///   - layer: The layer.
  ///   - x: The input.
  ///   - keys: The parameters to check.
  ///   - seed: The seed of the projection `v`.
  ///   - tolerance: The bound is `tolerance · max(1, max|numerical gradient|)`.
  ///   - what: A label for failures.
  ///   - sourceLocation: Where a failure is reported.
  static func expectParameterGradients<L: ParameterizedLayer>(
    of layer: L, at x: Tensor, keys: [String], seed: UInt64, tolerance: Float, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let output = layer.forward(x)
    let v = TestSupport.uniform(output.shape, seed: seed)
    let gradients = layer.parameterGradients(v, input: x, output: output)
    for key in keys {
      guard let parameter = layer.parameters[key], let analytic = gradients[key] else {
        Issue.record(
          "\(what): missing parameter or gradient '\(key)'", sourceLocation: sourceLocation)
        continue
      }
      let numeric = TestSupport.numericalGradient(at: parameter, step: step, projection: v) {
        value in
        var changed = layer
        changed.parameters[key] = value
        return changed.forward(x)
      }
      expectClose(
        analytic, numeric, tolerance: tolerance, "\(what) d\(key)", sourceLocation: sourceLocation)
    }
  }

  /// Expects `|actual − expected| ≤ tolerance · max(1, max|expected|)` everywhere.
  ///
  /// The floor of 1 keeps near-zero gradients (e.g. a softmax's bias) from being held to a
  /// tolerance below the finite differences' Float rounding (≈ 1e-5 here).
  /// - Parameters:
  ///   - actual: The analytic values.
  ///   - expected: The reference values.
  ///   - tolerance: The tolerance factor.
  ///   - what: A label for failures; the worst index and values are reported.
  ///   - sourceLocation: Where a failure is reported.
  static func expectClose(
    _ actual: Tensor, _ expected: Tensor, tolerance: Float, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      actual.shape == expected.shape, "\(what): shape \(actual.shape) != \(expected.shape)",
      sourceLocation: sourceLocation)
    guard actual.shape == expected.shape else { return }
    var worst = (difference: Float(0), index: 0)
    for (index, pair) in zip(actual.scalars, expected.scalars).enumerated()
    where !(abs(pair.0 - pair.1) <= worst.difference) {
      worst = (abs(pair.0 - pair.1), index)
    }
    let bound = tolerance * max(1, expected.maximumMagnitude)
    #expect(
      worst.difference <= bound,
      """
      \(what): max |difference| \(worst.difference) at flat index \(worst.index) \
      (actual \(actual.scalars[worst.index]), expected \(expected.scalars[worst.index])) \
      exceeds \(bound)
      """,
      sourceLocation: sourceLocation)
  }

  /// A uniform tensor in [-1, 1) whose pre-activations stay at least `margin` from 0.
  ///
  /// Tries the seeds `seed, seed + 1, …` in order, so the result is fixed by `seed`.
  /// - Parameters:
  ///   - shape: The shape.
  ///   - seed: The first seed.
  ///   - margin: The smallest allowed `|z|` (2h for ReLU kinks when every |x|, |w| ≤ 1).
  ///   - preActivation: Maps a candidate to the values that must avoid 0.
  /// - Returns: The first candidate that qualifies, or `nil` after 100 tries.
  static func uniform(
    _ shape: Shape, seed: UInt64, clearOfZeroBy margin: Float, preActivation: (Tensor) -> Tensor
  ) -> Tensor? {
    for attempt in 0..<100 {
      let candidate = TestSupport.uniform(shape, seed: seed &+ UInt64(attempt))
      if preActivation(candidate).scalars.allSatisfy({ abs($0) >= margin }) { return candidate }
    }
    return nil
  }

  /// Distinct values `spacing · (k − count/2)` in a seeded random order, so no two inputs of a
  /// pooling window are within `spacing` (≥ 2h) of each other.
  /// - Parameters:
  ///   - shape: The shape.
  ///   - seed: The seed of the order.
  ///   - spacing: The gap between consecutive values.
  /// - Returns: The tensor.
  static func distinct(_ shape: Shape, seed: UInt64, spacing: Float = 0.1) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    let order = generator.permutation(shape.count)
    let half = Float(shape.count) / 2
    return Tensor(shape: shape, scalars: order.map { spacing * (Float($0) - half) })
  }
}
