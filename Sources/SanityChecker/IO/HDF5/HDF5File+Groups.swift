import CHDF5

extension HDF5File {
  /// The names of a group's members (groups and datasets), in name order.
  ///
  /// Lists the links with `H5Literate`, whose callback collects names into a Swift array passed
  /// through `Unmanaged`.
  /// - Parameter path: The group's path (`"/"` for the root).
  /// - Returns: The member names.
  /// - Throws: ``ModelFileError/missingGroup(file:path:)``, or
  ///   ``ModelFileError/readFailed(file:path:)`` if the iteration fails.
  public func members(of path: String) throws(ModelFileError) -> [String] {
    let group = try openGroup(path)
    let collector = NameCollector()
    let context = Unmanaged.passRetained(collector)
    defer { context.release() }
    var index: hsize_t = 0
    let status = H5Literate(
      group.id, H5_INDEX_NAME, H5_ITER_INC, &index, collectLinkName, context.toOpaque())
    guard status >= 0 else { throw .readFailed(file: fileName, path: Self.canonical(path)) }
    return collector.names
  }

  /// Creates a group, and any missing parent groups.
  ///
  /// An existing group at `path` is left as it is.
  /// - Parameter path: The group's path.
  /// - Throws: ``ModelFileError/writeFailed(file:path:)``.
  public func createGroup(_ path: String) throws(ModelFileError) {
    let path = Self.canonical(path)
    if kind(of: path) == .group { return }
    let linkProperties = try intermediateGroupCreation(path)
    guard
      HDF5Handle(
        H5Gcreate2(
          handle.id, path, linkProperties.id, Self.untimedGroupCreation, shim_H5P_DEFAULT()),
        .group) != nil
    else { throw .writeFailed(file: fileName, path: path) }
  }

  /// Object-creation property lists that record no times (one per process, never closed), so
  /// that written files do not depend on when they were written.
  static let untimedDatasetCreation: hid_t = untimed(shim_H5P_DATASET_CREATE())
  static let untimedGroupCreation: hid_t = untimed(shim_H5P_GROUP_CREATE())

  /// A new property list of a class with time tracking off (the default list if it cannot be made).
  private static func untimed(_ kind: hid_t) -> hid_t {
    let list = H5Pcreate(kind)
    guard list >= 0, H5Pset_obj_track_times(list, false) >= 0 else { return shim_H5P_DEFAULT() }
    return list
  }

  /// A link-creation property list that creates missing parent groups.
  func intermediateGroupCreation(_ path: String) throws(ModelFileError) -> HDF5Handle {
    guard let list = HDF5Handle(H5Pcreate(shim_H5P_LINK_CREATE()), .propertyList),
      H5Pset_create_intermediate_group(list.id, 1) >= 0
    else { throw .writeFailed(file: fileName, path: path) }
    return list
  }
}

/// Collects link names during `H5Literate`.
private final class NameCollector {
  var names: [String] = []
}

/// The `H5Literate` callback: appends each link's name to the ``NameCollector`` in `context`.
private func collectLinkName(
  _ group: hid_t, _ name: UnsafePointer<CChar>?, _ info: UnsafePointer<H5L_info_t>?,
  _ context: UnsafeMutableRawPointer?
) -> herr_t {
  guard let name, let context else { return -1 }
  Unmanaged<NameCollector>.fromOpaque(context).takeUnretainedValue().names.append(
    String(cString: name))
  return 0
}
