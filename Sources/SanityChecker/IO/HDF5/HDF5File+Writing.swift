import CHDF5

extension HDF5File {
  /// Writes a float32 dataset (contiguous, little-endian), creating missing parent groups.
  /// - Parameters:
  ///   - tensor: The values and shape.
  ///   - path: The new dataset's path; it must not exist yet.
  /// - Throws: ``ModelFileError/writeFailed(file:path:)``.
  public func writeTensor(_ tensor: Tensor, to path: String) throws(ModelFileError) {
    var scalars = tensor.scalars
    try writeDataset(
      path, shape: tensor.shape, fileType: shim_H5T_IEEE_F32LE(),
      memoryType: shim_H5T_NATIVE_FLOAT(), elements: &scalars)
  }

  /// Writes a float32 dataset from scalars and a shape.
  /// - Parameters:
  ///   - scalars: The values in row-major order, `shape.count` of them.
  ///   - shape: The extents.
  ///   - path: The new dataset's path.
  /// - Throws: ``ModelFileError/writeFailed(file:path:)``.
  public func writeFloats(_ scalars: [Float], shape: Shape, to path: String) throws(ModelFileError)
  {
    try writeTensor(Tensor(shape: shape, scalars: scalars), to: path)
  }

  /// Writes an int64 dataset.
  /// - Parameters:
  ///   - values: The values in row-major order, `shape.count` of them.
  ///   - shape: The extents (default: one axis).
  ///   - path: The new dataset's path.
  /// - Throws: ``ModelFileError/writeFailed(file:path:)``.
  public func writeInt64s(_ values: [Int64], shape: Shape? = nil, to path: String)
    throws(ModelFileError)
  {
    let shape = shape ?? [values.count]
    precondition(
      shape.count == values.count,
      "writeInt64s: shape \(shape) needs \(shape.count) values, got \(values.count)")
    var values = values
    try writeDataset(
      path, shape: shape, fileType: shim_H5T_STD_I64LE(), memoryType: shim_H5T_NATIVE_INT64(),
      elements: &values)
  }

  /// Writes a one-dimensional string dataset.
  /// - Parameters:
  ///   - strings: The strings.
  ///   - path: The new dataset's path.
  ///   - type: How the strings are stored (default: variable-length UTF-8, as h5py writes `str`).
  /// - Throws: ``ModelFileError/writeFailed(file:path:)``.
  public func writeStrings(
    _ strings: [String], to path: String, as type: HDF5StringType = .variableUTF8
  ) throws(ModelFileError) {
    let path = Self.canonical(path)
    let target = try prepareParent(of: path)
    guard let space = HDF5Datatype.dataspace([strings.count]) else {
      throw .writeFailed(file: fileName, path: path)
    }
    try withStringBuffer(strings, type: type, path: path) {
      (fileType, buffer) throws(ModelFileError) in
      guard
        let dataset = HDF5Handle(
          H5Dcreate2(
            target.id, path, fileType, space.id, target.linkProperties, Self.untimedDatasetCreation,
            shim_H5P_DEFAULT()),
          .dataset),
        strings.isEmpty
          || buffer.map({
            H5Dwrite(dataset.id, fileType, shim_H5S_ALL(), shim_H5S_ALL(), shim_H5P_DEFAULT(), $0)
          }) ?? -1 >= 0
      else { throw .writeFailed(file: fileName, path: path) }
    }
  }

  /// Writes an attribute on the group or dataset at `path`, replacing one of the same name.
  /// - Parameters:
  ///   - value: The value.
  ///   - name: The attribute's name.
  ///   - path: The object's path (`"/"` for the root).
  /// - Throws: ``ModelFileError/writeFailed(file:path:)``, or
  ///   ``ModelFileError/missingGroup(file:path:)`` when there is no object at `path`.
  public func writeAttribute(_ value: HDF5AttributeValue, named name: String, of path: String)
    throws(ModelFileError)
  {
    let object = try openObject(path)
    let location = "\(Self.canonical(path))@\(name)"
    if H5Aexists(object.id, name) > 0, H5Adelete(object.id, name) < 0 {
      throw .writeFailed(file: fileName, path: location)
    }
    switch value {
    case .string(let string, let type):
      try writeStringAttribute(
        [string], shape: [], type: type, name: name, object: object, location: location)
    case .strings(let strings, let type):
      try writeStringAttribute(
        strings, shape: [strings.count], type: type, name: name, object: object, location: location)
    case .integer(let integer):
      var elements = [integer]
      try writeNumericAttribute(
        &elements, shape: [], fileType: shim_H5T_STD_I64LE(), memoryType: shim_H5T_NATIVE_INT64(),
        name: name, object: object, location: location)
    case .integers(let integers):
      var elements = integers
      try writeNumericAttribute(
        &elements, shape: [integers.count], fileType: shim_H5T_STD_I64LE(),
        memoryType: shim_H5T_NATIVE_INT64(), name: name, object: object, location: location)
    case .real(let real):
      var elements = [real]
      try writeNumericAttribute(
        &elements, shape: [], fileType: shim_H5T_IEEE_F64LE(), memoryType: shim_H5T_NATIVE_DOUBLE(),
        name: name, object: object, location: location)
    case .reals(let reals):
      var elements = reals
      try writeNumericAttribute(
        &elements, shape: [reals.count], fileType: shim_H5T_IEEE_F64LE(),
        memoryType: shim_H5T_NATIVE_DOUBLE(), name: name, object: object, location: location)
    }
  }
}
