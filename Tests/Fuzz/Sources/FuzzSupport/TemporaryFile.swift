import Foundation

/// One scratch file per fuzzing process, rewritten with each input, for readers that take a URL.
///
/// The file lives in `/dev/shm` when it exists (no disk traffic), else in the temporary folder,
/// and is named after the process so parallel fuzzers never share it.
public enum TemporaryFile {
  private static let folder: String = {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isFolder),
      isFolder.boolValue
    {
      return "/dev/shm"
    }
    return NSTemporaryDirectory()
  }()

  /// Writes `bytes` to the process's scratch file with the given name suffix and returns its URL.
  /// - Parameters:
  ///   - bytes: The fuzz input.
  ///   - count: The number of bytes.
  ///   - suffix: The file name's end, e.g. `".h5"`; readers that choose a format by extension see it.
  /// - Returns: The file's URL.
  public static func write(_ bytes: UnsafePointer<UInt8>?, count: Int, suffix: String) -> URL {
    let path = "\(folder)/sanity-fuzz-\(getpid())\(suffix)"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { fatalError("cannot write the scratch file \(path)") }
    var written = 0
    while written < count, let bytes {
      let step = Foundation.write(descriptor, bytes + written, count - written)
      guard step > 0 else { fatalError("cannot write the scratch file \(path)") }
      written += step
    }
    close(descriptor)
    return URL(fileURLWithPath: path)
  }

  /// The input as an array (libFuzzer passes a null pointer for the empty input).
  public static func array(_ bytes: UnsafePointer<UInt8>?, count: Int) -> [UInt8] {
    guard let bytes, count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: bytes, count: count))
  }
}
