import SanityChecker
import SanityTestSupport
import Testing

/// One point of the Conv1D test grid.
struct Conv1DCase: Sendable, CustomTestStringConvertible {
  let kernelSize: Int
  let stride: Int
  let padding: Padding
  let dilation: Int
  let channels: Int
  let activation: Activation
  let seed: UInt64

  var testDescription: String {
    "k\(kernelSize) s\(stride) \(padding) d\(dilation) c\(channels) \(activation)"
  }

  /// Kernel sizes 1–5 × strides 1–3 × valid/same × dilation 1–2 × channels 1–3 (180 cases);
  /// the activation cycles through all five, and ReLU cases avoid kinks.
  static let grid: [Conv1DCase] = {
    var cases: [Conv1DCase] = []
    for kernelSize in 1...5 {
      for stride in 1...3 {
        for padding in [Padding.valid, .same] {
          for dilation in 1...2 {
            for channels in 1...3 {
              let index = cases.count
              cases.append(
                Conv1DCase(
                  kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
                  channels: channels,
                  activation: Activation.allCases[index % Activation.allCases.count],
                  seed: UInt64(1000 + 10 * index)))
            }
          }
        }
      }
    }
    return cases
  }()
}

@Suite struct Conv1DTests {
  static let length = 11

  /// Input, kernel and bias gradients match central differences (h = 1e-2, Double accumulation).
  ///
  /// Tolerance 2e-3 × max(1, max|gradient|): linear maps are exact up to Float rounding,
  /// sigmoid/tanh/softmax add O(h²) ≈ 1e-5 truncation error.
  @Test(arguments: Conv1DCase.grid)
  func gradientsMatchFiniteDifferences(_ testCase: Conv1DCase) throws {
    let outputs = 2
    let kernel = TestSupport.uniform(
      [testCase.kernelSize, testCase.channels, outputs], seed: testCase.seed)
    let bias = TestSupport.uniform([outputs], seed: testCase.seed + 1)
    var layer = Conv1D(
      name: "conv", kernel: kernel, bias: bias, stride: testCase.stride, padding: testCase.padding,
      dilation: testCase.dilation, activation: .linear)
    let shape: Shape = [2, Self.length, testCase.channels]
    // Every |x|, |w|, |b| ≤ 1, so one step of h moves z by at most h: keep |z| ≥ 2h.
    let linear = layer
    let x = try #require(
      LayerChecks.uniform(shape, seed: testCase.seed + 2, clearOfZeroBy: 2 * LayerChecks.step) {
        linear.forward($0)
      })
    layer.activation = testCase.activation
    LayerChecks.expectInputGradient(
      of: layer, at: x, seed: testCase.seed + 3, tolerance: 2e-3, "\(testCase)")
    LayerChecks.expectParameterGradients(
      of: layer, at: x, keys: ["kernel", "bias"], seed: testCase.seed + 3, tolerance: 2e-3,
      "\(testCase)")
  }

  /// The output length: valid `⌊(L − span)/s⌋ + 1`, same `⌈L/s⌉`, with `span = (k − 1)·d + 1`.
  @Test(arguments: [
    (11, 3, 1, 1, Padding.valid, 9), (11, 3, 2, 1, .valid, 5), (11, 3, 1, 2, .valid, 7),
    (11, 5, 3, 2, .valid, 1), (11, 3, 2, 1, .same, 6), (11, 4, 3, 2, .same, 4),
    (1, 5, 1, 1, .same, 1),
  ])
  func outputLength(
    length: Int, kernelSize: Int, stride: Int, dilation: Int, padding: Padding, expected: Int
  ) throws {
    let layer = Conv1D(
      name: "conv", kernel: Tensor(shape: [kernelSize, 2, 3]), bias: nil, stride: stride,
      padding: padding, dilation: dilation)
    #expect(try layer.outputShape(for: [length, 2]) == [expected, 3])
    #expect(layer.forward(Tensor(shape: [1, length, 2])).shape == [1, expected, 3])
  }

  /// Hand-computed single-channel outputs with taps `[1, 10, 100]` (or `[1, 10]`), x = 1, 2, ….
  @Test(arguments: [
    // same, k 3, s 2, L 5: out 3, padTotal 2, padBefore 1 → starts −1, 1, 3.
    (5, [Float(1), 10, 100], 2, 1, Padding.same, [Float(210), 432, 54]),
    // same, even k 2, s 1, L 4: padTotal 1, padBefore 0 → the zero goes after.
    (4, [1, 10], 1, 1, .same, [21, 32, 43, 4]),
    // valid, k 3, d 2, L 7: span 5 → 3 outputs reading x[o], x[o+2], x[o+4].
    (7, [1, 10, 100], 1, 2, .valid, [531, 642, 753]),
    // valid, k 2, s 3, L 8: 3 outputs starting at 0, 3, 6.
    (8, [1, 10], 3, 1, .valid, [21, 54, 87]),
    // same, k 3, s 2, d 2, L 6: span 5, out 3, padTotal 3, padBefore 1 → starts −1, 1, 3.
    (6, [1, 10, 100], 2, 2, .same, [420, 642, 64]),
  ])
  func forwardMatchesHandComputation(
    length: Int, taps: [Float], stride: Int, dilation: Int, padding: Padding, expected: [Float]
  ) {
    let layer = Conv1D(
      name: "conv", kernel: Tensor(shape: [taps.count, 1, 1], scalars: taps), bias: nil,
      stride: stride, padding: padding, dilation: dilation)
    let x = Tensor(shape: [1, length, 1], scalars: (1...length).map(Float.init))
    #expect(layer.forward(x) == Tensor(shape: [1, expected.count, 1], scalars: expected))
  }

  /// Two channels in and out with bias and ReLU, checking the `[W, I, O]` kernel layout.
  @Test func forwardUsesKerasKernelLayout() {
    // K[0] = [[1, 0], [0, 1]], K[1] = [[2, 0], [0, -1]] (rows: input channel, columns: output).
    let kernel = Tensor(shape: [2, 2, 2], scalars: [1, 0, 0, 1, 2, 0, 0, -1])
    let bias = Tensor(shape: [2], scalars: [0.5, -0.5])
    let x = Tensor(shape: [1, 3, 2], scalars: [1, 2, 3, 4, 5, 6])
    // z[0] = [1·1 + 3·2 + 0.5, 2·1 + 4·(−1) − 0.5] = [7.5, −2.5]; z[1] = [13.5, −2.5].
    let linear = Conv1D(name: "conv", kernel: kernel, bias: bias)
    #expect(linear.forward(x) == Tensor(shape: [1, 2, 2], scalars: [7.5, -2.5, 13.5, -2.5]))
    let relu = Conv1D(name: "conv", kernel: kernel, bias: bias, activation: .relu)
    #expect(relu.forward(x) == Tensor(shape: [1, 2, 2], scalars: [7.5, 0, 13.5, 0]))
  }

  /// Shape errors name the layer: wrong channels, too short for `valid`, wrong bias.
  @Test func outputShapeErrorsNameTheLayer() {
    let layer = Conv1D(
      name: "conv1d_7", kernel: Tensor(shape: [5, 4, 3]), bias: Tensor(shape: [3]), dilation: 2)
    #expect(
      throws: ModelError.shapeMismatch(layer: "conv1d_7", expected: "[L, 4]", actual: [20, 3])
    ) {
      try layer.outputShape(for: [20, 3])
    }
    #expect(
      throws: ModelError.shapeMismatch(layer: "conv1d_7", expected: "[L ≥ 9, 4]", actual: [8, 4])
    ) {
      try layer.outputShape(for: [8, 4])
    }
    var badBias = layer
    badBias.parameters["bias"] = Tensor(shape: [2])
    #expect(
      throws: ModelError.parameterShape(
        layer: "conv1d_7", parameter: "bias", expected: [3], actual: [2])
    ) {
      try badBias.outputShape(for: [20, 4])
    }
    #expect(
      ModelError.shapeMismatch(layer: "conv1d_7", expected: "[L, 4]", actual: [20, 3]).description
        .contains("'conv1d_7'"))
  }
}
