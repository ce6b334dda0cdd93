import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Loading real Keras 2 files: the reference models (Keras 2.15 layout written by h5py) and
/// two DeepLIFT models saved by Keras 2.1.6.
@Suite struct KerasLoadingTests {
  static let referenceModels: [String] = {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.reference("").path)) ?? []
    return names.filter { $0.hasSuffix(".h5") && !$0.contains("golden") }.sorted()
  }()

  static func layerSummary(_ model: Model) -> [String] {
    model.layers.map { "\($0.name):\(type(of: $0))" }
  }

  @Test(.enabled(if: TestSupport.hasReference, "needs ../shared/reference (15 model files)"))
  func referenceFolderHoldsFifteenModels() {
    #expect(Self.referenceModels.count == 15)
  }

  /// Every reference model builds the DeepBind-style or MNIST layer list, with the README's shapes.
  @Test(
    .enabled(if: TestSupport.hasReference, "needs ../shared/reference (Keras model files)"),
    arguments: referenceModels)
  func loadsReferenceModel(name: String) throws {
    let model = try Model.loadKeras(TestSupport.reference(name))
    if name.hasPrefix("dna") {
      #expect(
        Self.layerSummary(model) == [
          "conv1d_1:Conv1D", "global_max_pooling1d_1:GlobalMaxPooling1D", "dense_1:Dense",
          "dense_2:Dense",
        ])
      #expect(model.shapes == [[101, 4], [78, 16], [16], [32], [1]])
    } else {
      #expect(
        Self.layerSummary(model) == [
          "conv2d_1:Conv2D", "conv2d_2:Conv2D", "max_pooling2d_1:MaxPooling2D", "conv2d_3:Conv2D",
          "conv2d_4:Conv2D",
          "max_pooling2d_2:MaxPooling2D", "flatten_1:Flatten", "dense_1:Dense", "dense_2:Dense",
        ])
      #expect(
        model.shapes == [
          [28, 28, 1], [26, 26, 32], [24, 24, 32], [12, 12, 32], [10, 10, 64], [8, 8, 64],
          [4, 4, 64], [1024], [128], [10],
        ])
    }
    let parameterCount = model.layers.compactMap { $0 as? any ParameterizedLayer }
      .flatMap { $0.parameters.values }.reduce(0) { $0 + $1.shape.count }
    #expect(parameterCount == (name.hasPrefix("dna") ? 2_129 : 197_482))
  }

  /// Weights are the file's datasets, unchanged, in weight_names order.
  @Test(.enabled(if: TestSupport.hasReference, "needs ../shared/reference/dna_deepbind.h5"))
  func keepsTheStoredWeights() throws {
    let url = TestSupport.reference("dna_deepbind.h5")
    let model = try Model.loadKeras(url)
    let file = try HDF5File(reading: url)
    let conv = try #require(model.layers[0] as? Conv1D)
    #expect(
      conv.parameters["kernel"]
        == (try file.readTensor("/model_weights/conv1d_1/conv1d_1/kernel:0")))
    #expect(
      conv.parameters["bias"] == (try file.readTensor("/model_weights/conv1d_1/conv1d_1/bias:0")))
    #expect(
      conv.activation == .relu && conv.stride == 1 && conv.padding == .valid && conv.dilation == 1)
    let output = try #require(model.layers[3] as? Dense)
    #expect(output.activation == .linear)
    #expect(output.parameters["kernel"]?.shape == [32, 1])
    #expect(model.name == "deepbind")
  }

  /// Keras 2.1.6 full-model file whose `config` is the layer list itself; strides 2, softmax.
  @Test(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data/keras_models/deeplift_mnist"))
  func loadsKeras21FullModel() throws {
    let model = try Model.loadKeras(
      TestSupport.sharedData("keras_models/deeplift_mnist/keras2_mnist_cnn_allconv.h5"))
    #expect(
      Self.layerSummary(model) == [
        "conv2d_1:Conv2D", "activation_1:ActivationLayer", "conv2d_2:Conv2D",
        "activation_2:ActivationLayer",
        "dropout_1:Dropout", "flatten_1:Flatten", "dense_1:Dense", "activation_3:ActivationLayer",
        "dropout_2:Dropout",
        "dense_2:Dense", "activation_4:ActivationLayer",
      ])
    #expect(model.inputShape == [28, 28, 1])
    #expect(
      model.shapes[2] == [13, 13, 32] && model.shapes[3] == [5, 5, 64] && model.shapes[6] == [1600])
    #expect(model.outputShape == [10])
    let conv = try #require(model.layers[0] as? Conv2D)
    #expect(conv.strides == [2, 2] && conv.activation == .linear)
    #expect((model.layers[10] as? ActivationLayer)?.activation == .softmax)
    #expect((model.layers[4] as? Dropout)?.rate == 0.25)
  }

  /// Weights-only file plus the architecture JSON (Keras 2.1.6, `config` as a list).
  @Test(
    .enabled(
      if: TestSupport.hasSharedData, "needs ../shared/data/keras_models/deeplift_genomics_tal_gata")
  )
  func loadsWeightsOnlyFileWithArchitecture() throws {
    let folder = "keras_models/deeplift_genomics_tal_gata/"
    let weights = TestSupport.sharedData(
      folder + "keras2_conv1d_record_5_model_PQzyq_modelWeights.h5")
    let model = try Model.loadKeras(
      weights,
      architecture: TestSupport.sharedData(
        folder + "keras2_conv1d_record_5_model_PQzyq_modelJson.json"))
    #expect(
      model.layerNames == [
        "conv1d_1", "activation_1", "conv1d_2", "activation_2", "average_pooling1d_1", "flatten_1",
        "dense_1",
        "activation_3", "dropout_1", "dense_2", "activation_4",
      ])
    #expect(
      model.shapes == [
        [200, 4], [190, 50], [190, 50], [180, 50], [180, 50], [1, 50], [50], [50], [50], [50], [3],
        [3],
      ])
    let pool = try #require(model.layers[4] as? AveragePooling1D)
    #expect(pool.poolSize == 180)
    #expect(
      try HDF5File(reading: weights).readTensor("/conv1d_2/conv1d_2/kernel:0")
        == (model.layers[2] as? Conv1D)?.parameters["kernel"])
    #expect(
      throws: ModelFileError.invalidConfiguration(
        file: weights.path, location: "/",
        reason:
          "has no 'model_config' attribute (a weights-only file); pass the architecture JSON written by model.to_json()"
      )
    ) {
      try Model.loadKeras(weights)
    }
  }
}
