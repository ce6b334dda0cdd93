@testable import SanityChecker
import SanityTestSupport
import Testing

/// ``WideDenseForward`` against the chunked pass it replaces, bit for bit.
@Suite struct WideDenseForwardTests {
  /// `[1028, 8] → Conv1D(5 × 64, ReLU) → Flatten → Dense(65,536 × 64, ReLU) → Dense(64 × 5,
  /// sigmoid)`: the wide kernel's items are 262 kB apart, so a 64 MiB budget cuts blocks of one
  /// chunk.
  static func convolutionChain() throws -> Model {
    try Model(
      name: "wide-chain", inputShape: [1028, 8],
      layers: [
        Conv1D(
          name: "conv", kernel: TestSupport.uniform([5, 8, 64], seed: 1),
          bias: TestSupport.uniform([64], seed: 2), activation: .relu),
        Flatten(name: "flatten"),
        Dense(
          name: "wide", kernel: TestSupport.uniform([65_536, 64], seed: 3, low: -0.01, high: 0.01),
          bias: TestSupport.uniform([64], seed: 4), activation: .relu),
        Dense(
          name: "head", kernel: TestSupport.uniform([64, 5], seed: 5), bias: nil,
          activation: .sigmoid),
      ])
  }

  /// `one-hot [40, 4] → Conv1D(5 × 4,096, ReLU) → GlobalMaxPooling1D → Dense(4,096 × 1,024,
  /// softmax)`: the prefix takes ``MaxPooledConvolution``; the softmax runs on whole rows.
  static func pooledChain() throws -> Model {
    try Model(
      name: "wide-pooled", inputShape: [40, 4],
      layers: [
        Conv1D(
          name: "conv", kernel: TestSupport.uniform([5, 4, 4096], seed: 6), bias: nil,
          activation: .relu),
        GlobalMaxPooling1D(name: "pool"),
        Dense(
          name: "wide", kernel: TestSupport.uniform([4096, 1024], seed: 7, low: -0.05, high: 0.05),
          bias: TestSupport.uniform([1024], seed: 8), activation: .softmax),
      ])
  }

  /// The chunked pass, layer by layer, one ``Model/chunkSize`` chunk at a time.
  static func chunked(_ model: Model, _ input: Tensor) -> [Float] {
    stride(from: 0, to: input.batchSize, by: model.chunkSize).flatMap { start in
      let items = start..<min(input.batchSize, start + model.chunkSize)
      return model.layers.reduce(input.items(items)) { $1.forward($0) }.scalars
    }
  }

  @Test(arguments: [(1, 64 << 20), (2, 64 << 20), (3, 1 << 30), (2, 1 << 30)])
  func convolutionChainMatchesChunkedPass(threads: Int, budget: Int) throws {
    guard GEMMKernel.preferred != .openBLAS else { return }
    let model = try Self.convolutionChain()
    #expect(WideDenseForward(model: model)?.index == 2)
    let input = TestSupport.uniform([70, 1028, 8], seed: 9)
    let output = try MemoryBudget.$scoped.withValue(try MemoryBudget(bytes: budget)) {
      Parallel.$scopedThreadCount.withValue(threads) { model.forward(input) }
    }
    #expect(output.shape == [70, 5])
    #expect(output.scalars == Self.chunked(model, input))
  }

  @Test(arguments: [1, 2])
  func pooledChainMatchesChunkedPass(threads: Int) throws {
    guard GEMMKernel.preferred != .openBLAS else { return }
    let model = try Self.pooledChain()
    #expect(WideDenseForward(model: model)?.index == 2)
    let input = TestSupport.oneHotDNA(40, length: 40, seed: 10)
    let output = Parallel.$scopedThreadCount.withValue(threads) { model.forward(input) }
    #expect(output.shape == [40, 1024])
    #expect(output.scalars == Self.chunked(model, input))
  }

  /// Column blocks of any width give the whole product's values, forward and backward (the
  /// backward product's columns are the kernel's rows), also with a last block narrower than the
  /// others.
  @Test(arguments: [1, 2, 3, 7])
  func columnBlocksMatchWholeProduct(blocks: Int) throws {
    guard GEMMKernel.preferred != .openBLAS else { return }
    let dense = Dense(
      name: "dense", kernel: TestSupport.uniform([300, 200], seed: 11),
      bias: TestSupport.uniform([200], seed: 12), activation: .tanh)
    let input = TestSupport.uniform([9, 300], seed: 13)
    let output = dense.forward(input)
    #expect(dense.forward(input, columnBlocks: blocks).scalars == output.scalars)
    let signal = TestSupport.uniform([9, 200], seed: 26)
    for rule in [BackwardRule.gradient, .guidedBackprop, .deconvNet] {
      let whole = dense.backward(signal, input: input, output: output, rule: rule)
      let split = dense.backward(
        signal, input: input, output: output, rule: rule, columnBlocks: blocks)
      #expect(split.scalars == whole.scalars)
    }
  }

  /// Kernels under 2²² weights, and wide kernels with fewer than 32 units (OpenBLAS), keep the
  /// chunked pass.
  @Test func appliesOnlyToWideKernelsWithEnoughUnits() throws {
    let small = try Model(
      name: "small", inputShape: [64],
      layers: [Dense(name: "d", kernel: TestSupport.uniform([64, 64], seed: 14), bias: nil)])
    let narrow = try Model(
      name: "narrow", inputShape: [262_144],
      layers: [Dense(name: "d", kernel: Tensor(shape: [262_144, 16], repeating: 0), bias: nil)])
    #expect(WideDenseForward(model: small) == nil)
    #expect(WideDenseForward(model: narrow) == nil)
  }
}
