/// An error reading or writing an HDF5 file: a Keras model, a weights file or an export.
///
/// Every case names the file and the place inside it (an HDF5 path such as
/// `/model_weights/conv1d_1/conv1d_1/kernel:0`, or a layer name), and its message ends with
/// a remedy, for example:
/// `model.h5: dataset '/model_weights/conv1d_1/conv1d_1/kernel:0' has shape [24, 4, 32], expected [24, 4, 16]; …`
public enum ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file does not exist.
  case fileNotFound(file: String)
  /// The file exists but has no HDF5 signature.
  case notHDF5(file: String)
  /// The file could not be created or written.
  case writeFailed(file: String, path: String)
  /// A group the layout requires is missing.
  case missingGroup(file: String, path: String)
  /// A dataset the layout requires is missing.
  case missingDataset(file: String, path: String)
  /// An attribute the layout requires is missing from the object at `path`.
  case missingAttribute(file: String, path: String, name: String)
  /// A dataset or attribute has a type that cannot be read as the one asked for.
  case wrongType(file: String, path: String, expected: String, actual: String)
  /// A dataset or attribute could not be read, although it exists and has a usable type.
  case readFailed(file: String, path: String)
  /// A dataset has a shape other than the one the model's configuration implies.
  case shapeMismatch(file: String, path: String, expected: Shape, actual: Shape)
  /// A weight dataset holds NaN or infinity.
  case nonFiniteValues(file: String, path: String)
  /// A layer's Keras class is not one SanityChecker implements.
  case unsupportedLayer(file: String, layer: String, className: String, supported: [String])
  /// A layer uses an activation, padding or data format SanityChecker does not implement.
  case unsupportedSetting(file: String, layer: String, setting: String, value: String)
  /// The model's JSON configuration is malformed or describes something other than a chain.
  case invalidConfiguration(file: String, location: String, reason: String)
  /// The layers do not fit together (found when the model is assembled).
  case invalidModel(file: String, ModelError)
  /// The inputs read from `input` do not fit the model (their shape, or a target).
  case inputDoesNotFit(input: String, file: String, ModelError)
  /// A size read from the file (a dataset's shape, a layer's units) does not fit the memory budget.
  case exceedsBudget(file: String, MemoryBudgetError)
  /// A dataset declares more data than the whole file holds.
  case datasetLargerThanFile(file: String, path: String, shape: Shape, fileBytes: Int)
  /// A global heap collection (where variable-length strings live) cannot be parsed to its
  /// end, which would make libhdf5 loop; found before libhdf5 opens the file.
  case malformedGlobalHeap(file: String, offset: Int, reason: String)

  /// The file the error is about.
  public var file: String {
    switch self {
    case .fileNotFound(let file), .notHDF5(let file), .writeFailed(let file, _),
      .missingGroup(let file, _), .missingDataset(let file, _), .missingAttribute(let file, _, _),
      .wrongType(let file, _, _, _), .readFailed(let file, _), .shapeMismatch(let file, _, _, _),
      .nonFiniteValues(let file, _), .unsupportedLayer(let file, _, _, _),
      .unsupportedSetting(let file, _, _, _), .invalidConfiguration(let file, _, _),
      .invalidModel(let file, _), .inputDoesNotFit(_, let file, _), .exceedsBudget(let file, _),
      .datasetLargerThanFile(let file, _, _, _), .malformedGlobalHeap(let file, _, _):
      return file
    }
  }

  /// A compiler-style message, `file: what is wrong where; remedy`.
  public var description: String {
    switch self {
    case .fileNotFound(let file):
      return "\(file): no such file; check the path"
    case .notHDF5(let file):
      return "\(file): not an HDF5 file; pass a Keras 2 '.h5' model or weights file"
    case .writeFailed(let file, let path):
      return "\(file): could not write '\(path)'; check that the folder exists and is writable"
    case .missingGroup(let file, let path):
      return "\(file): missing group '\(path)'; the file does not have the Keras 2 HDF5 layout"
    case .missingDataset(let file, let path):
      return
        "\(file): missing dataset '\(path)'; the file is truncated or not in the Keras 2 layout"
    case .missingAttribute(let file, let path, let name):
      return
        "\(file): '\(path)' has no attribute '\(name)'; the file does not have the Keras 2 HDF5 layout"
    case .wrongType(let file, let path, let expected, let actual):
      return
        "\(file): '\(path)' holds \(actual), expected \(expected); check that the file has the expected layout"
    case .readFailed(let file, let path):
      return "\(file): could not read '\(path)'; the file may be damaged"
    case .shapeMismatch(let file, let path, let expected, let actual):
      return
        "\(file): dataset '\(path)' has shape \(actual), expected \(expected); the weights do not match the model configuration"
    case .nonFiniteValues(let file, let path):
      return "\(file): dataset '\(path)' contains NaN or Inf; the model's weights are corrupt"
    case .unsupportedLayer(let file, let layer, let className, let supported):
      return
        "\(file): layer '\(layer)' has unsupported class '\(className)'; supported: \(supported.joined(separator: ", "))"
    case .unsupportedSetting(let file, let layer, let setting, let value):
      return
        "\(file): layer '\(layer)' has unsupported \(setting) '\(value)'; re-save the model without it"
    case .invalidConfiguration(let file, let location, let reason):
      return "\(file): \(location): \(reason); check the model's JSON configuration"
    case .invalidModel(let file, let error):
      return "\(file): \(error)"
    case .inputDoesNotFit(let input, let file, let error):
      return "\(input): the inputs do not fit the model \(file): \(error)"
    case .exceedsBudget(let file, let error):
      return "\(file): \(error)"
    case .datasetLargerThanFile(let file, let path, let shape, let fileBytes):
      return "\(file): dataset '\(path)' declares shape \(shape), more data than the whole file "
        + "(\(fileBytes) bytes) holds; the file is damaged or crafted, re-save the model"
    case .malformedGlobalHeap(let file, let offset, let reason):
      return
        "\(file): the global heap collection at byte \(offset) is malformed (\(reason)), so its strings "
        + "cannot be read; the file is damaged or crafted, re-save the model"
    }
  }
}
