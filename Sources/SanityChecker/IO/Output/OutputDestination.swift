import Foundation

/// A checked place to write one output: a regular file to create or replace, or standard output.
///
/// Checking happens when the value is made, before any work starts, so a bad destination costs
/// nothing and leaves nothing. A destination is refused when it is:
/// - a folder, a FIFO, a device, a socket or another special file, or a symbolic link that
///   resolves to one (or to nothing);
/// - in a folder that does not exist or cannot be written;
/// - the same file as an input of the run (same device and inode, through symbolic and hard
///   links), or as another output (``checkDistinct(_:)``);
/// - `-` for a format that needs a file (HDF5, NPZ).
///
/// A symbolic link to a regular file is followed: the file it names is replaced and the link
/// kept. ``AtomicOutput`` writes the destination; it checks the kind again just before renaming.
public struct OutputDestination: Sendable, Equatable, CustomStringConvertible {
  /// Where the bytes go.
  public enum Target: Sendable, Equatable {
    /// Standard output (`-`).
    case standardOutput
    /// The regular file to create or replace (symbolic links resolved).
    case file(URL)
  }

  /// The destination as given (`-` for standard output), used in messages.
  public let path: String
  /// Where the bytes go.
  public let target: Target

  /// Standard output.
  public static let standardOutput = OutputDestination(path: "-", target: .standardOutput)

  private init(path: String, target: Target) {
    self.path = path
    self.target = target
  }

  /// Checks a destination given on the command line.
  /// - Parameters:
  ///   - path: The destination; `-` means standard output.
  ///   - format: What will be written (decides whether `-` is allowed).
  ///   - inputs: Every file the run reads; the destination must be none of them. Paths that do
  ///     not exist are ignored.
  /// - Throws: ``OutputError``.
  public init(_ path: String, format: OutputFormat, inputs: [String] = []) throws(OutputError) {
    if path == "-" {
      guard format.allowsStandardOutput else {
        throw .standardOutputNotSupported(format: format.displayName)
      }
      self = .standardOutput
      return
    }
    try self.init(file: URL(fileURLWithPath: path), path: path, inputs: inputs)
  }

  /// Checks a file destination.
  /// - Parameters:
  ///   - url: The file to create or replace.
  ///   - inputs: Files the destination must not be.
  /// - Throws: ``OutputError``.
  public init(_ url: URL, inputs: [String] = []) throws(OutputError) {
    try self.init(file: url, path: url.path, inputs: inputs)
  }

  private init(file url: URL, path: String, inputs: [String]) throws(OutputError) {
    self.path = path
    target = .file(try Self.resolvedFile(url, path: path))
    guard let identity = FileIdentity(path: url.path) else { return }
    for input in inputs where FileIdentity(path: input) == identity {
      throw .sameAsInput(path: path, input: input)
    }
  }

  /// The file to write: `url` itself, or the regular file a symbolic link resolves to.
  static func resolvedFile(_ url: URL, path: String) throws(OutputError) -> URL {
    switch FileKind(path: url.path, followingLinks: false) {
    case .missing:
      try checkFolder(of: url, path: path)
      let folder = url.deletingLastPathComponent()
      return resolvedPath(of: folder).appendingPathComponent(url.lastPathComponent)
    case .regular:
      try checkFolder(of: url, path: path)
      return resolvedPath(of: url)
    case .folder:
      throw .isFolder(path: path)
    case .special(let kind):
      throw .specialFile(path: path, kind: kind)
    case .unreachable(let code):
      throw .notWritable(path: path, reason: FileKind.reason(code))
    case .symbolicLink:
      switch FileKind(path: url.path, followingLinks: true) {
      case .regular:
        let target = resolvedPath(of: url)
        try checkFolder(of: target, path: path)
        return target
      case .missing: throw .danglingLink(path: path)
      case .folder: throw .isFolder(path: path)
      case .special(let kind): throw .specialFile(path: path, kind: "a link to \(kind)")
      case .unreachable(let code): throw .notWritable(path: path, reason: FileKind.reason(code))
      case .symbolicLink: throw .danglingLink(path: path)
      }
    }
  }

  /// Checks that the folder holding `url` exists and can be written (the rename needs it).
  private static func checkFolder(of url: URL, path: String) throws(OutputError) {
    let folder = url.deletingLastPathComponent()
    switch FileKind(path: folder.path, followingLinks: true) {
    case .folder:
      guard access(folder.path, W_OK) == 0 else {
        throw .notWritable(path: path, reason: FileKind.reason(errno))
      }
    case .unreachable(let code) where code != ENOTDIR:
      throw .notWritable(path: path, reason: FileKind.reason(code))
    default:
      throw .missingFolder(path: path, folder: folder.path)
    }
  }

  /// The path with every symbolic link resolved (`realpath`), or as given when that fails.
  private static func resolvedPath(of url: URL) -> URL {
    guard let resolved = realpath(url.path, nil) else { return url.standardizedFileURL }
    defer { free(resolved) }
    return URL(fileURLWithPath: String(cString: resolved))
  }

  /// Checks that no two destinations are the same file.
  ///
  /// Two destinations clash when they resolve to the same path, or to the same device and inode
  /// when both exist. Standard output may appear once.
  /// - Parameter destinations: The outputs of one run.
  /// - Throws: ``OutputError/sameAsOtherOutput(path:other:)``.
  public static func checkDistinct(_ destinations: [OutputDestination]) throws(OutputError) {
    for (index, destination) in destinations.enumerated() {
      for other in destinations[..<index] {
        switch (destination.target, other.target) {
        case (.standardOutput, .standardOutput):
          throw .sameAsOtherOutput(path: destination.path, other: other.path)
        case (.file(let a), .file(let b)):
          let identity = FileIdentity(path: a.path)
          if a.path == b.path || (identity != nil && identity == FileIdentity(path: b.path)) {
            throw .sameAsOtherOutput(path: destination.path, other: other.path)
          }
        default: continue
        }
      }
    }
  }

  /// The file to write, or `nil` for standard output.
  public var url: URL? {
    if case .file(let url) = target { return url }
    return nil
  }

  /// The destination as given.
  public var description: String { path }
}
