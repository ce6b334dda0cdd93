import SanityChecker
import SanityTestSupport
import Testing

/// One point of the Conv2D test grid.
struct Conv2DCase: Sendable, CustomTestStringConvertible {
  let kernelSize: [Int]
  let strides: [Int]
  let padding: Padding
  let dilation: [Int]
  let channels: Int
  let activation: Activation
  let seed: UInt64

  var testDescription: String {
    "k\(kernelSize) s\(strides) \(padding) d\(dilation) c\(channels) \(activation)"
  }

  static let height = 6
  static let width = 7

  /// Kernels 1×1 to 5×4 × strides × valid/same × dilations × channels 1, 3, without the
  /// `valid` cases whose dilated kernel exceeds the 6×7 input; the activation cycles.
  static let grid: [Conv2DCase] = {
    var cases: [Conv2DCase] = []
    for kernelSize in [[1, 1], [2, 3], [3, 3], [5, 4]] {
      for strides in [[1, 1], [2, 1], [3, 2]] {
        for padding in [Padding.valid, .same] {
          for dilation in [[1, 1], [2, 2]] {
            let spans = zip(kernelSize, dilation).map { ($0 - 1) * $1 + 1 }
            if padding == .valid && (spans[0] > height || spans[1] > width) { continue }
            for channels in [1, 3] {
              let index = cases.count
              cases.append(
                Conv2DCase(
                  kernelSize: kernelSize, strides: strides, padding: padding, dilation: dilation,
                  channels: channels,
                  activation: Activation.allCases[index % Activation.allCases.count],
                  seed: UInt64(5000 + 10 * index)))
            }
          }
        }
      }
    }
    return cases
  }()
}

@Suite struct Conv2DTests {
  /// Input, kernel and bias gradients match central differences (h = 1e-2, Double accumulation).
  ///
  /// Tolerance 2e-3 × max(1, max|gradient|) (see ``LayerChecks``).
  @Test(arguments: Conv2DCase.grid)
  func gradientsMatchFiniteDifferences(_ testCase: Conv2DCase) throws {
    let outputs = 2
    let kernel = TestSupport.uniform(
      [testCase.kernelSize[0], testCase.kernelSize[1], testCase.channels, outputs],
      seed: testCase.seed)
    let bias = TestSupport.uniform([outputs], seed: testCase.seed + 1)
    var layer = Conv2D(
      name: "conv", kernel: kernel, bias: bias, strides: testCase.strides,
      padding: testCase.padding,
      dilation: testCase.dilation)
    let linear = layer
    // Every |x|, |w|, |b| ≤ 1, so one step of h moves z by at most h: keep |z| ≥ 2h.
    let x = try #require(
      LayerChecks.uniform(
        [1, Conv2DCase.height, Conv2DCase.width, testCase.channels], seed: testCase.seed + 2,
        clearOfZeroBy: 2 * LayerChecks.step
      ) { linear.forward($0) })
    layer.activation = testCase.activation
    LayerChecks.expectInputGradient(
      of: layer, at: x, seed: testCase.seed + 3, tolerance: 2e-3, "\(testCase)")
    LayerChecks.expectParameterGradients(
      of: layer, at: x, keys: ["kernel", "bias"], seed: testCase.seed + 3, tolerance: 2e-3,
      "\(testCase)")
  }

  /// A batch of two gives the two single-item results (im2col runs once over the batch).
  @Test func batchEqualsItems() {
    let layer = Conv2D(
      name: "conv", kernel: TestSupport.uniform([3, 2, 2, 3], seed: 1),
      bias: TestSupport.uniform([3], seed: 2),
      strides: [2, 1], padding: .same, activation: .relu)
    let x = TestSupport.uniform([2, 5, 6, 2], seed: 3)
    let batched = layer.forward(x)
    #expect(
      Tensor.concatenating([layer.forward(x.items(0..<1)), layer.forward(x.items(1..<2))])
        == batched)
  }

  /// `same`, stride 1, 2×2 kernel `[[1, 2], [3, 4]]` on x = 1…9 (3×3): padTotal 1 per axis,
  /// padBefore 0, so the zero row and column come after the data.
  @Test func samePaddingPutsTheExtraZeroAfter() {
    let layer = Conv2D(
      name: "conv", kernel: Tensor(shape: [2, 2, 1, 1], scalars: [1, 2, 3, 4]), bias: nil,
      padding: .same)
    let x = Tensor(shape: [1, 3, 3, 1], scalars: (1...9).map(Float.init))
    // y[i, j] = x[i, j] + 2·x[i, j+1] + 3·x[i+1, j] + 4·x[i+1, j+1], zeros outside.
    let expected: [Float] = [37, 47, 21, 67, 77, 33, 23, 26, 9]
    #expect(layer.forward(x) == Tensor(shape: [1, 3, 3, 1], scalars: expected))
  }

  /// `valid`, strides [2, 1], dilation [1, 2], kernel `[[1, 10], [100, 1000]]` on the 5×5 input
  /// x[h, w] = 5h + w + 1: OH = ⌊(5 − 2)/2⌋ + 1 = 2, OW = 5 − 3 + 1 = 3, and
  /// y[oh, ow] = x[2oh, ow] + 10·x[2oh, ow+2] + 100·x[2oh+1, ow] + 1000·x[2oh+1, ow+2].
  @Test func stridesAndDilationPickTheRightInputs() {
    let layer = Conv2D(
      name: "conv", kernel: Tensor(shape: [2, 2, 1, 1], scalars: [1, 10, 100, 1000]), bias: nil,
      strides: [2, 1], dilation: [1, 2])
    let x = Tensor(shape: [1, 5, 5, 1], scalars: (1...25).map(Float.init))
    let y = layer.forward(x)
    #expect(y.shape == [1, 2, 3, 1])
    #expect(y[0, 0, 0, 0] == 1 + 30 + 600 + 8000)
    #expect(y[0, 1, 2, 0] == 13 + 150 + 1800 + 20000)
  }

  /// Shape errors name the layer.
  @Test func outputShapeErrorsNameTheLayer() {
    let layer = Conv2D(
      name: "conv2d_3", kernel: Tensor(shape: [3, 3, 1, 8]), bias: Tensor(shape: [8]))
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "conv2d_3", expected: "[H, W, 1]", actual: [28, 28, 3])
    ) {
      try layer.outputShape(for: [28, 28, 3])
    }
    #expect(
      throws: ModelError.shapeMismatch(
        layer: "conv2d_3", expected: "[H ≥ 3, W ≥ 3, 1]", actual: [2, 28, 1])
    ) {
      try layer.outputShape(for: [2, 28, 1])
    }
    var wrongKernel = layer
    wrongKernel.parameters["kernel"] = Tensor(shape: [3, 3, 1, 4])
    #expect(
      throws: ModelError.parameterShape(
        layer: "conv2d_3", parameter: "kernel", expected: [3, 3, 1, 8], actual: [3, 3, 1, 4])
    ) {
      try wrongKernel.outputShape(for: [28, 28, 1])
    }
    #expect((try? layer.outputShape(for: [28, 28, 1])) == [26, 26, 8])
  }
}
