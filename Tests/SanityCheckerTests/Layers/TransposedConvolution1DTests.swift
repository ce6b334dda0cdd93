import SanityChecker
import SanityTestSupport
import Testing

/// The 1-D transposed convolution: hand values, the definition (PyTorch's `ConvTranspose1d`
/// written as a loop), gradients against central differences in `Double`, ε-LRP conservation,
/// DeepLIFT = Gradient × Input on a linear model, and fast ISM through it.
@Suite struct TransposedConvolution1DTests {
  /// One grid case: taps, stride, dilation, cropping, output padding, channels, activation.
  struct Case: CustomStringConvertible, Sendable {
    var taps: Int
    var stride: Int
    var dilation: Int
    var crop: (Int, Int)
    var outputPadding: Int
    var channels: Int
    var filters: Int
    var activation: Activation
    var seed: UInt64

    var description: String {
      "k\(taps) s\(stride) d\(dilation) crop \(crop) a\(outputPadding) \(channels)→\(filters) "
        + "\(activation)"
    }

    func layer(kernel: Tensor, bias: Tensor?) -> TransposedConvolution1D {
      TransposedConvolution1D(
        name: "up", kernel: kernel, bias: bias, stride: stride, dilation: dilation,
        cropping: crop, outputPadding: outputPadding, activation: activation)
    }
  }

  static let length = 7

  static let grid: [Case] = [
    Case(
      taps: 3, stride: 1, dilation: 1, crop: (1, 1), outputPadding: 0, channels: 2, filters: 3,
      activation: .linear, seed: 1),
    Case(
      taps: 4, stride: 2, dilation: 1, crop: (1, 1), outputPadding: 0, channels: 3, filters: 2,
      activation: .relu, seed: 2),
    Case(
      taps: 3, stride: 2, dilation: 1, crop: (1, 0), outputPadding: 1, channels: 2, filters: 2,
      activation: .tanh, seed: 3),
    Case(
      taps: 3, stride: 3, dilation: 2, crop: (0, 2), outputPadding: 1, channels: 4, filters: 2,
      activation: .sigmoid, seed: 4),
    Case(
      taps: 2, stride: 2, dilation: 1, crop: (0, 0), outputPadding: 0, channels: 1, filters: 1,
      activation: .linear, seed: 5),
  ]

  /// `ConvTranspose1d` by its definition: `y[j, o] = b[o] + Σ x[q, i]·K[t, o, i]` over
  /// `q·s + t·d = j + p₀`.
  static func reference(_ testCase: Case, x: Tensor, kernel: Tensor, bias: Tensor) -> Tensor {
    let (batch, length) = (x.shape[0], x.shape[1])
    let full = (length - 1) * testCase.stride + (testCase.taps - 1) * testCase.dilation + 1
    let outputs = full + testCase.outputPadding - testCase.crop.0 - testCase.crop.1
    var y = Tensor(shape: [batch, outputs, testCase.filters])
    for n in 0..<batch {
      for j in 0..<outputs {
        for o in 0..<testCase.filters {
          var sum = Double(bias[o])
          for q in 0..<length {
            for t in 0..<testCase.taps
            where q * testCase.stride + t * testCase.dilation == j + testCase.crop.0 {
              for i in 0..<testCase.channels { sum += Double(x[n, q, i] * kernel[t, o, i]) }
            }
          }
          y[n, j, o] = Float(sum)
        }
      }
    }
    return y
  }

