extension ModelFileError {
  /// The same error reported against another file name.
  ///
  /// Used for the destination of a write that went to a temporary file first.
  /// - Parameter newFile: The file to name.
  /// - Returns: The error with `file` replaced.
  func reported(as newFile: String) -> ModelFileError {
    switch self {
    case .fileNotFound: return .fileNotFound(file: newFile)
    case .notHDF5: return .notHDF5(file: newFile)
    case .writeFailed(_, let path): return .writeFailed(file: newFile, path: path)
    case .missingGroup(_, let path): return .missingGroup(file: newFile, path: path)
    case .missingDataset(_, let path): return .missingDataset(file: newFile, path: path)
    case .missingAttribute(_, let path, let name):
      return .missingAttribute(file: newFile, path: path, name: name)
    case .wrongType(_, let path, let expected, let actual):
      return .wrongType(file: newFile, path: path, expected: expected, actual: actual)
    case .readFailed(_, let path): return .readFailed(file: newFile, path: path)
    case .shapeMismatch(_, let path, let expected, let actual):
      return .shapeMismatch(file: newFile, path: path, expected: expected, actual: actual)
    case .nonFiniteValues(_, let path): return .nonFiniteValues(file: newFile, path: path)
    case .unsupportedLayer(_, let layer, let className, let supported):
      return .unsupportedLayer(
        file: newFile, layer: layer, className: className, supported: supported)
    case .unsupportedSetting(_, let layer, let setting, let value):
      return .unsupportedSetting(file: newFile, layer: layer, setting: setting, value: value)
    case .invalidConfiguration(_, let location, let reason):
      return .invalidConfiguration(file: newFile, location: location, reason: reason)
    case .invalidModel(_, let error): return .invalidModel(file: newFile, error)
    case .inputDoesNotFit(let input, _, let error):
      return .inputDoesNotFit(input: input, file: newFile, error)
    case .exceedsBudget(_, let error): return .exceedsBudget(file: newFile, error)
    case .datasetLargerThanFile(_, let path, let shape, let fileBytes):
      return .datasetLargerThanFile(file: newFile, path: path, shape: shape, fileBytes: fileBytes)
    case .malformedGlobalHeap(_, let offset, let reason):
      return .malformedGlobalHeap(file: newFile, offset: offset, reason: reason)
    }
  }
}
