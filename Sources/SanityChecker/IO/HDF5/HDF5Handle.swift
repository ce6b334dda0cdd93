import CHDF5

/// Owns one HDF5 identifier and closes it exactly once, when the handle is released.
///
/// Identifiers are plain integers (`hid_t`); wrapping each in a class ties its lifetime to
/// Swift's reference counting, so early returns and thrown errors never leak an open object.
///
/// Bind every handle to a named local before passing its ``id`` to HDF5: a temporary such as
/// `makeHandle().id` may be released (and its identifier closed) before the call that uses it,
/// while a local lives to the end of its scope across calls into C.
final class HDF5Handle: @unchecked Sendable {
  /// The kind of object an identifier refers to, which decides the close call.
  enum Kind {
    case file, group, dataset, attribute, dataspace, datatype, propertyList, object
  }

  /// The identifier (valid while the handle lives).
  let id: hid_t
  private let kind: Kind

  /// Wraps an identifier returned by an HDF5 call, or returns `nil` when the call failed.
  /// - Parameters:
  ///   - id: The identifier; negative values mean failure.
  ///   - kind: The kind of object, which decides how it is closed.
  init?(_ id: hid_t, _ kind: Kind) {
    guard id >= 0 else { return nil }
    self.id = id
    self.kind = kind
  }

  deinit {
    switch kind {
    case .file: H5Fclose(id)
    case .group: H5Gclose(id)
    case .dataset: H5Dclose(id)
    case .attribute: H5Aclose(id)
    case .dataspace: H5Sclose(id)
    case .datatype: H5Tclose(id)
    case .propertyList: H5Pclose(id)
    case .object: H5Oclose(id)
    }
  }
}

/// Initializes the library once for the process, and turns off HDF5's automatic error
/// printing: failures are reported through ``ModelFileError`` instead of a stack dump.
let hdf5Initialized: Void = {
  _ = H5open()
  _ = shim_H5_silence_errors()
}()

/// Turns off HDF5's automatic error printing on the calling thread.
///
/// The system library is a thread-safe build, whose error stacks (and their auto-print
/// setting) are per thread, so the once-only ``hdf5Initialized`` covers only the thread that
/// ran it. Every entry point therefore calls this first; it takes HDF5's lock and sets a
/// pointer, which is cheap next to any file access.
func silenceHDF5Errors() {
  _ = hdf5Initialized
  _ = shim_H5_silence_errors()
}
