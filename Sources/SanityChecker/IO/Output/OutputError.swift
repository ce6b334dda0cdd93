/// Why an output destination was refused or could not be written, naming the destination.
///
/// Every case is raised before anything is written (by ``OutputDestination``) except
/// ``writeFailed(path:reason:)``, raised by ``AtomicOutput`` after it has removed its
/// temporary file. Nothing that existed at the destination is ever removed or changed.
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The destination is an existing folder.
  case isFolder(path: String)
  /// The destination is (or a symbolic link resolves to) a FIFO, a device, a socket or
  /// another file that is not a regular file; `kind` names it ("a FIFO", "a device", …).
  case specialFile(path: String, kind: String)
  /// The destination is a symbolic link whose target does not exist.
  case danglingLink(path: String)
  /// An output folder (for commands that write several files) exists and is not a folder.
  case notAFolder(path: String)
  /// The folder that would hold the destination does not exist or is not a folder.
  case missingFolder(path: String, folder: String)
  /// The destination or its folder cannot be reached or written (permissions, a file used as
  /// a folder in the path); `reason` is the system's.
  case notWritable(path: String, reason: String)
  /// The destination is the same file (device and inode, through symbolic and hard links) as
  /// an input of the same run.
  case sameAsInput(path: String, input: String)
  /// Two outputs of one run are the same file.
  case sameAsOtherOutput(path: String, other: String)
  /// `-` (standard output) was given for a format that needs a file.
  case standardOutputNotSupported(format: String)
  /// The destination's extension names no format the command writes.
  case unknownExtension(path: String, accepted: [String])
  /// Writing, syncing or renaming failed; the temporary file has been removed.
  case writeFailed(path: String, reason: String)
  /// The run was interrupted; the temporary file has been removed.
  case interrupted(path: String)

  /// A compiler-style message, `path: what is wrong; remedy`.
  public var description: String {
    switch self {
    case .isFolder(let path):
      return "\(path): is a folder; give a file name inside it (nothing was written or removed)"
    case .specialFile(let path, let kind):
      return
        "\(path): is \(kind), not a regular file; give the name of a regular file to create or replace"
    case .notAFolder(let path):
      return "\(path): exists and is not a folder; give the name of a folder to create or reuse"
    case .danglingLink(let path):
      return
        "\(path): is a symbolic link to a file that does not exist; remove the link or give another name"
    case .missingFolder(let path, let folder):
      return "\(path): the folder '\(folder)' does not exist; create it first"
    case .notWritable(let path, let reason):
      return "\(path): cannot be written (\(reason)); check that the folder exists and is writable"
    case .sameAsInput(let path, let input):
      return
        "\(path): is the same file as the input '\(input)'; give another output name so the input is kept"
    case .sameAsOtherOutput(let path, let other):
      return "\(path): is the same file as the output '\(other)'; give each output its own name"
    case .standardOutputNotSupported(let format):
      return "-: \(format) output cannot go to standard output; give a file name"
    case .unknownExtension(let path, let accepted):
      return "\(path): unknown output extension; use \(Self.list(accepted.map { ".\($0)" }))"
    case .writeFailed(let path, let reason):
      return "\(path): could not write the output (\(reason)); nothing was left behind"
    case .interrupted(let path):
      return "\(path): interrupted before the output was complete; nothing was left behind"
    }
  }

  /// `a`, `a or b`, `a, b or c`.
  static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
  }
}
