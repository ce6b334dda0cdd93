import CHDF5

extension HDF5File {
  /// Creates a float32 dataset of the given shape without writing it; rows are written later
  /// with ``writeRows(_:to:firstRow:)``, so outputs larger than memory can be streamed to disk.
  /// - Parameters:
  ///   - path: The dataset's path (missing parent groups are created).
  ///   - shape: The full shape, rows first.
  /// - Throws: ``ModelFileError/writeFailed(file:path:)``.
  public func createFloatDataset(_ path: String, shape: Shape) throws(ModelFileError) {
    let path = Self.canonical(path)
    let target = try prepareParent(of: path)
    guard let space = HDF5Datatype.dataspace(shape),
      HDF5Handle(
        H5Dcreate2(
          target.id, path, shim_H5T_IEEE_F32LE(), space.id, target.linkProperties,
          Self.untimedDatasetCreation,
          shim_H5P_DEFAULT()),
        .dataset) != nil
    else { throw .writeFailed(file: fileName, path: path) }
  }

  /// Writes consecutive rows (along the first axis) of a float32 dataset.
  /// - Parameters:
  ///   - rows: `[n] + the dataset's row shape`.
  ///   - path: The dataset made by ``createFloatDataset(_:shape:)``.
  ///   - firstRow: The index of the first row written.
  /// - Throws: ``ModelFileError`` when the rows do not fit or the write fails.
  public func writeRows(_ rows: Tensor, to path: String, firstRow: Int) throws(ModelFileError) {
    let path = Self.canonical(path)
    guard let dataset = HDF5Handle(H5Dopen2(handle.id, path, shim_H5P_DEFAULT()), .dataset),
      let fileSpace = HDF5Handle(H5Dget_space(dataset.id), .dataspace)
    else { throw .missingDataset(file: fileName, path: path) }
    let rank = Int(H5Sget_simple_extent_ndims(fileSpace.id))
    var extent = [hsize_t](repeating: 0, count: max(rank, 1))
    H5Sget_simple_extent_dims(fileSpace.id, &extent, nil)
    let rowShape = rows.shape.dimensions.dropFirst().map { hsize_t($0) }
    guard rank == rows.shape.rank, Array(extent.dropFirst()) == rowShape,
      firstRow >= 0, hsize_t(firstRow + rows.batchSize) <= extent[0]
    else {
      throw .shapeMismatch(
        file: fileName, path: path, expected: Shape(extent.map { Int($0) }), actual: rows.shape)
    }
    var start = [hsize_t(firstRow)] + rowShape.map { _ in hsize_t(0) }
    var count = [hsize_t(rows.batchSize)] + rowShape
    guard H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, &start, nil, &count, nil) >= 0,
      let memorySpace = HDF5Handle(H5Screate_simple(Int32(rank), count, nil), .dataspace)
    else { throw .writeFailed(file: fileName, path: path) }
    let status = rows.withUnsafeBufferPointer { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return 0 }
      return H5Dwrite(
        dataset.id, shim_H5T_NATIVE_FLOAT(), memorySpace.id, fileSpace.id, shim_H5P_DEFAULT(), base)
    }
    guard status >= 0 else { throw .writeFailed(file: fileName, path: path) }
  }

  /// Reads consecutive rows (along the first axis) of a float dataset as float32, so that files
  /// larger than memory can be read a block at a time.
  /// - Parameters:
  ///   - path: The dataset.
  ///   - rows: The rows to read, within the dataset's first dimension.
  /// - Returns: `[rows.count] + the dataset's row shape`.
  /// - Throws: ``ModelFileError`` when the dataset is missing, the rows are out of range or the
  ///   read fails.
  public func readRows(_ path: String, rows: Range<Int>) throws(ModelFileError) -> Tensor {
    let path = Self.canonical(path)
    guard let dataset = HDF5Handle(H5Dopen2(handle.id, path, shim_H5P_DEFAULT()), .dataset),
      let fileSpace = HDF5Handle(H5Dget_space(dataset.id), .dataspace)
    else { throw .missingDataset(file: fileName, path: path) }
    let rank = Int(H5Sget_simple_extent_ndims(fileSpace.id))
    var extent = [hsize_t](repeating: 0, count: max(rank, 1))
    H5Sget_simple_extent_dims(fileSpace.id, &extent, nil)
    let shape = Shape([rows.count] + extent.dropFirst().map { Int($0) })
    guard rank >= 1, rows.lowerBound >= 0, hsize_t(rows.upperBound) <= extent[0] else {
      throw .shapeMismatch(
        file: fileName, path: path, expected: Shape(extent.map { Int($0) }), actual: shape)
    }
    var scalars = [Float](repeating: 0, count: shape.count)
    guard !rows.isEmpty else { return Tensor(shape: shape, scalars: scalars) }
    var start = [hsize_t(rows.lowerBound)] + extent.dropFirst().map { _ in hsize_t(0) }
    var count = [hsize_t(rows.count)] + extent.dropFirst()
    guard H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, &start, nil, &count, nil) >= 0,
      let memorySpace = HDF5Handle(H5Screate_simple(Int32(rank), count, nil), .dataspace)
    else { throw .readFailed(file: fileName, path: path) }
    let status = scalars.withUnsafeMutableBufferPointer { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return 0 }
      return H5Dread(
        dataset.id, shim_H5T_NATIVE_FLOAT(), memorySpace.id, fileSpace.id, shim_H5P_DEFAULT(), base)
    }
    guard status >= 0 else { throw .readFailed(file: fileName, path: path) }
    return Tensor(shape: shape, scalars: scalars)
  }
}
