import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Writing Keras 2 full-model files and reading them back.
@Suite struct KerasWritingTests {
  /// A layer with no Keras counterpart.
  struct Doubling: Layer {
    var name = "doubling"
    func outputShape(for input: Shape) throws(ModelError) -> Shape { input }
    func forward(_ input: Tensor) -> Tensor { input.scaled(by: 2) }
    func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule) -> Tensor {
      signal.scaled(by: 2)
    }
  }

  static func toyModel() throws -> Model {
    try Model(
      name: "toy", inputShape: [3],
      layers: [
        Dense(
          name: "hidden", kernel: TestSupport.uniform([3, 4], seed: 11),
          bias: TestSupport.uniform([4], seed: 12), activation: .relu),
        Dense(
          name: "logits", kernel: TestSupport.uniform([4, 2], seed: 13), bias: nil,
          activation: .linear),
      ])
  }

  /// Expects two models to have the same layers (names, types), shapes and parameters.
  static func expectSameModel(
    _ actual: Model, _ expected: Model, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.name == expected.name, sourceLocation: sourceLocation)
    #expect(actual.shapes == expected.shapes, sourceLocation: sourceLocation)
    #expect(
      actual.layers.map { "\($0.name):\(type(of: $0))" }
        == expected.layers.map { "\($0.name):\(type(of: $0))" }, sourceLocation: sourceLocation)
    for (a, b) in zip(actual.layers, expected.layers) {
      let actualParameters = (a as? any ParameterizedLayer)?.parameters ?? [:]
      let expectedParameters = (b as? any ParameterizedLayer)?.parameters ?? [:]
      #expect(
        actualParameters == expectedParameters, "layer \(a.name)", sourceLocation: sourceLocation)
      #expect(
        (a as? any ParameterizedLayer)?.parameterOrder
          == (b as? any ParameterizedLayer)?.parameterOrder, sourceLocation: sourceLocation)
    }
  }

  @Test func toyModelRoundTripsWithItsOutputs() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("toy.h5")
    let model = try Self.toyModel()
    try model.writeKeras(to: url)
    let loaded = try Model.loadKeras(url)
    Self.expectSameModel(loaded, model)
    let input = TestSupport.uniform([5, 3], seed: 14)
    #expect(loaded.forward(input) == model.forward(input))
    #expect(try folder.contents() == ["toy.h5"])
  }

  @Test func writesTheKerasLayout() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("toy.h5")
    try Self.toyModel().writeKeras(to: url)
    let file = try HDF5File(reading: url)
    #expect(try file.readAttribute("keras_version", of: "/") == .string("2.15.0", .variableUTF8))
    #expect(try file.readAttribute("backend", of: "/") == .string("tensorflow", .variableUTF8))
    #expect(
      try file.readAttribute("layer_names", of: "/model_weights")
        == .strings(["hidden", "logits"], .fixedASCII))
    #expect(
      try file.readAttribute("keras_version", of: "/model_weights")
        == .string("2.15.0", .variableASCII))
    #expect(
      try file.readAttribute("weight_names", of: "/model_weights/hidden")
        == .strings(["hidden/kernel:0", "hidden/bias:0"], .fixedASCII))
    #expect(
      try file.readAttribute("weight_names", of: "/model_weights/logits")
        == .strings(["logits/kernel:0"], .fixedASCII))
    #expect(
      try file.readTensor("/model_weights/hidden/hidden/kernel:0")
        == TestSupport.uniform([3, 4], seed: 11))
    #expect(try file.members(of: "/") == ["model_weights"])
    let config = try file.readStringAttribute("model_config", of: "/")
    let expected =
      #"{"class_name":"Sequential","config":{"layers":[{"class_name":"InputLayer","config":{"batch_input_shape":[null,3],"dtype":"float32","name":"input_1","ragged":false,"sparse":false}},{"class_name":"Dense","config":{"activation":"relu","dtype":"float32","name":"hidden","trainable":true,"units":4,"use_bias":true}},{"class_name":"Dense","config":{"activation":"linear","dtype":"float32","name":"logits","trainable":true,"units":2,"use_bias":false}}],"name":"toy"}}"#
    #expect(config == expected)
  }

  /// A write that fails half-way leaves the previous file untouched and no temporary file.
  @Test func failedWriteLeavesNoPartialFile() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("model.h5")
    try Self.toyModel().writeKeras(to: url)
    let before = try Data(contentsOf: url)
    let kernel = TestSupport.uniform([3, 3], seed: 15)
    let clashing = try Model(
      name: "clash", inputShape: [3],
      layers: [
        Dense(name: "dense", kernel: kernel, bias: nil),
        Dense(name: "dense", kernel: kernel, bias: nil),
      ])
    #expect(
      throws: ModelFileError.writeFailed(
        file: url.path, path: "/model_weights/dense/dense/kernel:0")
    ) {
      try clashing.writeKeras(to: url)
    }
    #expect(try folder.contents() == ["model.h5"])
    #expect(try Data(contentsOf: url) == before)

    let custom = try Model(name: "custom", inputShape: [3], layers: [Doubling()])
    let other = folder.file("custom.h5")
    let error = try #require(throws: ModelFileError.self) { try custom.writeKeras(to: other) }
    guard case .unsupportedLayer(other.path, "doubling", "Doubling", _) = error else {
      Issue.record("unexpected error \(error)")
      return
    }
    #expect(
      error.description.contains("custom.h5: layer 'doubling' has unsupported class 'Doubling'"))
    #expect(try folder.contents() == ["model.h5"])
  }

  static let realModels: [String] = [
    "reference:dna_deepbind.h5", "reference:mnist_cnn.h5",
    "data:keras_models/deeplift_mnist/keras2_mnist_cnn_allconv.h5",
  ]

  static func load(_ id: String) throws -> Model {
    let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
    return try Model.loadKeras(
      parts[0] == "reference" ? TestSupport.reference(parts[1]) : TestSupport.sharedData(parts[1]))
  }

  /// load → write → load gives identical layers and parameters, and writing again gives the
  /// same configuration text.
  @Test(
    .enabled(
      if: TestSupport.hasReference && TestSupport.hasSharedData,
      "needs ../shared/reference and ../shared/data"),
    arguments: realModels)
  func realModelRoundTrips(id: String) throws {
    let folder = try TemporaryDirectory()
    let original = try Self.load(id)
    try original.writeKeras(to: folder.file("first.h5"))
    let reloaded = try Model.loadKeras(folder.file("first.h5"))
    Self.expectSameModel(reloaded, original)
    try reloaded.writeKeras(to: folder.file("second.h5"))
    let first = try HDF5File(reading: folder.file("first.h5")).readStringAttribute(
      "model_config", of: "/")
    let second = try HDF5File(reading: folder.file("second.h5")).readStringAttribute(
      "model_config", of: "/")
    #expect(first == second)
  }

  @Test(
    .enabled(
      if: TestSupport.hasSharedData, "needs ../shared/data/keras_models/deeplift_genomics_tal_gata")
  )
  func weightsOnlyModelRoundTripsAsFullModel() throws {
    let folder = try TemporaryDirectory()
    let base = "keras_models/deeplift_genomics_tal_gata/keras2_conv1d_record_5_model_PQzyq_model"
    let original = try Model.loadKeras(
      TestSupport.sharedData(base + "Weights.h5"),
      architecture: TestSupport.sharedData(base + "Json.json"))
    try original.writeKeras(to: folder.file("tal_gata.h5"))
    Self.expectSameModel(try Model.loadKeras(folder.file("tal_gata.h5")), original)
  }
}
