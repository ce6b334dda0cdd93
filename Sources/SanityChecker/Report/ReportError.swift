/// Why a report could not be written.
public enum ReportError: Error, CustomStringConvertible, Equatable {
  /// The file (or its temporary sibling) could not be written or moved into place.
  case cannotWrite(path: String, reason: String)

  /// A compiler-style message ending with a remedy.
  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      return
        "\(path): cannot write the report (\(reason)); check that the folder exists and is writable"
    }
  }
}
