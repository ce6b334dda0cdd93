@testable import SanityChecker
import SanityTestSupport
import Testing

/// The fused `Conv1D → GlobalMaxPooling1D` forward pass (``MaxPooledConvolution``) against the
/// layers one by one, on random models and on batches with and without non-one-hot rows.
@Suite struct MaxPooledConvolutionTests {
  static func model(
    filters: Int, width: Int, padding: Padding, activation: Activation, seed: UInt64
  ) throws -> Model {
    try Model(
      name: "fused-test", inputShape: [31, 4],
      layers: [
        Conv1D(
          name: "conv", kernel: TestSupport.uniform([width, 4, filters], seed: seed),
          bias: TestSupport.uniform([filters], seed: seed + 1, low: -0.5, high: 0.5),
          padding: padding,
          activation: activation),
        GlobalMaxPooling1D(name: "pool"),
        Dense(
          name: "dense_1", kernel: TestSupport.uniform([filters, 7], seed: seed + 2),
          bias: TestSupport.uniform([7], seed: seed + 3), activation: .relu),
        Dense(
          name: "dense_2", kernel: TestSupport.uniform([7, 2], seed: seed + 4),
          bias: TestSupport.uniform([2], seed: seed + 5)),
      ])
  }

  /// The layer-by-layer output, one layer over the whole batch at a time.
  static func layerByLayer(_ model: Model, _ x: Tensor) -> Tensor {
    model.layers.reduce(x) { $1.forward($0) }
  }

  /// The pooled vectors are equal value for value: both paths add the same table rows in the
  /// same order, and `max_q relu(z_q) = relu(max_q z_q)` exactly.
  ///
  /// Filters 16 with 3-tap groups take the direct kernel, the others the table pass plus a
  /// separate maximum; `same` padding has edge windows.
  @Test(arguments: [
    (16, 24, Padding.valid, Activation.relu), (16, 24, .valid, .linear), (16, 7, .valid, .relu),
    (16, 6, .same, .relu), (5, 24, .valid, .relu), (19, 9, .same, .linear), (32, 12, .valid, .relu),
  ])
  func matchesLayers(filters: Int, width: Int, padding: Padding, activation: Activation) throws {
    let model = try Self.model(
      filters: filters, width: width, padding: padding, activation: activation,
      seed: UInt64(filters + width))
    let plan = try #require(MaxPooledConvolution(model: model))
    #expect(plan.isDirect == (filters == 16 && width % 3 == 0 && padding == .valid))
    let x = TestSupport.oneHotDNA(300, length: 31, seed: 11)  // several chunks
    // The dense head's sgemm may round a row differently by its place in the matrix (±1 ulp).
    TestSupport.expectClose(
      model.forward(x), Self.layerByLayer(model, x), relativeTolerance: 1e-6, "forward")
    let pooled = try #require(plan.pooled(x, items: 5..<9))
    let layerPooled = model.layers[1].forward(model.layers[0].forward(x.items(5..<9)))
    #expect(pooled.scalars == layerPooled.scalars)
  }

  /// A row with an N (0.25 at every base) or an empty position makes its chunk take the layers;
  /// the output still equals the layer-by-layer pass, and the plan refuses such items.
  @Test(arguments: [16, 5])
  func nonOneHotRowsTakeTheLayers(filters: Int) throws {
    let model = try Self.model(
      filters: filters, width: 24, padding: .valid, activation: .relu, seed: 3)
    let plan = try #require(MaxPooledConvolution(model: model))
    var x = TestSupport.oneHotDNA(40, length: 31, seed: 5)
    for base in 0..<4 {
      x[2, 7, base] = 0.25
      x[30, 0, base] = 0
    }
    #expect(plan.pooled(x, items: 0..<3) == nil)
    #expect(plan.pooled(x, items: 30..<31) == nil)
    #expect(plan.pooled(x, items: 3..<30) != nil)
    TestSupport.expectClose(
      model.forward(x), Self.layerByLayer(model, x), relativeTolerance: 1e-6, "forward")
  }

  /// Models the fusion does not cover get no plan: strided convolutions, a pooling layer other
  /// than the global maximum, a non-ReLU activation.
  @Test func unsupportedModelsHaveNoPlan() throws {
    let kernel = TestSupport.uniform([5, 4, 3], seed: 1)
    func model(_ conv: Conv1D, _ pooling: any Layer) throws -> Model {
      try Model(inputShape: [20, 4], layers: [conv, pooling])
    }
    let strided = Conv1D(name: "c", kernel: kernel, bias: nil, stride: 2, activation: .relu)
    let sigmoid = Conv1D(name: "c", kernel: kernel, bias: nil, activation: .sigmoid)
    let plain = Conv1D(name: "c", kernel: kernel, bias: nil, activation: .relu)
    #expect(MaxPooledConvolution(model: try model(strided, GlobalMaxPooling1D(name: "p"))) == nil)
    #expect(MaxPooledConvolution(model: try model(sigmoid, GlobalMaxPooling1D(name: "p"))) == nil)
    #expect(MaxPooledConvolution(model: try model(plain, GlobalAveragePooling1D(name: "p"))) == nil)
    #expect(MaxPooledConvolution(model: try model(plain, GlobalMaxPooling1D(name: "p"))) != nil)
  }
}
