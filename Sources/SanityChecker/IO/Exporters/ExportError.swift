/// An error writing attribution exports (HDF5 or `.npz`), naming the destination file.
///
/// Errors from the HDF5 library itself are ``ModelFileError`` values; these cases cover the
/// checks made before anything is written.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A dataset's leading (item) axis differs from the attributions' item count.
  case itemCountMismatch(file: String, dataset: String, expected: Int, actual: Int)
  /// A dataset or setting name is empty, contains `/`, or clashes with a reserved name.
  case invalidName(file: String, name: String, reserved: [String])
  /// A tensor's shape does not fit the layout, e.g. TF-MoDISco needs `[N, L, 4]`.
  case unsupportedShape(file: String, dataset: String, shape: Shape, expected: String)
  /// The archive would exceed the 4 GiB limit of a zip file without ZIP64 records.
  case archiveTooLarge(file: String, bytes: Int)
  /// The file could not be written.
  case writeFailed(file: String, reason: String)

  /// A compiler-style message, `file: what is wrong; remedy`.
  public var description: String {
    switch self {
    case .itemCountMismatch(let file, let dataset, let expected, let actual):
      return
        "\(file): dataset '\(dataset)' has \(actual) items, the attributions have \(expected); pass one entry per item"
    case .invalidName(let file, let name, let reserved):
      return
        "\(file): invalid name '\(name)'; use a non-empty name without '/' other than \(reserved.joined(separator: ", "))"
    case .unsupportedShape(let file, let dataset, let shape, let expected):
      return
        "\(file): '\(dataset)' has shape \(shape), expected \(expected); export DNA attributions [N, L, 4]"
    case .archiveTooLarge(let file, let bytes):
      return
        "\(file): the archive would hold \(bytes) bytes, over the 4 GiB zip limit; export fewer sequences per file"
    case .writeFailed(let file, let reason):
      return "\(file): could not write (\(reason)); check that the folder exists and is writable"
    }
  }
}
