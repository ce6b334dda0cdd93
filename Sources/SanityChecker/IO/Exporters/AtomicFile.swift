import Foundation

/// Writes a file under a temporary name in the destination's folder, then renames it into
/// place, so a failed write never leaves a partial file at the destination.
enum AtomicFile {
  /// Runs `body` on a temporary URL beside `url`, then moves the result to `url`.
  ///
  /// An existing file at `url` is replaced. On any error the temporary file is removed and
  /// the error rethrown.
  /// - Parameters:
  ///   - url: The destination.
  ///   - body: Writes the complete file at the URL it receives.
  /// - Throws: What `body` throws (a ``ModelFileError`` about the temporary file is reported
  ///   against `url`); ``ModelFileError/writeFailed(file:path:)`` if the rename fails.
  static func write(to url: URL, _ body: (URL) throws -> Void) throws {
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(
        ".\(url.lastPathComponent).\(ProcessInfo.processInfo.globallyUniqueString).tmp")
    do {
      try body(temporary)
      guard rename(temporary.path, url.path) == 0 else {
        throw ModelFileError.writeFailed(file: url.path, path: "/")
      }
    } catch let error as ModelFileError {
      try? FileManager.default.removeItem(at: temporary)
      throw error.file == temporary.path ? error.reported(as: url.path) : error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
