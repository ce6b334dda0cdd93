/// The file formats of a genome track, named by the output's extension.
public enum TrackFormat: String, Sendable, CaseIterable {
  /// bedGraph text (`.bedGraph`, `.bedgraph`, `.bg`, `.bdg`); standard output allowed.
  case bedGraph
  /// UCSC bigWig (`.bw`, `.bigWig`, `.bigwig`), written with libBigWig.
  case bigWig

  /// The extensions, lower case and without the dot.
  public var extensions: [String] {
    switch self {
    case .bedGraph: return ["bedgraph", "bg", "bdg"]
    case .bigWig: return ["bw", "bigwig"]
    }
  }

  /// The format a path names; `-` is bedGraph on standard output.
  /// - Parameter path: The output as given.
  /// - Returns: The format.
  /// - Throws: ``OutputError/unknownExtension(path:accepted:)``.
  public static func of(_ path: String) throws(OutputError) -> TrackFormat {
    guard path != "-" else { return .bedGraph }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    let suffix = parts.count > 1 ? parts.last.map { $0.lowercased() } ?? "" : ""
    guard let format = allCases.first(where: { $0.extensions.contains(suffix) }) else {
      throw .unknownExtension(path: path, accepted: allCases.flatMap(\.extensions))
    }
    return format
  }

  /// A checked destination for this format: bedGraph as text (standard output allowed), bigWig
  /// as a binary file.
  /// - Parameters:
  ///   - path: The output as given.
  ///   - inputs: Every file the run reads.
  /// - Returns: The destination.
  /// - Throws: ``OutputError``.
  public func destination(_ path: String, inputs: [String]) throws(OutputError)
    -> OutputDestination
  {
    if self == .bigWig, path == "-" { throw .standardOutputNotSupported(format: "bigWig") }
    return try OutputDestination(path, format: self == .bedGraph ? .tsv : .npz, inputs: inputs)
  }
}
