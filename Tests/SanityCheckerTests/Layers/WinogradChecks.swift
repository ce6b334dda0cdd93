@testable import SanityChecker
import SanityTestSupport
import Testing

/// The checks a Winograd layer and its im2col twin share (``WinogradTests``,
/// ``SequenceWinogradTests``).
enum WinogradChecks {
  /// The pre-activation and the output agree within `tolerance` of their largest magnitude,
  /// and only `layer` takes Winograd.
  static func expectForwardMatches<L: WinogradLayer>(
    _ layer: L, _ reference: L, input x: Tensor, tolerance: Float, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(layer.usesWinograd && !reference.usesWinograd, sourceLocation: sourceLocation)
    TestSupport.expectClose(
      layer.preActivation(x), reference.preActivation(x), relativeTolerance: tolerance,
      "\(what) z", sourceLocation: sourceLocation)
    TestSupport.expectClose(
      layer.forward(x), reference.forward(x), relativeTolerance: tolerance, "\(what) y",
      sourceLocation: sourceLocation)
  }

  /// Gradient and Guided Backprop agree within `tolerance`, ε-LRP (ε = 0.1) within 1e-4: its
  /// division by z + ε·sign z magnifies the rounding difference in z by up to |R|/ε² (100×).
  static func expectBackwardMatches<L: WinogradLayer>(
    _ layer: L, _ reference: L, input x: Tensor, seed: UInt64, tolerance: Float, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let y = reference.forward(x)
    let signal = TestSupport.uniform(y.shape, seed: seed)
    let rules = [
      (BackwardRule.gradient, tolerance), (.guidedBackprop, tolerance),
      (.epsilonLRP(epsilon: 0.1), 1e-4),
    ]
    for (rule, tolerance) in rules {
      TestSupport.expectClose(
        layer.backward(signal, input: x, output: y, rule: rule),
        reference.backward(signal, input: x, output: y, rule: rule),
        relativeTolerance: tolerance, "\(what) \(rule)", sourceLocation: sourceLocation)
    }
  }
}
