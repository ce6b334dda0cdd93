import Foundation

/// A file's device and inode, the identity shared by every path (symbolic or hard link) that
/// names it.
struct FileIdentity: Hashable, Sendable {
  let device: UInt64
  let inode: UInt64

  /// The identity of the file `path` names, following symbolic links; `nil` when it does not
  /// exist or cannot be reached.
  init?(path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
  }
}

/// What `lstat`/`stat` say a path is.
enum FileKind: Equatable {
  case missing
  case regular
  case folder
  case symbolicLink
  case special(String)
  case unreachable(Int32)

  /// The kind of `path` itself (`lstat`) or of what it resolves to (`stat`).
  init(path: String, followingLinks: Bool) {
    var status = stat()
    let result = followingLinks ? stat(path, &status) : lstat(path, &status)
    guard result == 0 else {
      self = errno == ENOENT ? .missing : .unreachable(errno)
      return
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: self = .regular
    case S_IFDIR: self = .folder
    case S_IFLNK: self = .symbolicLink
    case S_IFIFO: self = .special("a FIFO (named pipe)")
    case S_IFCHR, S_IFBLK: self = .special("a device")
    case S_IFSOCK: self = .special("a socket")
    default: self = .special("a special file")
    }
  }

  /// The system's text for an `errno` value.
  static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}
