import Foundation

/// A fresh directory under the system's temporary folder, removed when the value is released.
///
/// Each test makes its own, so tests that run in parallel never share files.
public final class TemporaryDirectory {
  /// The directory's location.
  public let url: URL

  /// Creates the directory.
  /// - Throws: The file manager's error when the directory cannot be created.
  public init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("sanity-io-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// A file in the directory.
  public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// Writes bytes to a file in the directory and returns its URL.
  @discardableResult
  public func write(_ bytes: [UInt8], to name: String) throws -> URL {
    let file = file(name)
    try Data(bytes).write(to: file)
    return file
  }

  /// Writes text to a file in the directory and returns its URL.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> URL {
    try write(Array(text.utf8), to: name)
  }

  /// The names of the files now in the directory.
  public func contents() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }
}
