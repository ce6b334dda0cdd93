import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The configuration forms and weight layouts Keras writes, built here with `HDF5File`
/// around a two-layer dense model: `[3] → dense_1 (2, relu) → dense_2 (1, linear)`.
@Suite struct KerasConfigurationTests {
  static let kernel1 = TestSupport.uniform([3, 2], seed: 21)
  static let bias1 = TestSupport.uniform([2], seed: 22)
  static let kernel2 = TestSupport.uniform([2, 1], seed: 23)
  static let bias2 = TestSupport.uniform([1], seed: 24)

  static let dense1 =
    #"{"class_name": "Dense", "config": {"name": "dense_1", "units": 2, "activation": "relu"}"#
  static let dense2 =
    #"{"class_name": "Dense", "config": {"name": "dense_2", "units": 1, "activation": "linear"}"#
  static let input =
    #"{"class_name": "InputLayer", "config": {"name": "input_1", "batch_input_shape": [null, 3]}"#

  /// Writes a full-model file with `config` and the four weights (optionally with custom
  /// dataset names and split `weight_names`).
  static func writeModel(
    _ url: URL, config: String, datasetNames: [String: [String]] = [:], splitNames: Bool = false,
    extraLayers: [String] = []
  ) throws {
    let file = try HDF5File(creating: url)
    try file.writeAttribute(.string(config, .variableUTF8), named: "model_config", of: "/")
    try file.createGroup("/model_weights")
    try file.writeAttribute(
      .strings(["dense_1", "dense_2"] + extraLayers, .fixedASCII), named: "layer_names",
      of: "/model_weights")
    let weights = ["dense_1": [kernel1, bias1], "dense_2": [kernel2, bias2]]
    for (layer, tensors) in weights {
      let group = "/model_weights/\(layer)"
      try file.createGroup(group)
      let names = datasetNames[layer] ?? ["\(layer)/kernel:0", "\(layer)/bias:0"]
      if splitNames {
        try file.writeAttribute(
          .strings([names[0]], .fixedASCII), named: "weight_names0", of: group)
        try file.writeAttribute(
          .strings([names[1]], .fixedASCII), named: "weight_names1", of: group)
      } else {
        try file.writeAttribute(.strings(names, .fixedASCII), named: "weight_names", of: group)
      }
      for (name, tensor) in zip(names, tensors) {
        try file.writeTensor(tensor, to: "\(group)/\(name)")
      }
    }
    for layer in extraLayers {
      try file.createGroup("/model_weights/\(layer)")
      try file.writeAttribute(.reals([]), named: "weight_names", of: "/model_weights/\(layer)")
    }
  }

