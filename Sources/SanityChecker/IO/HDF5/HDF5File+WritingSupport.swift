import CHDF5
import Foundation

/// Where a new dataset goes: the file, plus a link-creation list that makes missing parents.
struct HDF5Target {
  /// The file's identifier.
  let id: hid_t
  /// The link-creation property list (kept alive by ``linkList``).
  let linkProperties: hid_t
  /// The owner of the property list.
  let linkList: HDF5Handle
}

extension HDF5File {
  /// Checks that `path` is free and returns how to create it with its parents.
  func prepareParent(of path: String) throws(ModelFileError) -> HDF5Target {
    guard !exists(path) else { throw .writeFailed(file: fileName, path: path) }
    let list = try intermediateGroupCreation(path)
    return HDF5Target(id: handle.id, linkProperties: list.id, linkList: list)
  }

  /// Creates a numeric dataset and writes its elements.
  func writeDataset<Element>(
    _ path: String, shape: Shape, fileType: hid_t, memoryType: hid_t, elements: inout [Element]
  ) throws(ModelFileError) {
    let path = Self.canonical(path)
    let target = try prepareParent(of: path)
    guard let space = HDF5Datatype.dataspace(shape),
      let dataset = HDF5Handle(
        H5Dcreate2(
          target.id, path, fileType, space.id, target.linkProperties, Self.untimedDatasetCreation,
          shim_H5P_DEFAULT()),
        .dataset)
    else { throw .writeFailed(file: fileName, path: path) }
    let status = elements.withUnsafeMutableBytes { bytes -> herr_t in
      guard let base = bytes.baseAddress else { return 0 }
      return H5Dwrite(
        dataset.id, memoryType, shim_H5S_ALL(), shim_H5S_ALL(), shim_H5P_DEFAULT(), base)
    }
    guard status >= 0 else { throw .writeFailed(file: fileName, path: path) }
  }

  /// Creates a numeric attribute and writes its elements.
  func writeNumericAttribute<Element>(
    _ elements: inout [Element], shape: Shape, fileType: hid_t, memoryType: hid_t, name: String,
    object: HDF5Handle, location: String
  ) throws(ModelFileError) {
    guard let space = HDF5Datatype.dataspace(shape),
      let attribute = HDF5Handle(
        H5Acreate2(object.id, name, fileType, space.id, shim_H5P_DEFAULT(), shim_H5P_DEFAULT()),
        .attribute)
    else { throw .writeFailed(file: fileName, path: location) }
    let status = elements.withUnsafeMutableBytes { bytes -> herr_t in
      guard let base = bytes.baseAddress else { return 0 }
      return H5Awrite(attribute.id, memoryType, base)
    }
    guard status >= 0 else { throw .writeFailed(file: fileName, path: location) }
  }

  /// Creates a string attribute (scalar for shape `[]`) and writes its strings.
  func writeStringAttribute(
    _ strings: [String], shape: Shape, type: HDF5StringType, name: String, object: HDF5Handle,
    location: String
  ) throws(ModelFileError) {
    guard let space = HDF5Datatype.dataspace(shape) else {
      throw .writeFailed(file: fileName, path: location)
    }
    try withStringBuffer(strings, type: type, path: location) {
      (fileType, buffer) throws(ModelFileError) in
      guard
        let attribute = HDF5Handle(
          H5Acreate2(object.id, name, fileType, space.id, shim_H5P_DEFAULT(), shim_H5P_DEFAULT()),
          .attribute),
        strings.isEmpty || buffer.map({ H5Awrite(attribute.id, fileType, $0) }) ?? -1 >= 0
      else { throw .writeFailed(file: fileName, path: location) }
    }
  }

  /// Lays strings out as HDF5 expects them in memory and passes the matching datatype.
  ///
  /// Fixed-length strings are null-padded to the longest UTF-8 byte count (at least 1);
  /// variable-length strings are an array of C string pointers, freed afterwards. The buffer
  /// is `nil` only when there are no strings.
  func withStringBuffer(
    _ strings: [String], type: HDF5StringType, path: String,
    _ body: (hid_t, UnsafeRawPointer?) throws(ModelFileError) -> Void
  ) throws(ModelFileError) {
    if type.isVariableLength {
      guard let fileType = HDF5Datatype.string(size: nil, isUTF8: type.isUTF8) else {
        throw .writeFailed(file: fileName, path: path)
      }
      let pointers = strings.map { strdup($0) }
      defer { pointers.forEach { free($0) } }
      let result = pointers.withUnsafeBytes { bytes -> Result<Void, ModelFileError> in
        Result { () throws(ModelFileError) in try body(fileType.id, bytes.baseAddress) }
      }
      try result.get()
    } else {
      let size = max(1, strings.map(\.utf8.count).max() ?? 1)
      guard let fileType = HDF5Datatype.string(size: size, isUTF8: type.isUTF8) else {
        throw .writeFailed(file: fileName, path: path)
      }
      var bytes = [UInt8](repeating: 0, count: max(1, strings.count * size))
      for (index, string) in strings.enumerated() {
        bytes.replaceSubrange(
          (index * size)..<(index * size + string.utf8.count), with: string.utf8)
      }
      let result = bytes.withUnsafeBytes { buffer -> Result<Void, ModelFileError> in
        Result { () throws(ModelFileError) in try body(fileType.id, buffer.baseAddress) }
      }
      try result.get()
    }
  }
}
