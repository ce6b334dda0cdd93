import SanityChecker
import SanityTestSupport
import Testing

@Suite("Model chunk size")
struct ModelChunkSizeTests {
  /// `[1024, 64] → Flatten → Dense(units)`: the widest activation allows 4 items per chunk.
  static func flattenDense(units: Int) throws -> Model {
    try Model(
      name: "flatten-dense", inputShape: [1024, 64],
      layers: [
        Flatten(name: "flatten_1"),
        Dense(name: "dense_1", kernel: Tensor(shape: [65536, units], repeating: 0.001), bias: nil),
      ])
  }

  @Test(
    "a Dense kernel of 2²² weights or more gets up to 32 rows per chunk; smaller ones keep the base rule"
  )
  func largeDenseKernelsGetMoreRows() throws {
    let large = try Self.flattenDense(units: 64)
    #expect(large.chunkSize == 32)
    #expect(large.bytesPerChunk <= Model.chunkBytes)
    #expect(try Self.flattenDense(units: 32).chunkSize == 4)
    #expect(try TestSupport.deepBindNetwork().chunkSize == 256)
  }

  @Test("bytes per item count every activation twice and the largest im2col matrix")
  func bytesPerItem() throws {
    let model = try TestSupport.deepBindNetwork(
      length: 20, filters: 4, width: 5, hidden: 6, outputs: 1)
    // [20, 4], [16, 4], [4], [6], [1] activations; im2col 16 × 20.
    #expect(model.bytesPerItem == 4 * (2 * (80 + 64 + 4 + 6 + 1) + 16 * 20))
  }
}
