import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Every supported layer class survives write → load with its settings and parameters.
@Suite struct KerasLayerCoverageTests {
  static func positive(_ shape: Shape, seed: UInt64) -> Tensor {
    TestSupport.uniform(shape, seed: seed, low: 0.5, high: 1.5)
  }

  /// Small models that together use every layer class and setting the writer emits.
  static let models: [String: @Sendable () throws -> Model] = [
    "sequence": {
      try Model(
        name: "sequence", inputShape: [12, 4],
        layers: [
          Conv1D(
            name: "conv", kernel: TestSupport.uniform([3, 4, 5], seed: 1),
            bias: TestSupport.uniform([5], seed: 2),
            stride: 1, padding: .same, dilation: 2, activation: .relu),
          BatchNormalization(
            name: "norm", gamma: nil, beta: TestSupport.uniform([5], seed: 3),
            movingMean: TestSupport.uniform([5], seed: 4), movingVariance: positive([5], seed: 5),
            epsilon: 1e-3),
          MaxPooling1D(name: "max_pool", poolSize: 2, stride: nil, padding: .valid),
          AveragePooling1D(name: "average_pool", poolSize: 2, stride: 1, padding: .same),
          GlobalMaxPooling1D(name: "global_max"),
          Dropout(name: "dropout", rate: 0.3),
          ActivationLayer(name: "squash", activation: .tanh),
          Dense(
            name: "output", kernel: TestSupport.uniform([5, 2], seed: 6), bias: nil,
            activation: .softmax),
        ])
    },
    "image": {
      try Model(
        name: "image", inputShape: [6, 6, 2],
        layers: [
          Conv2D(
            name: "conv", kernel: TestSupport.uniform([2, 2, 2, 3], seed: 7), bias: nil,
            strides: [1, 2],
            padding: .valid, dilation: [1, 1], activation: .sigmoid),
          MaxPooling2D(name: "max_pool", poolSize: [2, 1], strides: nil, padding: .same),
          AveragePooling2D(
            name: "average_pool", poolSize: [1, 1], strides: [1, 1], padding: .valid),
          Flatten(name: "flatten"),
          Dense(
            name: "output", kernel: TestSupport.uniform([27, 2], seed: 8),
            bias: TestSupport.uniform([2], seed: 9)),
        ])
    },
    "global_pooling": {
      try Model(
        name: "global_pooling", inputShape: [4, 4, 3],
        layers: [
          Conv2D(
            name: "conv", kernel: TestSupport.uniform([1, 1, 3, 3], seed: 10),
            bias: TestSupport.uniform([3], seed: 11),
            strides: [1, 1], padding: .same, dilation: [2, 2], activation: .linear),
          BatchNormalization(
            name: "norm", gamma: positive([3], seed: 12), beta: nil,
            movingMean: TestSupport.uniform([3], seed: 13),
            movingVariance: positive([3], seed: 14), epsilon: 0.01),
          GlobalAveragePooling2D(name: "global_average"),
        ])
    },
    "global_pooling_more": {
      try Model(
        name: "global_pooling_more", inputShape: [5, 3],
        layers: [GlobalAveragePooling1D(name: "global_average")])
    },
    "global_max_2d": {
      try Model(
        name: "global_max_2d", inputShape: [3, 3, 2],
        layers: [GlobalMaxPooling2D(name: "global_max")])
    },
  ]

  @Test(arguments: models.keys.sorted())
  func modelRoundTrips(name: String) throws {
    let folder = try TemporaryDirectory()
    let build = try #require(Self.models[name])
    let model = try build()
    try model.writeKeras(to: folder.file("first.h5"))
    let loaded = try Model.loadKeras(folder.file("first.h5"))
    KerasWritingTests.expectSameModel(loaded, model)
    try loaded.writeKeras(to: folder.file("second.h5"))
    let first = try HDF5File(reading: folder.file("first.h5")).readStringAttribute(
      "model_config", of: "/")
    let second = try HDF5File(reading: folder.file("second.h5")).readStringAttribute(
      "model_config", of: "/")
    #expect(first == second)
  }

  /// The settings are written as Keras names them (spot checks of the configuration text).
  @Test func settingsUseKerasNames() throws {
    let folder = try TemporaryDirectory()
    let build = try #require(Self.models["sequence"])
    let model = try build()
    try model.writeKeras(to: folder.file("sequence.h5"))
    let config = try HDF5File(reading: folder.file("sequence.h5")).readStringAttribute(
      "model_config", of: "/")
    for fragment in [
      #""dilation_rate":[2]"#, #""padding":"same""#, #""kernel_size":[3]"#, #""filters":5"#,
      #""center":true"#,
      #""scale":false"#, #""epsilon":0.001"#, #""pool_size":[2],"strides":[2]"#, #""rate":0.3"#,
      #""activation":"tanh""#, #""activation":"softmax""#, #""use_bias":false"#,
      #""batch_input_shape":[null,12,4]"#,
    ] {
      #expect(config.contains(fragment), "\(fragment) in \(config)")
    }
  }
}