  /// Expects the loaded model to be the two dense layers with the stored weights, and checks
  /// its output against a hand-written forward pass.
  static func expectDenseModel(_ model: Model, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    #expect(model.layerNames.prefix(2) == ["dense_1", "dense_2"], sourceLocation: sourceLocation)
    let first = try #require(model.layers[0] as? Dense, sourceLocation: sourceLocation)
    let second = try #require(model.layers[1] as? Dense, sourceLocation: sourceLocation)
    #expect(first.parameters == ["kernel": kernel1, "bias": bias1], sourceLocation: sourceLocation)
    #expect(
      second.parameters == ["kernel": kernel2, "bias": bias2], sourceLocation: sourceLocation)
    let dense = try Model(inputShape: model.inputShape, layers: Array(model.layers.prefix(2)))
    let x = TestSupport.uniform([4, 3], seed: 25)
    var expected: [Float] = []
    for n in 0..<4 {
      let hidden = (0..<2).map { j in
        max(0, (0..<3).reduce(bias1[j]) { $0 + x[n, $1] * kernel1[$1, j] })
      }
      expected.append((0..<2).reduce(bias2[0]) { $0 + hidden[$1] * kernel2[$1, 0] })
    }
    TestSupport.expectClose(
      dense.forward(x), Tensor(shape: [4, 1], scalars: expected), relativeTolerance: 1e-6, "logits",
      sourceLocation: sourceLocation)
  }

  @Test func sequentialWithLayerListAndFirstLayerInputShape() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("list.h5")
    let first = Self.dense1.replacingOccurrences(
      of: #""units": 2"#, with: #""units": 2, "batch_input_shape": [null, 3]"#)
    try Self.writeModel(
      url, config: #"{"class_name": "Sequential", "config": [\#(first)}, \#(Self.dense2)}]}"#)
    let model = try Model.loadKeras(url)
    #expect(model.inputShape == [3])
    #expect(model.name == "list")
    try Self.expectDenseModel(model)
  }

  @Test func functionalChainInKeras2AndKeras3NodeFormats() throws {
    let folder = try TemporaryDirectory()
    let keras2 = #"""
      {"class_name": "Functional", "config": {"name": "chain", "layers": [
        \#(Self.input), "inbound_nodes": []},
        \#(Self.dense1), "inbound_nodes": [[["input_1", 0, 0, {}]]]},
        \#(Self.dense2), "inbound_nodes": [[["dense_1", 0, 0, {}]]]}]}}
      """#
    try Self.writeModel(folder.file("keras2.h5"), config: keras2)
    let model = try Model.loadKeras(folder.file("keras2.h5"))
    #expect(model.name == "chain")
    try Self.expectDenseModel(model)

    let history = { (name: String) in
      #"[{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["\#(name)", 0, 0]}}], "kwargs": {}}]"#
    }
    let keras3 = #"""
      {"class_name": "Functional", "config": {"name": "chain3", "layers": [
        {"class_name": "InputLayer", "config": {"name": "input_1", "batch_shape": [null, 3]}, "inbound_nodes": []},
        \#(Self.dense1), "inbound_nodes": \#(history("input_1"))},
        \#(Self.dense2), "inbound_nodes": \#(history("dense_1"))}]}}
      """#
    try Self.writeModel(folder.file("keras3.h5"), config: keras3)
    try Self.expectDenseModel(try Model.loadKeras(folder.file("keras3.h5")))
  }

  /// Datasets are taken in weight_names order, whatever they are called; split lists and
  /// empty float64 lists of weightless layers are read too.
  @Test func weightNamesOrderSplitListsAndEmptyLists() throws {
    let folder = try TemporaryDirectory()
    let config =
      #"{"class_name": "Sequential", "config": {"layers": [\#(Self.input)}, \#(Self.dense1)}, \#(Self.dense2)}, {"class_name": "Flatten", "config": {"name": "flatten_1"}}]}}"#
    let renamed = [
      "dense_1": ["dense_1/zz_kernel:0", "dense_1/aa_bias:0"], "dense_2": ["w:0", "b:0"],
    ]
    try Self.writeModel(
      folder.file("renamed.h5"), config: config, datasetNames: renamed, extraLayers: ["flatten_1"])
    let model = try Model.loadKeras(folder.file("renamed.h5"))
    try Self.expectDenseModel(model)
    #expect(model.layerNames == ["dense_1", "dense_2", "flatten_1"])

    try Self.writeModel(
      folder.file("split.h5"), config: config, splitNames: true, extraLayers: ["flatten_1"])
    try Self.expectDenseModel(try Model.loadKeras(folder.file("split.h5")))
  }

  /// A separate architecture file replaces the file's own configuration; a missing one is named.
  @Test func architectureFileOverridesAndMustExist() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("model.h5")
    try Self.writeModel(
      url,
      config:
        #"{"class_name": "Sequential", "config": {"layers": [\#(Self.input)}, \#(Self.dense1)}, \#(Self.dense2)}]}}"#
    )
    let relu = folder.file("relu.json")
    let json =
      #"{"class_name": "Sequential", "config": {"layers": [\#(Self.input)}, \#(Self.dense1)}, \#(Self.dense2)}, {"class_name": "Activation", "config": {"name": "act", "activation": "sigmoid"}}]}}"#
    try Data(json.utf8).write(to: relu)
    let model = try Model.loadKeras(url, architecture: relu)
    #expect(model.layerNames == ["dense_1", "dense_2", "act"])
    let missing = folder.file("missing.json")
    #expect(throws: ModelFileError.fileNotFound(file: missing.path)) {
      try Model.loadKeras(url, architecture: missing)
    }
  }

  /// Shapes that do not chain are reported against the layer; unknown extents are refused.
  @Test func shapeErrorsNameTheLayer() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("unknown.h5")
    let variable = Self.input.replacingOccurrences(of: "[null, 3]", with: "[null, null]")
    try Self.writeModel(
      url,
      config:
        #"{"class_name": "Sequential", "config": {"layers": [\#(variable)}, \#(Self.dense1)}, \#(Self.dense2)}]}}"#
    )
    let error = try #require(throws: ModelFileError.self) { try Model.loadKeras(url) }
    #expect(
      error.description.contains(
        "layer 'input_1' (InputLayer): input shape [null,null] has an unknown extent"))

    let matrix = folder.file("matrix.h5")
    let rank2 = Self.input.replacingOccurrences(of: "[null, 3]", with: "[null, 2, 3]")
    try Self.writeModel(
      matrix,
      config:
        #"{"class_name": "Sequential", "config": {"layers": [\#(rank2)}, \#(Self.dense1)}, \#(Self.dense2)}]}}"#
    )
    #expect(
      throws: ModelFileError.invalidModel(
        file: matrix.path, .shapeMismatch(layer: "dense_1", expected: "[3]", actual: [2, 3]))
    ) {
      try Model.loadKeras(matrix)
    }
  }
}
