/// The kinds of file the command line writes, with the extensions that name them.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Tab-separated text.
  case tsv
  /// JSON text.
  case json
  /// A self-contained HTML page.
  case html
  /// An HDF5 file (attribution exports, Keras models).
  case hdf5
  /// A NumPy `.npz` archive.
  case npz

  /// The extensions, lower case and without the dot; the first is the usual one.
  public var extensions: [String] {
    switch self {
    case .tsv: return ["tsv", "txt"]
    case .json: return ["json"]
    case .html: return ["html", "htm"]
    case .hdf5: return ["h5", "hdf5"]
    case .npz: return ["npz"]
    }
  }

  /// The name used in messages, such as `HDF5`.
  public var displayName: String {
    switch self {
    case .tsv: return "TSV"
    case .json: return "JSON"
    case .html: return "HTML"
    case .hdf5: return "HDF5"
    case .npz: return "NPZ"
    }
  }

  /// Whether `-` (standard output) can receive this format: text formats can, binary ones
  /// (HDF5 is created by path, NPZ is binary) cannot.
  public var allowsStandardOutput: Bool {
    switch self {
    case .tsv, .json, .html: return true
    case .hdf5, .npz: return false
    }
  }

  /// The format named by a path's extension, among those a command accepts.
  /// - Parameters:
  ///   - path: The destination as given; `-` returns `nil` (the caller picks the format).
  ///   - accepted: The formats the command writes.
  /// - Returns: The format, or `nil` for `-`.
  /// - Throws: ``OutputError/unknownExtension(path:accepted:)`` listing every accepted extension.
  public static func of(_ path: String, accepting accepted: [OutputFormat]) throws(OutputError)
    -> OutputFormat?
  {
    guard path != "-" else { return nil }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let suffix = name.split(separator: ".", omittingEmptySubsequences: false)
    let pathExtension = suffix.count > 1 ? suffix.last.map { $0.lowercased() } ?? "" : ""
    guard let format = accepted.first(where: { $0.extensions.contains(pathExtension) }) else {
      throw .unknownExtension(path: path, accepted: accepted.flatMap(\.extensions))
    }
    return format
  }
}
