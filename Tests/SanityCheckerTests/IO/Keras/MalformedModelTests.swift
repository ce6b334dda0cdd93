import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Every malformed file in `Fixtures/Malformed/models` gives its own error, whose message names
/// the file and the HDF5 path or layer (see the folder's README for the defects).
@Suite struct MalformedModelTests {
  static func url(_ name: String) -> URL { TestSupport.fixture("Malformed/models/\(name)") }

  static let supported = [
    "Conv1D", "Conv2D", "Dense", "MaxPooling1D", "AveragePooling1D", "MaxPooling2D",
    "AveragePooling2D",
    "GlobalMaxPooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling2D", "GlobalAveragePooling2D",
    "Flatten", "Dropout", "Activation", "ReLU", "BatchNormalization",
    "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Cropping1D",
    "ZeroPadding1D", "Cropping2D", "ZeroPadding2D", "RepeatVector", "Reshape", "Permute",
  ]

  struct Case: Sendable, CustomTestStringConvertible {
    let file: String
    let error: @Sendable (String) -> ModelFileError
    /// Text the message must contain besides the file's path: the HDF5 path or the layer.
    let mentions: String
    var testDescription: String { file }
  }

  static let cases: [Case] = [
    Case(
      file: "missing_model_weights.h5", error: { .missingGroup(file: $0, path: "/model_weights") },
      mentions: "'/model_weights'"),
    Case(
      file: "missing_dataset.h5",
      error: { .missingDataset(file: $0, path: "/model_weights/dense_1/dense_1/bias:0") },
      mentions: "'/model_weights/dense_1/dense_1/bias:0'"),
    Case(
      file: "kernel_shape_mismatch.h5",
      error: {
        .shapeMismatch(
          file: $0, path: "/model_weights/dense_1/dense_1/kernel:0", expected: [3, 2],
          actual: [4, 2])
      },
      mentions:
        "dataset '/model_weights/dense_1/dense_1/kernel:0' has shape [4, 2], expected [3, 2]"),
    Case(
      file: "unsupported_layer.h5",
      error: {
        .unsupportedLayer(file: $0, layer: "lstm_1", className: "LSTM", supported: supported)
      },
      mentions: "layer 'lstm_1' has unsupported class 'LSTM'; supported: Conv1D, Conv2D, Dense"),
    Case(
      file: "unsupported_activation.h5",
      error: {
        .unsupportedSetting(
          file: $0, layer: "dense_1", setting: "activation", value: "hard_sigmoid")
      },
      mentions: "layer 'dense_1' has unsupported activation 'hard_sigmoid'"),
    Case(
      file: "nan_weight.h5",
      error: { .nonFiniteValues(file: $0, path: "/model_weights/dense_2/dense_2/kernel:0") },
      mentions: "dataset '/model_weights/dense_2/dense_2/kernel:0' contains NaN or Inf"),
    Case(
      file: "weight_count_mismatch.h5",
      error: {
        .invalidConfiguration(
          file: $0, location: "/model_weights/dense_1@weight_names",
          reason: "lists 1 weights (dense_1/kernel:0), but the layer's configuration needs 2")
      },
      mentions: "/model_weights/dense_1@weight_names"),
    Case(
      file: "invalid_json.h5",
      error: {
        .invalidConfiguration(file: $0, location: "model_config", reason: "is not valid JSON")
      },
      mentions: "model_config: is not valid JSON"),
    Case(
      file: "functional_not_a_chain.h5",
      error: {
        // A graph now loads: dense_2 reads the input, so its stored [2, 1] kernel does not fit.
        .shapeMismatch(
          file: $0, path: "/model_weights/dense_2/dense_2/kernel:0", expected: [3, 1],
          actual: [2, 1])
      },
      mentions:
        "dataset '/model_weights/dense_2/dense_2/kernel:0' has shape [2, 1], expected [3, 1]"),
    Case(file: "not_hdf5.h5", error: { .notHDF5(file: $0) }, mentions: "not an HDF5 file"),
    Case(
      file: "truncated.h5", error: { .readFailed(file: $0, path: "/") },
      mentions: "could not read '/'"),
  ]

  @Test(arguments: cases)
  func malformedFileGivesItsError(_ testCase: Case) throws {
    let url = Self.url(testCase.file)
    let error = try #require(throws: ModelFileError.self) { try Model.loadKeras(url) }
    #expect(error == testCase.error(url.path))
    #expect(error.file == url.path)
    #expect(error.description.hasPrefix("\(url.path): "))
    #expect(error.description.contains(testCase.mentions), "\(error.description)")
  }

  @Test func everyFixtureHasACase() throws {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: TestSupport.fixture("Malformed/models").path)
    #expect(Set(names.filter { $0.hasSuffix(".h5") }) == Set(Self.cases.map(\.file)))
  }
}
