import SanityChecker
import SanityTestSupport
import Testing

/// One point of the 2-D pooling grid.
struct Pooling2DCase: Sendable, CustomTestStringConvertible {
  let poolSize: [Int]
  let strides: [Int]?
  let padding: Padding
  let channels: Int
  let seed: UInt64

  var testDescription: String {
    "p\(poolSize) s\(strides.map { "\($0)" } ?? "=p") \(padding) c\(channels)"
  }

  /// Pools 2×2, 3×2, 1×3 × strides (default, 1×1, 2×3) × valid/same × channels 1, 2 on 5×6.
  static let grid: [Pooling2DCase] = {
    var cases: [Pooling2DCase] = []
    for poolSize in [[2, 2], [3, 2], [1, 3]] {
      for strides in [nil, [1, 1], [2, 3]] as [[Int]?] {
        for padding in [Padding.valid, .same] {
          for channels in [1, 2] {
            cases.append(
              Pooling2DCase(
                poolSize: poolSize, strides: strides, padding: padding, channels: channels,
                seed: UInt64(12_000 + 10 * cases.count)))
          }
        }
      }
    }
    return cases
  }()
}

@Suite struct Pooling2DTests {
  /// Max and average pooling gradients match central differences (h = 1e-2).
  ///
  /// Tolerance 2e-3 × max(1, max|gradient|); inputs are distinct multiples of 0.1 (≥ 2h apart).
  @Test(arguments: Pooling2DCase.grid)
  func gradientsMatchFiniteDifferences(_ testCase: Pooling2DCase) {
    let x = LayerChecks.distinct([2, 5, 6, testCase.channels], seed: testCase.seed)
    let maximum = MaxPooling2D(
      name: "max", poolSize: testCase.poolSize, strides: testCase.strides, padding: testCase.padding
    )
    LayerChecks.expectInputGradient(
      of: maximum, at: x, seed: testCase.seed + 1, tolerance: 2e-3, "max \(testCase)")
    let average = AveragePooling2D(
      name: "average", poolSize: testCase.poolSize, strides: testCase.strides,
      padding: testCase.padding)
    LayerChecks.expectInputGradient(
      of: average, at: x, seed: testCase.seed + 1, tolerance: 2e-3, "average \(testCase)")
  }

  /// Pool 2×2, stride 2, `same` on x = 1…9 (3×3): out 2×2, padding after the data, so the
  /// windows hold {1, 2, 4, 5}, {3, 6}, {7, 8} and {9}, and K = 4, 2, 2, 1.
  @Test func samePaddingCountsOnlyRealInputs() {
    let x = Tensor(shape: [1, 3, 3, 1], scalars: (1...9).map(Float.init))
    #expect(
      MaxPooling2D(name: "m", poolSize: [2, 2], padding: .same).forward(x).scalars == [5, 6, 8, 9])
    let average = AveragePooling2D(name: "a", poolSize: [2, 2], padding: .same)
    let y = average.forward(x)
    #expect(y.scalars == [3, 4.5, 7.5, 9])
    let ones = Tensor(shape: [1, 2, 2, 1], repeating: 1)
    let spread = average.backward(ones, input: x, output: y, rule: .guidedBackprop)
    #expect(spread.scalars == [0.25, 0.25, 0.5, 0.25, 0.25, 0.5, 0.5, 0.5, 1])
  }

  /// An exact four-way tie goes to the window's first element in row-major order.
  @Test(arguments: [BackwardRule.gradient, .guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 1e-9)])
  func tiesRouteToTheFirstMaximum(rule: BackwardRule) {
    let x = Tensor(shape: [1, 2, 4, 1], scalars: [7, 7, 1, 9, 7, 7, 9, 9])
    let layer = MaxPooling2D(name: "max", poolSize: [2, 2])
    let y = layer.forward(x)
    let routed = layer.backward(
      Tensor(shape: [1, 1, 2, 1], scalars: [2, 3]), input: x, output: y, rule: rule)
    #expect(routed.scalars == [2, 0, 0, 3, 0, 0, 0, 0])
  }

  /// Shape errors name the layer.
  @Test func outputShapeErrorsNameTheLayer() {
    let layer = AveragePooling2D(name: "average_pooling2d", poolSize: [3, 3])
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "average_pooling2d", expected: "[H, W, C]", actual: [10, 3])
    ) {
      try layer.outputShape(for: [10, 3])
    }
    #expect((try? layer.outputShape(for: [2, 9, 1])) == nil)
    #expect((try? layer.outputShape(for: [9, 10, 2])) == [3, 3, 2])
    #expect(
      (try? MaxPooling2D(name: "m", poolSize: [2, 2], strides: [1, 3], padding: .same).outputShape(
        for: [5, 7, 1])) == [5, 3, 1])
  }
}
