import SanityChecker
import SanityTestSupport
import Testing

/// Grouped and depthwise convolutions: equal to a full convolution whose kernel is zero across
/// groups (forward and every rule), gradients against central differences in `Double`, ε-LRP
/// conservation, DeepLIFT = Gradient × Input on a linear model, and the window pass of fast ISM.
@Suite struct GroupedConvolutionTests {
  /// One grid case: spatial rank, groups, input and output channels, taps, stride, dilation,
  /// padding, activation.
  struct Case: CustomStringConvertible, Sendable {
    var rank: Int
    var groups: Int
    var channels: Int
    var outputs: Int
    var taps: Int
    var stride: Int
    var dilation: Int
    var padding: Padding
    var activation: Activation
    var seed: UInt64

    var description: String {
      "\(rank)-D G\(groups) \(channels)→\(outputs) k\(taps) s\(stride) d\(dilation) "
        + "\(padding) \(activation)"
    }

    var kernelShape: Shape {
      Shape([Int](repeating: taps, count: rank) + [channels / groups, outputs])
    }

    var inputShape: Shape {
      Shape([2] + [Int](repeating: rank == 1 ? 11 : 6, count: rank) + [channels])
    }

    func layer(kernel: Tensor, bias: Tensor?) -> GroupedConvolution {
      GroupedConvolution(
        name: "grouped", kernel: kernel, bias: bias, groups: groups,
        strides: [Int](repeating: stride, count: rank), padding: padding,
        dilation: [Int](repeating: dilation, count: rank), activation: activation)
    }
  }

  static let grid: [Case] = [
    Case(
      rank: 1, groups: 2, channels: 4, outputs: 6, taps: 3, stride: 1, dilation: 1, padding: .same,
      activation: .relu, seed: 1),
    Case(
      rank: 1, groups: 4, channels: 4, outputs: 4, taps: 5, stride: 1, dilation: 2, padding: .same,
      activation: .linear, seed: 2),
    Case(
      rank: 1, groups: 4, channels: 4, outputs: 8, taps: 3, stride: 2, dilation: 1, padding: .valid,
      activation: .tanh, seed: 3),
    Case(
      rank: 1, groups: 3, channels: 6, outputs: 3, taps: 2, stride: 3, dilation: 1, padding: .valid,
      activation: .sigmoid, seed: 4),
    Case(
      rank: 2, groups: 2, channels: 4, outputs: 4, taps: 3, stride: 1, dilation: 1, padding: .same,
      activation: .relu, seed: 5),
    Case(
      rank: 2, groups: 3, channels: 3, outputs: 6, taps: 2, stride: 2, dilation: 1, padding: .valid,
      activation: .linear, seed: 6),
  ]

  /// The full convolution's kernel `[k…, I, O]` that is zero across groups.
  static func blockDiagonal(_ kernel: Tensor, groups: Int) -> Tensor {
    let dimensions = kernel.shape.dimensions
    let (width, outputs) = (dimensions[dimensions.count - 2], dimensions[dimensions.count - 1])
    let channels = width * groups
    let taps = kernel.shape.count / (width * outputs)
    var full = [Float](repeating: 0, count: taps * channels * outputs)
    let perGroup = outputs / groups
    for t in 0..<taps {
      for j in 0..<width {
        for o in 0..<outputs {
          let i = (o / perGroup) * width + j
          full[(t * channels + i) * outputs + o] = kernel.scalars[(t * width + j) * outputs + o]
        }
      }
    }
    return Tensor(
      shape: Shape(Array(dimensions.dropLast(2)) + [channels, outputs]), scalars: full)
  }

  /// The full convolution equal to `testCase`'s grouped one.
  static func full(_ testCase: Case, kernel: Tensor, bias: Tensor?) -> any Layer {
    let dense = blockDiagonal(kernel, groups: testCase.groups)
    if testCase.rank == 1 {
      return Conv1D(
        name: "full", kernel: dense, bias: bias, stride: testCase.stride,
        padding: testCase.padding, dilation: testCase.dilation, activation: testCase.activation)
    }
    return Conv2D(
      name: "full", kernel: dense, bias: bias, strides: [testCase.stride, testCase.stride],
      padding: testCase.padding, dilation: [testCase.dilation, testCase.dilation],
      activation: testCase.activation)
  }

