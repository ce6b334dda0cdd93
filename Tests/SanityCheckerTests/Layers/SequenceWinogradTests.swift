@testable import SanityChecker
import SanityTestSupport
import Testing

/// One point of the 1-D Winograd test grid: a stride-1 Conv1D.
struct SequenceWinogradCase: Sendable, CustomTestStringConvertible {
  let taps: Int
  let channels: Int
  let length: Int
  let padding: Padding
  let batch: Int
  let seed: UInt64

  var testDescription: String { "w\(taps) c\(channels) l\(length) \(padding) n\(batch)" }

  /// Taps 3, 4, 8, 11 (one piece, one full piece, two, three with a zero tap) × input channels
  /// 1, 5, 32 × the shortest valid length and 23 × valid/same × batch 1 and 3.
  static let grid: [SequenceWinogradCase] = {
    var cases: [SequenceWinogradCase] = []
    for taps in [3, 4, 8, 11] {
      for channels in [1, 5, 32] {
        for length in [taps, 23] {
          for padding in [Padding.valid, .same] {
            for batch in [1, 3] {
              cases.append(
                SequenceWinogradCase(
                  taps: taps, channels: channels, length: length, padding: padding, batch: batch,
                  seed: UInt64(7000 + 10 * cases.count)))
            }
          }
        }
      }
    }
    return cases
  }()
}

/// Winograd F(4, 4) on 4-tap pieces against the windows read in place plus `sgemm`
/// (``ConvolutionAlgorithm/im2col``).
///
/// Both compute the same sums, Winograd through transforms that scale terms by up to 10, so
/// they agree within 2e-5 of the largest magnitude (forward and input gradient, asserted) and
/// ε-LRP within 1e-4 (its division by z + ε magnifies z's rounding).
@Suite struct SequenceWinogradTests {
  static let tolerance: Float = 2e-5

  /// The layer forced onto Winograd (17 outputs: a 16-lane block plus a 1-lane tail) and its
  /// im2col twin.
  private func layers(
    taps: Int, channels: Int, outputs: Int = 17, padding: Padding, seed: UInt64
  ) -> (winograd: Conv1D, im2col: Conv1D) {
    let layer = Conv1D(
      name: "conv", kernel: TestSupport.uniform([taps, channels, outputs], seed: seed),
      bias: TestSupport.uniform([outputs], seed: seed + 1), padding: padding, activation: .relu)
    var (winograd, reference) = (layer, layer)
    winograd.algorithm = .winograd
    reference.algorithm = .im2col
    return (winograd, reference)
  }

  private func layers(_ testCase: SequenceWinogradCase) -> (winograd: Conv1D, im2col: Conv1D) {
    layers(
      taps: testCase.taps, channels: testCase.channels, padding: testCase.padding,
      seed: testCase.seed)
  }

  /// The forward pass (pre-activation and ReLU output) matches im2col.
  @Test(arguments: SequenceWinogradCase.grid)
  func forwardMatchesIm2Col(_ testCase: SequenceWinogradCase) {
    let (layer, reference) = layers(testCase)
    let x = TestSupport.uniform(
      [testCase.batch, testCase.length, testCase.channels], seed: testCase.seed + 2)
    WinogradChecks.expectForwardMatches(
      layer, reference, input: x, tolerance: Self.tolerance, "\(testCase)")
  }

  /// The input gradient ('full' correlation with the adjoint kernel) and the ε-LRP z-rule
  /// match im2col and col2im.
  @Test(arguments: SequenceWinogradCase.grid)
  func backwardMatchesIm2Col(_ testCase: SequenceWinogradCase) {
    let (layer, reference) = layers(testCase)
    let x = TestSupport.uniform(
      [testCase.batch, testCase.length, testCase.channels], seed: testCase.seed + 2)
    WinogradChecks.expectBackwardMatches(
      layer, reference, input: x, seed: testCase.seed + 3, tolerance: Self.tolerance,
      "\(testCase)")
  }

  /// The input gradient is the adjoint of the forward product: `⟨δ, K x⟩ = ⟨Kᵀ δ, x⟩` within
  /// float rounding, on a DeepSEA-like layer (48 → 40 channels, 8 taps, same padding).
  @Test func inputGradientIsTheAdjoint() {
    var layer = Conv1D(
      name: "conv", kernel: TestSupport.uniform([8, 48, 40], seed: 5), bias: nil, padding: .same)
    #expect(layer.usesWinograd)
    let x = TestSupport.uniform([2, 37, 48], seed: 6)
    let delta = TestSupport.uniform([2, 37, 40], seed: 7)
    let forward = zip(layer.forward(x).scalars, delta.scalars).reduce(0.0) {
      $0 + Double($1.0) * Double($1.1)
    }
    let backward = zip(layer.inputGradient(delta, inputShape: x.shape).scalars, x.scalars)
      .reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    #expect(abs(forward - backward) <= 1e-4 * max(1, abs(forward)), "\(forward) vs \(backward)")
    layer.algorithm = .im2col
    #expect(!layer.usesWinograd)
  }

  /// Blocks of the products split long items into runs and join short items: a batch of items
  /// of 2,100 positions (526 tiles, two runs each) and one of 40 items of 60 positions (two
  /// blocks) equal each item computed alone, bit for bit, and im2col within the tolerance.
  @Test(arguments: [(2, 2100), (40, 60)])
  func blocksMatchSingleItems(_ batch: Int, _ length: Int) {
    let (layer, reference) = layers(taps: 8, channels: 6, outputs: 5, padding: .same, seed: 11)
    let x = TestSupport.uniform([batch, length, 6], seed: 12)
    let whole = layer.preActivation(x)
    let single = (0..<batch).flatMap { layer.preActivation(x.items($0..<($0 + 1))).scalars }
    #expect(whole.scalars == single)
    TestSupport.expectClose(
      whole, reference.preActivation(x), relativeTolerance: Self.tolerance, "blocks")
  }

  /// A new kernel replaces the cached transforms; an unchanged copy keeps giving the old result.
  @Test func changedKernelIsTransformedAgain() {
    var original = Conv1D(name: "conv", kernel: TestSupport.uniform([5, 3, 4], seed: 1), bias: nil)
    original.algorithm = .winograd
    let x = TestSupport.uniform([1, 12, 3], seed: 2)
    let before = original.forward(x)
    var changed = original
    changed.parameters["kernel"] = TestSupport.uniform([5, 3, 4], seed: 3)
    var reference = changed
    reference.algorithm = .im2col
    TestSupport.expectClose(
      changed.forward(x), reference.forward(x), relativeTolerance: Self.tolerance)
    #expect(original.forward(x) == before)
    #expect(changed.forward(x) != before)
  }

  /// One channel by hand: the all-ones 4-tap kernel sums each window of x = 1…9, so
  /// y = [10, 14, 18, 22, 26, 30] exactly (every transform constant and sum is exact here).
  @Test func onesKernelSumsWindows() {
    var layer = Conv1D(name: "conv", kernel: Tensor(shape: [4, 1, 1], repeating: 1), bias: nil)
    layer.algorithm = .winograd
    let x = Tensor(shape: [1, 9, 1], scalars: (1...9).map(Float.init))
    TestSupport.expectClose(
      layer.forward(x), Tensor(shape: [1, 6, 1], scalars: [10, 14, 18, 22, 26, 30]),
      relativeTolerance: 1e-6)
  }
}
