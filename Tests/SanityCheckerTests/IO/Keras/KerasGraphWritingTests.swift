import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Writing graph models and the 2-D shape layers to Keras files: `load(write(model))` has the
/// same layers, wiring, heads and parameters, and gives the same outputs bit for bit.
@Suite struct KerasGraphWritingTests {
  /// Writes `model`, reads it back and compares wiring, parameters and every head's output.
  static func expectRoundTrip(
    _ model: Model, input: Tensor, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("model.h5")
    try model.writeKeras(to: url)
    let loaded = try Model.loadKeras(url)
    KerasWritingTests.expectSameModel(loaded, model, sourceLocation: sourceLocation)
    #expect(loaded.inputNodes == model.inputNodes, sourceLocation: sourceLocation)
    #expect(loaded.outputNodes == model.outputNodes, sourceLocation: sourceLocation)
    #expect(loaded.isChain == model.isChain, sourceLocation: sourceLocation)
    let expected = model.forwardHeads(input)
    let actual = loaded.forwardHeads(input)
    #expect(actual == expected, sourceLocation: sourceLocation)
    #expect(try folder.contents() == ["model.h5"], sourceLocation: sourceLocation)
  }

  @Test func residualGraphRoundTrips() throws {
    let model = try GraphNetworks.residual(seed: 41)
    try Self.expectRoundTrip(model, input: TestSupport.uniform([3, 10, 3], seed: 42))
  }

  @Test(arguments: GraphNetworks.merges.indices)
  func twoBranchGraphRoundTrips(merge: Int) throws {
    let model = try GraphNetworks.twoBranch(GraphNetworks.merges[merge], seed: 43)
    try Self.expectRoundTrip(model, input: TestSupport.uniform([2, 8, 4], seed: 44))
  }

  @Test func twoHeadGraphRoundTripsWithItsHeadOrder() throws {
    let model = try OutputHeadTests.twoHeads(seed: 45)
    try Self.expectRoundTrip(model, input: TestSupport.uniform([2, 12, 4], seed: 46))
  }

  /// Keras 2 and Keras 3 fixtures written by Keras itself survive a write and a read.
  @Test(arguments: ["bpnet_keras3", "bpnet_keras2", "two_branch_keras3", "two_branch_keras2"])
  func kerasFixturesRoundTrip(name: String) throws {
    let model = try Model.loadKeras(TestSupport.fixture("Graph/\(name).h5"))
    let input = TestSupport.uniform(Shape([2] + model.inputShape.dimensions), seed: 47)
    try Self.expectRoundTrip(model, input: input)
  }

  @Test func twoDimensionalShapeLayersRoundTrip() throws {
    let model = try Model(
      name: "shapes", inputShape: [6, 5, 2],
      layers: [
        ZeroPadding2D(name: "pad", top: 1, bottom: 0, left: 2, right: 1),
        Conv2D(
          name: "conv", kernel: TestSupport.uniform([3, 3, 2, 3], seed: 48),
          bias: TestSupport.uniform([3], seed: 49), activation: .relu),
        Cropping2D(name: "crop", top: 1, bottom: 1, left: 0, right: 2),
        GlobalAveragePooling2D(name: "gap"),
        RepeatVector(name: "repeat", count: 4),
        Conv1D(name: "conv1d", kernel: TestSupport.uniform([2, 3, 2], seed: 50), bias: nil),
        Flatten(name: "flatten"),
      ])
    try Self.expectRoundTrip(model, input: TestSupport.uniform([2, 6, 5, 2], seed: 51))
  }

  /// Grouped convolutions are Keras `Conv1D`/`Conv2D` with `groups`, read back as grouped.
  @Test func groupedConvolutionsRoundTrip() throws {
    let sequence = try Model(
      name: "grouped", inputShape: [12, 4],
      layers: [
        GroupedConvolution(
          name: "depthwise", kernel: TestSupport.uniform([5, 1, 8], seed: 53),
          bias: TestSupport.uniform([8], seed: 54), groups: 4, strides: [1], padding: .same,
          dilation: [2], activation: .relu),
        GroupedConvolution(
          name: "grouped", kernel: TestSupport.uniform([3, 4, 4], seed: 55), bias: nil,
          groups: 2, strides: [2], padding: .valid, dilation: [1]),
        GlobalAveragePooling1D(name: "pool"),
      ])
    try Self.expectRoundTrip(sequence, input: TestSupport.uniform([2, 12, 4], seed: 56))
    let image = try Model(
      name: "grouped2d", inputShape: [6, 6, 3],
      layers: [
        GroupedConvolution(
          name: "depthwise2d", kernel: TestSupport.uniform([3, 3, 1, 6], seed: 57),
          bias: TestSupport.uniform([6], seed: 58), groups: 3, strides: [1, 2], padding: .same,
          dilation: [1, 1], activation: .tanh),
        Flatten(name: "flatten"),
      ])
    try Self.expectRoundTrip(image, input: TestSupport.uniform([2, 6, 6, 3], seed: 59))
  }

  /// A graph written by `tf.keras` 2.15 spells its wiring this way; the test pins the spelling.
  @Test func writesAFunctionalConfiguration() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("residual.h5")
    try GraphNetworks.residual(seed: 52).writeKeras(to: url)
    let config = try HDF5File(reading: url).readStringAttribute("model_config", of: "/")
    #expect(
      config.hasPrefix(#"{"class_name":"Functional","config":{"input_layers":[["input_1",0,0]],"#))
    #expect(config.contains(#""inbound_nodes":[[["conv2",0,0,{}],["conv1",0,0,{}]]]"#))
    #expect(config.contains(#""output_layers":[["logits",0,0]]"#))
  }

  /// ``Reverse`` has no Keras layer: the write is refused naming it, and leaves no file.
  @Test func reverseIsRefusedByName() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("reverse.h5")
    let model = try Model(
      name: "flip", inputShape: [5, 4],
      layers: [Reverse(name: "flip", axes: [0, 1]), Flatten(name: "flatten")])
    let error = try #require(throws: ModelFileError.self) { try model.writeKeras(to: url) }
    guard case .unsupportedLayer(url.path, "flip", "Reverse", _) = error else {
      Issue.record("unexpected error \(error)")
      return
    }
    #expect(try folder.contents() == [])
  }
}