  /// Forward and every rule agree with the block-diagonal full convolution to Float rounding
  /// (1e-5 of each tensor's largest value; the sums run over different numbers of zero terms).
  @Test(arguments: grid)
  func equalsBlockDiagonalConvolution(_ testCase: Case) throws {
    let kernel = TestSupport.uniform(testCase.kernelShape, seed: testCase.seed)
    let bias = TestSupport.uniform(
      [testCase.outputs], seed: testCase.seed + 1, low: -0.3, high: 0.3)
    let grouped = testCase.layer(kernel: kernel, bias: bias)
    let full = Self.full(testCase, kernel: kernel, bias: bias)
    let x = TestSupport.uniform(testCase.inputShape, seed: testCase.seed + 2)
    let y = grouped.forward(x)
    LayerChecks.expectClose(y, full.forward(x), tolerance: 1e-5, "\(testCase) forward")
    #expect(
      try grouped.outputShape(for: Shape(Array(x.shape.dimensions.dropFirst())))
        == Shape(Array(y.shape.dimensions.dropFirst())))
    let v = TestSupport.uniform(y.shape, seed: testCase.seed + 3)
    for rule in [
      BackwardRule.gradient, .guidedBackprop, .deconvNet, .epsilonLRP(epsilon: 0.01),
    ] {
      LayerChecks.expectClose(
        grouped.backward(v, input: x, output: y, rule: rule),
        full.backward(v, input: x, output: y, rule: rule), tolerance: 1e-5, "\(testCase) \(rule)")
    }
  }

  /// Input, kernel and bias gradients match central differences (h = 1e-2, Double
  /// accumulation); tolerance 2e-3 × max(1, max|gradient|) as for ``Conv1D``.
  @Test(arguments: grid)
  func gradientsMatchFiniteDifferences(_ testCase: Case) throws {
    let kernel = TestSupport.uniform(testCase.kernelShape, seed: testCase.seed)
    let bias = TestSupport.uniform([testCase.outputs], seed: testCase.seed + 1)
    var layer = testCase.layer(kernel: kernel, bias: bias)
    layer.activation = .linear
    let linear = layer
    let x = try #require(
      LayerChecks.uniform(
        testCase.inputShape, seed: testCase.seed + 2, clearOfZeroBy: 2 * LayerChecks.step
      ) { linear.forward($0) })
    layer.activation = testCase.activation
    LayerChecks.expectInputGradient(
      of: layer, at: x, seed: testCase.seed + 3, tolerance: 2e-3, "\(testCase)")
    LayerChecks.expectParameterGradients(
      of: layer, at: x, keys: ["kernel", "bias"], seed: testCase.seed + 3, tolerance: 2e-3,
      "\(testCase)")
  }

  /// With zero bias and ε → 0, ε-LRP conserves relevance per item.
  @Test func epsilonLRPConservesRelevance() {
    for testCase in Self.grid where testCase.activation == .linear || testCase.activation == .relu {
      let layer = testCase.layer(
        kernel: TestSupport.uniform(testCase.kernelShape, seed: testCase.seed), bias: nil)
      let x = TestSupport.uniform(testCase.inputShape, seed: testCase.seed + 4)
      let y = layer.forward(x)
      let relevance = y.multiplied(
        by: TestSupport.uniform(y.shape, seed: testCase.seed + 5, low: 0, high: 1))
      let back = layer.backward(relevance, input: x, output: y, rule: .epsilonLRP(epsilon: 1e-7))
      for (input, output) in zip(back.itemSums(), relevance.itemSums()) {
        #expect(abs(input - output) <= 1e-3 * max(1, abs(output)), "\(testCase) conserves")
      }
    }
  }

  /// DeepLIFT through a depthwise layer conserves the delta, and on a linear model equals
  /// Gradient × Input (zero reference).
  @Test func deepLIFTTreatsTheLinearPartAsAGradientStep() throws {
    func model(activation: Activation) throws -> Model {
      try Model(
        name: "depthwise", inputShape: [12, 4],
        layers: [
          GroupedConvolution(
            name: "depthwise", kernel: TestSupport.uniform([5, 1, 8], seed: 61),
            bias: TestSupport.uniform([8], seed: 62), groups: 4, strides: [1], padding: .same,
            dilation: [1], activation: activation),
          GlobalAveragePooling1D(name: "pool"),
          Dense(name: "out", kernel: TestSupport.uniform([8, 2], seed: 63), bias: nil),
        ])
    }
    try TestSupport.expectDeepLIFTIsAGradientStep(
      for: TestSupport.uniform([3, 12, 4], seed: 64), targets: [0, 1, 0],
      nonlinear: model(activation: .relu), linear: model(activation: .linear),
      relativeTolerance: 1e-4)
  }

  /// Fast ISM on a chain with a grouped layer equals naive ISM.
  @Test func fastISMEqualsNaiveISM() throws {
    let model = try Model(
      name: "grouped-ism", inputShape: [16, 4],
      layers: [
        Conv1D(
          name: "stem", kernel: TestSupport.uniform([3, 4, 8], seed: 71), bias: nil,
          padding: .same, activation: .relu),
        GroupedConvolution(
          name: "grouped", kernel: TestSupport.uniform([3, 2, 8], seed: 72),
          bias: TestSupport.uniform([8], seed: 73), groups: 4, strides: [1], padding: .same,
          dilation: [2], activation: .relu),
        GlobalMaxPooling1D(name: "pool"),
        Dense(name: "out", kernel: TestSupport.uniform([8, 2], seed: 74), bias: nil),
      ])
    try TestSupport.expectFastISMEqualsNaive(
      for: TestSupport.oneHotDNA(2, length: 16, seed: 75), in: model)
  }
}