  /// `x = [1, 2, 3]`, taps `[1, 10]`, stride 2: the full output `[1, 10, 2, 20, 3, 30]`; cropping
  /// one position at the start and an output padding of 1 give `[10, 2, 20, 3, 30, 0] + b`.
  @Test func handValues() throws {
    let layer = TransposedConvolution1D(
      name: "up", kernel: Tensor(shape: [2, 1, 1], scalars: [1, 10]),
      bias: Tensor(shape: [1], scalars: [0.5]), stride: 2, cropping: (1, 0), outputPadding: 1)
    let x = Tensor(shape: [1, 3, 1], scalars: [1, 2, 3])
    let expected: [Float] = [10.5, 2.5, 20.5, 3.5, 30.5, 0.5]
    #expect(layer.forward(x).scalars == expected)
    #expect(try layer.outputShape(for: [3, 1]) == [6, 1])
    #expect(
      throws: ModelError.shapeMismatch(layer: "up", expected: "[L, 1]", actual: [3, 2])
    ) {
      try layer.outputShape(for: [3, 2])
    }
    // The gradient of Σ y·v with v = 1, 2, …: x[q] reaches y[2q − 1 + t], so 10·1, 2 + 30, 4 + 50.
    let v = Tensor(shape: [1, 6, 1], scalars: [1, 2, 3, 4, 5, 6])
    let back = layer.backward(v, input: x, output: layer.forward(x), rule: .gradient)
    #expect(back.scalars == [10, 32, 54])
  }

  /// The forward pass equals the definition to Float rounding over the grid.
  @Test(arguments: grid)
  func forwardMatchesTheDefinition(_ testCase: Case) {
    let kernel = TestSupport.uniform(
      [testCase.taps, testCase.filters, testCase.channels], seed: testCase.seed)
    let bias = TestSupport.uniform([testCase.filters], seed: testCase.seed + 1)
    var layer = testCase.layer(kernel: kernel, bias: bias)
    layer.activation = .linear
    let x = TestSupport.uniform([2, Self.length, testCase.channels], seed: testCase.seed + 2)
    LayerChecks.expectClose(
      layer.forward(x), Self.reference(testCase, x: x, kernel: kernel, bias: bias),
      tolerance: 1e-5, "\(testCase)")
  }

  /// Input, kernel and bias gradients match central differences (h = 1e-2, Double
  /// accumulation); tolerance 2e-3 × max(1, max|gradient|) as for ``Conv1D``.
  @Test(arguments: grid)
  func gradientsMatchFiniteDifferences(_ testCase: Case) throws {
    let kernel = TestSupport.uniform(
      [testCase.taps, testCase.filters, testCase.channels], seed: testCase.seed)
    let bias = TestSupport.uniform([testCase.filters], seed: testCase.seed + 1)
    var layer = testCase.layer(kernel: kernel, bias: bias)
    layer.activation = .linear
    let linear = layer
    let x = try #require(
      LayerChecks.uniform(
        [2, Self.length, testCase.channels], seed: testCase.seed + 2,
        clearOfZeroBy: 2 * LayerChecks.step
      ) { linear.forward($0) })
    layer.activation = testCase.activation
    LayerChecks.expectInputGradient(
      of: layer, at: x, seed: testCase.seed + 3, tolerance: 2e-3, "\(testCase)")
    LayerChecks.expectParameterGradients(
      of: layer, at: x, keys: ["kernel", "bias"], seed: testCase.seed + 3, tolerance: 2e-3,
      "\(testCase)")
    let y = layer.forward(x)
    let v = TestSupport.uniform(y.shape, seed: testCase.seed + 4)
    let gradient = layer.backward(v, input: x, output: y, rule: .gradient)
    if testCase.activation != .relu {
      for rule in [BackwardRule.guidedBackprop, .deconvNet] {
        #expect(layer.backward(v, input: x, output: y, rule: rule) == gradient, "\(rule)")
      }
    }
  }

  /// With zero bias and ε → 0, ε-LRP conserves relevance per item, including the positions
  /// an output padding adds (they read no input and carry no relevance).
  @Test(arguments: grid)
  func epsilonLRPConservesRelevance(_ testCase: Case) {
    var layer = testCase.layer(
      kernel: TestSupport.uniform(
        [testCase.taps, testCase.filters, testCase.channels], seed: testCase.seed), bias: nil)
    layer.activation = .linear
    let x = TestSupport.uniform([2, Self.length, testCase.channels], seed: testCase.seed + 5)
    let y = layer.forward(x)
    let relevance = y.multiplied(
      by: TestSupport.uniform(y.shape, seed: testCase.seed + 6, low: 0, high: 1))
    let back = layer.backward(relevance, input: x, output: y, rule: .epsilonLRP(epsilon: 1e-7))
    for (input, output) in zip(back.itemSums(), relevance.itemSums()) {
      #expect(abs(input - output) <= 1e-3 * max(1, abs(output)), "\(testCase) conserves")
    }
  }

  /// A profile-head-shaped model: conv → strided conv → transposed conv (upsampling) → conv.
  static func upsamplingModel(activation: Activation) throws -> Model {
    try Model(
      name: "upsampling", inputShape: [16, 4],
      layers: [
        Conv1D(
          name: "stem", kernel: TestSupport.uniform([3, 4, 6], seed: 81), bias: nil,
          padding: .same, activation: activation),
        Conv1D(
          name: "down", kernel: TestSupport.uniform([2, 6, 6], seed: 82), bias: nil, stride: 2),
        TransposedConvolution1D(
          name: "up", kernel: TestSupport.uniform([4, 3, 6], seed: 83),
          bias: TestSupport.uniform([3], seed: 84), stride: 2, cropping: (1, 1),
          activation: activation),
        GlobalMaxPooling1D(name: "pool"),
        Dense(name: "out", kernel: TestSupport.uniform([3, 2], seed: 85), bias: nil),
      ])
  }

  /// DeepLIFT conserves the delta through the layer and equals Gradient × Input when linear.
  @Test func deepLIFTTreatsTheLinearPartAsAGradientStep() throws {
    try TestSupport.expectDeepLIFTIsAGradientStep(
      for: TestSupport.uniform([3, 16, 4], seed: 86), targets: [0, 1, 0],
      nonlinear: Self.upsamplingModel(activation: .relu),
      linear: Self.upsamplingModel(activation: .linear), relativeTolerance: 1e-4)
  }

  /// Fast ISM through the layer (a local layer) equals naive ISM.
  @Test func fastISMEqualsNaiveISM() throws {
    try TestSupport.expectFastISMEqualsNaive(
      for: TestSupport.oneHotDNA(2, length: 16, seed: 87),
      in: Self.upsamplingModel(activation: .relu))
  }
}
