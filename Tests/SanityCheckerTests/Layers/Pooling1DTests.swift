import SanityChecker
import SanityTestSupport
import Testing

/// One point of the 1-D pooling grid.
struct Pooling1DCase: Sendable, CustomTestStringConvertible {
  let poolSize: Int
  let stride: Int?
  let padding: Padding
  let length: Int
  let channels: Int
  let seed: UInt64

  var testDescription: String {
    "p\(poolSize) s\(stride.map(String.init) ?? "=p") \(padding) L\(length) c\(channels)"
  }

  /// Pool sizes 1–4 × strides (default, 1, 2, 3) × valid/same × lengths 7, 10 × channels 1–3.
  static let grid: [Pooling1DCase] = {
    var cases: [Pooling1DCase] = []
    for poolSize in 1...4 {
      for stride in [nil, 1, 2, 3] as [Int?] {
        for padding in [Padding.valid, .same] {
          for length in [7, 10] {
            for channels in 1...3 {
              cases.append(
                Pooling1DCase(
                  poolSize: poolSize, stride: stride, padding: padding, length: length,
                  channels: channels,
                  seed: UInt64(9000 + 10 * cases.count)))
            }
          }
        }
      }
    }
    return cases
  }()
}

@Suite struct Pooling1DTests {
  /// Max and average pooling gradients match central differences (h = 1e-2).
  ///
  /// Tolerance 2e-3 × max(1, max|gradient|). Inputs are distinct multiples of 0.1 (≥ 2h apart),
  /// so no step changes a window's maximum.
  @Test(arguments: Pooling1DCase.grid)
  func gradientsMatchFiniteDifferences(_ testCase: Pooling1DCase) {
    let x = LayerChecks.distinct([2, testCase.length, testCase.channels], seed: testCase.seed)
    let maximum = MaxPooling1D(
      name: "max", poolSize: testCase.poolSize, stride: testCase.stride, padding: testCase.padding)
    LayerChecks.expectInputGradient(
      of: maximum, at: x, seed: testCase.seed + 1, tolerance: 2e-3, "max \(testCase)")
    let average = AveragePooling1D(
      name: "average", poolSize: testCase.poolSize, stride: testCase.stride,
      padding: testCase.padding)
    LayerChecks.expectInputGradient(
      of: average, at: x, seed: testCase.seed + 1, tolerance: 2e-3, "average \(testCase)")
  }

  /// Pool 2, stride 2, `same`, L = 5: out 3, padTotal 1 after the data, so the last window is
  /// x[4] alone (its average divides by 1, not 2).
  @Test func samePaddingCountsOnlyRealInputs() throws {
    let x = Tensor(shape: [1, 5, 1], scalars: [3, 1, 4, 1, 5])
    #expect(MaxPooling1D(name: "max", poolSize: 2, padding: .same).forward(x).scalars == [3, 4, 5])
    let average = AveragePooling1D(name: "average", poolSize: 2, padding: .same)
    let y = average.forward(x)
    #expect(y.scalars == [2, 2.5, 5])
    let ones = Tensor(shape: [1, 3, 1], repeating: 1)
    #expect(
      average.backward(ones, input: x, output: y, rule: .gradient).scalars == [
        0.5, 0.5, 0.5, 0.5, 1,
      ])
  }

  /// Pool 3, stride 1, `same`, L = 4: padTotal 2, padBefore 1, windows x[−1…1], …, x[2…4].
  @Test func samePaddingCentresOddWindows() {
    let x = Tensor(shape: [1, 4, 1], scalars: [1, 2, 3, 4])
    #expect(
      AveragePooling1D(name: "a", poolSize: 3, stride: 1, padding: .same).forward(x).scalars == [
        1.5, 2, 3, 3.5,
      ])
    #expect(
      MaxPooling1D(name: "m", poolSize: 3, stride: 1, padding: .same).forward(x).scalars == [
        2, 3, 4, 4,
      ])
  }

  /// Two channels with an exact tie: the signal goes to the first maximum only, under every rule.
  @Test(arguments: [BackwardRule.gradient, .guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 1e-9)])
  func tiesRouteToTheFirstMaximum(rule: BackwardRule) {
    // Channel 0: windows (1, 5, 5) and (2, 5, 5); channel 1: (7, 7, 0) and (−1, −1, −1).
    let x = Tensor(shape: [1, 6, 2], scalars: [1, 7, 5, 7, 5, 0, 2, -1, 5, -1, 5, -1])
    let layer = MaxPooling1D(name: "max", poolSize: 3)
    let y = layer.forward(x)
    #expect(y.scalars == [5, 7, 5, -1])
    let signal = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
    let routed = layer.backward(signal, input: x, output: y, rule: rule)
    #expect(routed.scalars == [0, 2, 1, 0, 0, 0, 0, 4, 3, 0, 0, 0])
  }

  /// ε-LRP `.proportional` gives x_i·R/(Σx + ε) and conserves ΣR up to ε; `.even` is R/K.
  @Test func averageRelevanceRedistribution() {
    let x = Tensor(shape: [1, 4, 1], scalars: [1, 3, 2, 2])
    let layer = AveragePooling1D(name: "average", poolSize: 2)
    let y = layer.forward(x)
    let relevance = Tensor(shape: [1, 2, 1], scalars: [8, 4])
    let proportional = layer.backward(
      relevance, input: x, output: y,
      rule: .epsilonLRP(epsilon: 1e-9, averagePooling: .proportional))
    TestSupport.expectClose(
      proportional, Tensor(shape: [1, 4, 1], scalars: [2, 6, 2, 2]), relativeTolerance: 1e-6)
    let even = layer.backward(relevance, input: x, output: y, rule: .epsilonLRP(epsilon: 1e-9))
    #expect(even.scalars == [4, 4, 2, 2])
  }

  /// Shape errors name the layer.
  @Test func outputShapeErrorsNameTheLayer() {
    let layer = MaxPooling1D(name: "max_pooling1d_2", poolSize: 4)
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "max_pooling1d_2", expected: "[L, C]", actual: [10, 4, 1])
    ) {
      try layer.outputShape(for: [10, 4, 1])
    }
    #expect(throws: ModelError.self) { try layer.outputShape(for: [3, 4]) }
    #expect((try? layer.outputShape(for: [3, 4])) == nil)
    #expect(
      (try? MaxPooling1D(name: "m", poolSize: 4, padding: .same).outputShape(for: [3, 4])) == [
        1, 4,
      ])
    #expect(
      (try? AveragePooling1D(name: "a", poolSize: 3, stride: 2).outputShape(for: [10, 4])) == [
        4, 4,
      ])
  }
}
