@testable import SanityChecker
import SanityTestSupport
import Testing

/// One point of the Winograd test grid: a 3×3, stride-1 Conv2D.
struct WinogradCase: Sendable, CustomTestStringConvertible {
  let channels: Int
  let height: Int
  let width: Int
  let padding: Padding
  let batch: Int
  let seed: UInt64

  var testDescription: String { "c\(channels) \(height)×\(width) \(padding) n\(batch)" }

  /// Input channels 1, 3, 8, 32 × sizes (even, odd, mixed) × valid/same × batch 1 and 3.
  static let grid: [WinogradCase] = {
    var cases: [WinogradCase] = []
    for channels in [1, 3, 8, 32] {
      for (height, width) in [(6, 8), (7, 7), (5, 10)] {
        for padding in [Padding.valid, .same] {
          for batch in [1, 3] {
            cases.append(
              WinogradCase(
                channels: channels, height: height, width: width, padding: padding, batch: batch,
                seed: UInt64(9000 + 10 * cases.count)))
          }
        }
      }
    }
    return cases
  }()
}

/// Winograd F(2×2, 3×3) against im2col plus `sgemm` (``ConvolutionAlgorithm/im2col``).
///
/// Both compute the same sums in a different order, so they agree to float rounding: forward and
/// input gradient within 1e-5 of the largest magnitude on this grid (asserted), ε-LRP within
/// 1e-4 (its division by z + ε magnifies z's rounding).
@Suite struct WinogradTests {
  static let tolerance: Float = 1e-5

  /// The layer forced onto Winograd (5 outputs: a 4-lane block plus a 1-lane tail) and its
  /// im2col twin.
  private func layers(_ testCase: WinogradCase) -> (winograd: Conv2D, im2col: Conv2D) {
    let layer = Conv2D(
      name: "conv", kernel: TestSupport.uniform([3, 3, testCase.channels, 5], seed: testCase.seed),
      bias: TestSupport.uniform([5], seed: testCase.seed + 1), padding: testCase.padding,
      activation: .relu)
    var (winograd, reference) = (layer, layer)
    winograd.algorithm = .winograd
    reference.algorithm = .im2col
    return (winograd, reference)
  }

  /// The forward pass (pre-activation and ReLU output) matches im2col.
  @Test(arguments: WinogradCase.grid)
  func forwardMatchesIm2Col(_ testCase: WinogradCase) {
    let (layer, reference) = layers(testCase)
    let x = TestSupport.uniform(
      [testCase.batch, testCase.height, testCase.width, testCase.channels], seed: testCase.seed + 2)
    WinogradChecks.expectForwardMatches(
      layer, reference, input: x, tolerance: Self.tolerance, "\(testCase)")
  }

  /// The input gradient ('full' correlation with the adjoint kernel) and the ε-LRP z-rule
  /// match im2col and col2im.
  @Test(arguments: WinogradCase.grid)
  func backwardMatchesIm2Col(_ testCase: WinogradCase) {
    let (layer, reference) = layers(testCase)
    let x = TestSupport.uniform(
      [testCase.batch, testCase.height, testCase.width, testCase.channels], seed: testCase.seed + 2)
    WinogradChecks.expectBackwardMatches(
      layer, reference, input: x, seed: testCase.seed + 3, tolerance: Self.tolerance,
      "\(testCase)")
  }

  /// A new kernel replaces the cached transform; an unchanged copy keeps giving the old result.
  @Test func changedKernelIsTransformedAgain() {
    let original = Conv2D(
      name: "conv", kernel: TestSupport.uniform([3, 3, 2, 4], seed: 1), bias: nil)
    let x = TestSupport.uniform([1, 6, 6, 2], seed: 2)
    let before = original.forward(x)
    var changed = original
    changed.parameters["kernel"] = TestSupport.uniform([3, 3, 2, 4], seed: 3)
    var reference = changed
    reference.algorithm = .im2col
    TestSupport.expectClose(
      changed.forward(x), reference.forward(x), relativeTolerance: Self.tolerance)
    #expect(original.forward(x) == before)
    #expect(changed.forward(x) != before)
  }

  /// A 1-channel 4×4 tile by hand: the all-ones kernel sums each 3×3 window of x = 1…16, so
  /// y = [[54, 63], [90, 99]] (window sums 9·centre).
  @Test func onesKernelSumsWindows() {
    let layer = Conv2D(name: "conv", kernel: Tensor(shape: [3, 3, 1, 1], repeating: 1), bias: nil)
    let x = Tensor(shape: [1, 4, 4, 1], scalars: (1...16).map(Float.init))
    #expect(layer.forward(x) == Tensor(shape: [1, 2, 2, 1], scalars: [54, 63, 90, 99]))
  }
}
