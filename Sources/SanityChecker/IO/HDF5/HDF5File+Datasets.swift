import CHDF5

extension HDF5File {
  /// Opens a dataset as a read source.
  func datasetSource(_ path: String) throws(ModelFileError) -> HDF5Source {
    HDF5Source(
      handle: try openDataset(path), isAttribute: false, location: Self.canonical(path),
      file: fileName)
  }

  /// The shape of a dataset.
  /// - Parameter path: The dataset's path.
  /// - Returns: Its extents (`[]` for a scalar).
  /// - Throws: ``ModelFileError/missingDataset(file:path:)``.
  public func shape(ofDataset path: String) throws(ModelFileError) -> Shape {
    try datasetSource(path).shape()
  }

  /// Reads a numeric dataset as `Float`; HDF5 converts float64 and integer data.
  /// - Parameter path: The dataset's path.
  /// - Returns: The elements and shape.
  /// - Throws: ``ModelFileError/missingDataset(file:path:)``, or
  ///   ``ModelFileError/wrongType(file:path:expected:actual:)`` for non-numeric data.
  public func readFloats(_ path: String) throws(ModelFileError) -> HDF5Array<Float> {
    try datasetSource(path).numbers(
      shim_H5T_NATIVE_FLOAT(), integersOnly: false, expected: "numbers")
  }

  /// Reads a numeric dataset as a ``Tensor`` (converted to `Float`).
  /// - Parameter path: The dataset's path.
  /// - Returns: The tensor, with the dataset's shape.
  /// - Throws: As ``readFloats(_:)``.
  public func readTensor(_ path: String) throws(ModelFileError) -> Tensor {
    let array = try readFloats(path)
    return Tensor(shape: array.shape, scalars: array.elements)
  }

  /// Reads a numeric dataset as `Double`.
  /// - Parameter path: The dataset's path.
  /// - Returns: The elements and shape.
  /// - Throws: As ``readFloats(_:)``.
  public func readDoubles(_ path: String) throws(ModelFileError) -> HDF5Array<Double> {
    try datasetSource(path).numbers(
      shim_H5T_NATIVE_DOUBLE(), integersOnly: false, expected: "numbers")
  }

  /// Reads an integer dataset as `Int64`.
  /// - Parameter path: The dataset's path.
  /// - Returns: The elements and shape.
  /// - Throws: ``ModelFileError/missingDataset(file:path:)``, or
  ///   ``ModelFileError/wrongType(file:path:expected:actual:)`` unless the data are integers.
  public func readInt64s(_ path: String) throws(ModelFileError) -> HDF5Array<Int64> {
    try datasetSource(path).numbers(
      shim_H5T_NATIVE_INT64(), integersOnly: true, expected: "integers")
  }

  /// Reads a string dataset, fixed or variable length (NUL and, for space-padded types,
  /// trailing-space padding removed; bytes decoded as UTF-8).
  /// - Parameter path: The dataset's path.
  /// - Returns: The strings and shape.
  /// - Throws: ``ModelFileError/missingDataset(file:path:)``, or
  ///   ``ModelFileError/wrongType(file:path:expected:actual:)`` unless the data are strings.
  public func readStrings(_ path: String) throws(ModelFileError) -> HDF5Array<String> {
    try datasetSource(path).strings()
  }
}
