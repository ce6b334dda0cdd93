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
    let slab = try RowSlab(opening: path, in: self)
    guard slab.rank == rows.shape.rank, slab.rowShape == Array(rows.shape.dimensions.dropFirst()),
      firstRow >= 0, firstRow + rows.batchSize <= slab.rowCount
    else {
      throw .shapeMismatch(file: fileName, path: path, expected: slab.shape, actual: rows.shape)
    }
    let memorySpace = try slab.select(
      firstRow..<(firstRow + rows.batchSize), or: .writeFailed(file: fileName, path: path))
    let status = rows.withUnsafeBufferPointer { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return 0 }
      return H5Dwrite(
        slab.dataset.id, shim_H5T_NATIVE_FLOAT(), memorySpace.id, slab.fileSpace.id,
        shim_H5P_DEFAULT(), base)
    }
    guard status >= 0 else { throw .writeFailed(file: fileName, path: path) }
  }

  /// Reads consecutive rows (along the first axis) of a float dataset as float32, so that files
  /// larger than memory can be read a block at a time.
  /// - Parameters:
  ///   - path: The dataset.
  ///   - rows: The rows to read, within the dataset's first dimension.
  /// - Returns: `[rows.count] + the dataset's row shape`.
  /// - Throws: ``ModelFileError`` when the dataset is missing, the rows are out of range, they
  ///   would not fit ``MemoryBudget/current`` (checked before allocating) or the read fails.
  public func readRows(_ path: String, rows: Range<Int>) throws(ModelFileError) -> Tensor {
    let path = Self.canonical(path)
    let slab = try RowSlab(opening: path, in: self)
    let shape = Shape([rows.count] + slab.rowShape)
    guard slab.rank >= 1, rows.lowerBound >= 0, rows.upperBound <= slab.rowCount else {
      throw .shapeMismatch(file: fileName, path: path, expected: slab.shape, actual: shape)
    }
    do throws(MemoryBudgetError) {
      try MemoryBudget.current.reserve(
        SizeCheck.product(shape.dimensions) ?? .max, of: MemoryLayout<Float>.stride,
        for: "rows \(rows.lowerBound)..<\(rows.upperBound) of dataset '\(path)'")
    } catch { throw .exceedsBudget(file: fileName, error) }
    var scalars = [Float](repeating: 0, count: shape.count)
    guard !rows.isEmpty else { return Tensor(shape: shape, scalars: scalars) }
    let memorySpace = try slab.select(rows, or: .readFailed(file: fileName, path: path))
    let status = scalars.withUnsafeMutableBufferPointer { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return 0 }
      return H5Dread(
        slab.dataset.id, shim_H5T_NATIVE_FLOAT(), memorySpace.id, slab.fileSpace.id,
        shim_H5P_DEFAULT(), base)
    }
    guard status >= 0 else { throw .readFailed(file: fileName, path: path) }
    return Tensor(shape: shape, scalars: scalars)
  }
}

/// A dataset opened to read or write consecutive rows: its handle, its file space and its
/// extent, the part ``HDF5File/readRows(_:rows:)`` and ``HDF5File/writeRows(_:to:firstRow:)``
/// share.
private struct RowSlab {
  let dataset: HDF5Handle
  let fileSpace: HDF5Handle
  /// The dataset's extent, rows first (`[0]` for a scalar dataset).
  let extent: [hsize_t]
  /// The dataset's rank.
  let rank: Int

  /// Opens the dataset at `path` and reads its extent.
  /// - Throws: ``ModelFileError/missingDataset(file:path:)``.
  init(opening path: String, in file: HDF5File) throws(ModelFileError) {
    guard let dataset = HDF5Handle(H5Dopen2(file.handle.id, path, shim_H5P_DEFAULT()), .dataset),
      let fileSpace = HDF5Handle(H5Dget_space(dataset.id), .dataspace)
    else { throw .missingDataset(file: file.fileName, path: path) }
    rank = Int(H5Sget_simple_extent_ndims(fileSpace.id))
    var extent = [hsize_t](repeating: 0, count: max(rank, 1))
    H5Sget_simple_extent_dims(fileSpace.id, &extent, nil)
    (self.dataset, self.fileSpace, self.extent) = (dataset, fileSpace, extent)
  }

  /// The number of rows.
  var rowCount: Int { Int(clamping: extent[0]) }
  /// The shape of one row.
  var rowShape: [Int] { extent.dropFirst().map { Int(clamping: $0) } }
  /// The dataset's shape.
  var shape: Shape { Shape(extent.map { Int(clamping: $0) }) }

  /// Selects `rows` in the file space.
  /// - Parameters:
  ///   - rows: Rows within ``rowCount``, not empty.
  ///   - failure: The error when libhdf5 refuses the selection.
  /// - Returns: A memory space of the selection's shape.
  /// - Throws: `failure`.
  func select(_ rows: Range<Int>, or failure: ModelFileError) throws(ModelFileError)
    -> HDF5Handle
  {
    var start = [hsize_t(rows.lowerBound)] + extent.dropFirst().map { _ in hsize_t(0) }
    var count = [hsize_t(rows.count)] + extent.dropFirst()
    guard H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, &start, nil, &count, nil) >= 0,
      let memorySpace = HDF5Handle(H5Screate_simple(Int32(count.count), count, nil), .dataspace)
    else { throw failure }
    return memorySpace
  }
}
