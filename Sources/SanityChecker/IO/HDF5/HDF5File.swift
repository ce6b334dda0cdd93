import CHDF5
import Foundation

/// A read-only or newly created HDF5 file: groups, datasets and attributes by path.
///
/// Paths are written from the root, as in h5py: `"/model_weights/conv1d_1"`; a missing leading
/// slash is added. Every identifier the file opens is closed when its Swift owner is released,
/// and the file itself closes when the last reference to the `HDF5File` goes away.
/// Errors are ``ModelFileError`` values naming the file and the path.
///
/// ```swift
/// let file = try HDF5File(reading: url)
/// let (kernel, shape) = try file.readFloats("/model_weights/dense_1/dense_1/kernel:0")
/// ```
public final class HDF5File: @unchecked Sendable {
  /// The file's location.
  public let url: URL
  let handle: HDF5Handle

  /// The name used in error messages: the path as given.
  var fileName: String { url.path }

  /// Opens an existing file for reading.
  ///
  /// The file's global heap collections are checked first (``HDF5GlobalHeapCheck``), because a
  /// malformed one makes libhdf5 1.10 loop forever when it reads a variable-length string.
  /// - Parameter url: The file.
  /// - Throws: ``ModelFileError/fileNotFound(file:)``, ``ModelFileError/notHDF5(file:)``,
  ///   ``ModelFileError/malformedGlobalHeap(file:offset:reason:)``, or
  ///   ``ModelFileError/readFailed(file:path:)`` for a damaged (e.g. truncated) HDF5 file.
  public init(reading url: URL) throws(ModelFileError) {
    silenceHDF5Errors()
    self.url = url
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw .fileNotFound(file: url.path)
    }
    guard H5Fis_hdf5(url.path) > 0 else { throw .notHDF5(file: url.path) }
    if let defect = HDF5GlobalHeapCheck.firstDefect(in: url) {
      throw .malformedGlobalHeap(file: url.path, offset: defect.offset, reason: defect.reason)
    }
    guard
      let handle = HDF5Handle(H5Fopen(url.path, shim_H5F_ACC_RDONLY(), shim_H5P_DEFAULT()), .file)
    else { throw .readFailed(file: url.path, path: "/") }
    self.handle = handle
  }

  /// Creates a file, replacing any existing file at `url`.
  ///
  /// Files are written deterministically: no object records its creation or modification time
  /// (`H5Pset_obj_track_times` off for the root group and every dataset), so the same content
  /// gives the same bytes.
  /// - Parameter url: The new file.
  /// - Throws: ``ModelFileError/writeFailed(file:path:)`` when it cannot be created.
  public init(creating url: URL) throws(ModelFileError) {
    silenceHDF5Errors()
    self.url = url
    guard let properties = HDF5Handle(H5Pcreate(shim_H5P_FILE_CREATE()), .propertyList),
      H5Pset_obj_track_times(properties.id, false) >= 0
    else { throw .writeFailed(file: url.path, path: "/") }
    let id = H5Fcreate(url.path, shim_H5F_ACC_TRUNC(), properties.id, shim_H5P_DEFAULT())
    guard let handle = HDF5Handle(id, .file) else { throw .writeFailed(file: url.path, path: "/") }
    self.handle = handle
  }

  /// The path in canonical form: a leading slash, no trailing or doubled slashes.
  /// - Parameter path: A path such as `model_weights/dense_1/`.
  /// - Returns: `/model_weights/dense_1`.
  static func canonical(_ path: String) -> String {
    "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
  }

  /// The path of a member of a group.
  /// - Parameters:
  ///   - group: The group's path.
  ///   - member: The member's name or relative path.
  /// - Returns: The member's canonical path.
  public static func join(_ group: String, _ member: String) -> String {
    canonical(group + "/" + member)
  }

  /// What an object at a path is.
  public enum ObjectKind: Sendable, Equatable {
    /// A group.
    case group
    /// A dataset.
    case dataset
    /// A named datatype or another kind of object.
    case other
  }

  /// The kind of the object at a path, or `nil` when there is none.
  ///
  /// Each intermediate link is checked first, so a missing parent gives `nil` rather than an
  /// HDF5 error.
  /// - Parameter path: The object's path.
  /// - Returns: Its kind, or `nil`.
  public func kind(of path: String) -> ObjectKind? {
    silenceHDF5Errors()
    let components = Self.canonical(path).split(separator: "/")
    var prefix = ""
    for component in components {
      prefix += "/" + component
      guard H5Lexists(handle.id, prefix, shim_H5P_DEFAULT()) > 0 else { return nil }
    }
    if components.isEmpty { return .group }
    guard let object = HDF5Handle(H5Oopen(handle.id, prefix, shim_H5P_DEFAULT()), .object) else {
      return nil
    }
    switch H5Iget_type(object.id) {
    case H5I_GROUP: return .group
    case H5I_DATASET: return .dataset
    default: return .other
    }
  }

  /// Whether an object (group or dataset) exists at a path.
  /// - Parameter path: The object's path.
  /// - Returns: `true` when there is one.
  public func exists(_ path: String) -> Bool { kind(of: path) != nil }

  /// Opens a group, or throws ``ModelFileError/missingGroup(file:path:)``.
  func openGroup(_ path: String) throws(ModelFileError) -> HDF5Handle {
    let path = Self.canonical(path)
    guard kind(of: path) == .group,
      let group = HDF5Handle(H5Gopen2(handle.id, path, shim_H5P_DEFAULT()), .group)
    else { throw .missingGroup(file: fileName, path: path) }
    return group
  }

  /// Opens a dataset, or throws ``ModelFileError/missingDataset(file:path:)``.
  func openDataset(_ path: String) throws(ModelFileError) -> HDF5Handle {
    let path = Self.canonical(path)
    guard kind(of: path) == .dataset,
      let dataset = HDF5Handle(H5Dopen2(handle.id, path, shim_H5P_DEFAULT()), .dataset)
    else { throw .missingDataset(file: fileName, path: path) }
    return dataset
  }

  /// Opens a group or dataset that can carry attributes.
  func openObject(_ path: String) throws(ModelFileError) -> HDF5Handle {
    let path = Self.canonical(path)
    guard exists(path),
      let object = HDF5Handle(H5Oopen(handle.id, path, shim_H5P_DEFAULT()), .object)
    else { throw .missingGroup(file: fileName, path: path) }
    return object
  }
}
