import Foundation
import Synchronization

/// The one writer of every output file: a temporary file in the destination's folder, written,
/// synced and renamed over the destination.
///
/// Steps for a file destination:
/// 1. create `.<name>.<random>.tmp` beside the destination with `O_CREAT | O_EXCL` (`mkstemps`);
/// 2. write it (bytes, or a writer that creates files by path such as libhdf5), then `fsync`;
/// 3. check again that the destination is absent or a regular file, and `rename` the temporary
///    file over it (atomic; nothing is removed first), then sync the folder.
///
/// Any error, thrown by the writer or by a step, removes the temporary file and leaves the
/// destination as it was. ``removePendingTemporaryFiles()`` removes the temporary files of
/// writes in progress, for a signal handler of the command line.
public enum AtomicOutput {
  private static let pending = Mutex(PendingFiles())

  /// The process's file-creation mask, read once (reading it means setting it).
  private static let creationMask: mode_t = {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }()

  private struct PendingFiles {
    var paths: Set<String> = []
    var isClosed = false
  }

  /// Writes bytes to a destination (standard output or a file).
  /// - Parameters:
  ///   - data: The complete contents.
  ///   - destination: A checked destination.
  /// - Throws: ``OutputError``.
  public static func write(_ data: Data, to destination: OutputDestination) throws(OutputError) {
    guard case .file = destination.target else {
      try writeAll(data, to: STDOUT_FILENO, path: "-")
      return
    }
    do {
      try write(to: destination) { (temporary: URL) throws(OutputError) in
        let descriptor = open(temporary.path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else {
          throw .writeFailed(path: destination.path, reason: FileKind.reason(errno))
        }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: destination.path)
      }
    } catch let error as OutputError {
      throw error
    } catch {
      throw .writeFailed(path: destination.path, reason: String(describing: error))
    }
  }

  /// Writes text (UTF-8) to a destination.
  /// - Parameters:
  ///   - text: The complete contents.
  ///   - destination: A checked destination.
  /// - Throws: ``OutputError``.
  public static func write(_ text: String, to destination: OutputDestination) throws(OutputError) {
    try write(Data(text.utf8), to: destination)
  }

  /// Lets `body` write the complete file at a temporary path, then renames it into place.
  ///
  /// Use this for writers that create files by path (libhdf5, ``GzipWriter``); the temporary
  /// file exists (empty) when `body` runs and may be truncated or recreated by it.
  /// - Parameters:
  ///   - destination: A checked file destination.
  ///   - body: Writes the complete file at the URL it receives.
  /// - Throws: What `body` throws (a ``ModelFileError`` about the temporary file is reported
  ///   against the destination), or ``OutputError``.
  public static func write<Failure: Error>(
    to destination: OutputDestination, _ body: (URL) throws(Failure) -> Void
  ) throws {
    guard let url = destination.url else {
      throw OutputError.standardOutputNotSupported(format: "this")
    }
    let temporary = try createTemporaryFile(beside: url, path: destination.path)
    do {
      try body(temporary)
      try sync(temporary, path: destination.path)
      try commit(temporary, to: url, path: destination.path)
    } catch let error as ModelFileError {
      discard(temporary)
      throw error.file == temporary.path ? error.reported(as: destination.path) : error
    } catch {
      discard(temporary)
      throw error
    }
  }

  /// Removes the temporary file of every write in progress and refuses new ones; for a signal
  /// handler that then ends the process.
  public static func removePendingTemporaryFiles() {
    let paths = pending.withLock { files -> Set<String> in
      files.isClosed = true
      return files.paths
    }
    for path in paths { unlink(path) }
  }

  /// Creates an empty temporary file beside `url` with permissions `0666 & ~umask`.
  private static func createTemporaryFile(beside url: URL, path: String) throws(OutputError) -> URL
  {
    let template = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).XXXXXX.tmp").path
    var bytes = Array(template.utf8CString)
    let created: Result<Int32, OutputError> = pending.withLock { files in
      guard !files.isClosed else { return .failure(.interrupted(path: path)) }
      let descriptor = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
        guard let start = buffer.baseAddress else { return -1 }
        return mkstemps(start, 4)
      }
      guard descriptor >= 0 else {
        return .failure(.notWritable(path: path, reason: FileKind.reason(errno)))
      }
      files.paths.insert(String(cString: bytes))
      return .success(descriptor)
    }
    let descriptor = try created.get()
    fchmod(descriptor, 0o666 & ~creationMask)
    close(descriptor)
    return URL(fileURLWithPath: String(cString: bytes))
  }

  /// Writes every byte to a descriptor.
  private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(OutputError)
  {
    let failure: Int32? = data.withUnsafeBytes { buffer in
      guard let start = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, start + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
    if let failure { throw .writeFailed(path: path, reason: FileKind.reason(failure)) }
  }

  /// Flushes the temporary file to disk.
  private static func sync(_ temporary: URL, path: String) throws(OutputError) {
    guard FileKind(path: temporary.path, followingLinks: false) == .regular else {
      throw .writeFailed(path: path, reason: "the temporary file disappeared")
    }
    let descriptor = open(temporary.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .writeFailed(path: path, reason: FileKind.reason(errno)) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else {
      throw .writeFailed(path: path, reason: FileKind.reason(errno))
    }
  }

  /// Renames the temporary file over the destination after checking the destination again.
  private static func commit(_ temporary: URL, to url: URL, path: String) throws(OutputError) {
    switch FileKind(path: url.path, followingLinks: false) {
    case .missing, .regular: break
    case .folder: throw .isFolder(path: path)
    case .special(let kind): throw .specialFile(path: path, kind: kind)
    case .symbolicLink:
      throw .specialFile(path: path, kind: "a symbolic link created during the run")
    case .unreachable(let code): throw .notWritable(path: path, reason: FileKind.reason(code))
    }
    let renamed = pending.withLock { files -> Int32? in
      guard files.paths.remove(temporary.path) != nil, !files.isClosed else { return nil }
      return rename(temporary.path, url.path) == 0 ? 0 : errno
    }
    guard let renamed else { throw .interrupted(path: path) }
    guard renamed == 0 else { throw .writeFailed(path: path, reason: FileKind.reason(renamed)) }
    let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }

  /// Removes a temporary file and forgets it.
  private static func discard(_ temporary: URL) {
    pending.withLock { files in
      files.paths.remove(temporary.path)
      unlink(temporary.path)
    }
  }
}
