import Foundation

/// Rows of float32 values kept on disk while they are computed and read back by index: a
/// ``StreamingTrack``'s per-base scores `[N, L]`, in a file of the temporary directory that is
/// removed when the scratch is dropped.
final class ScoreScratch {
  /// Values per row.
  let values: Int
  private let url: URL
  private let handle: FileHandle
  private var rows = 0

  /// Creates an empty scratch file.
  /// - Parameter values: Values per row.
  /// - Throws: ``OutputError/notWritable(path:reason:)`` when the temporary directory refuses it.
  init(values: Int) throws {
    self.values = values
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sanity-scores-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).f32")
    guard FileManager.default.createFile(atPath: url.path, contents: nil),
      let handle = try? FileHandle(forUpdating: url)
    else {
      throw OutputError.notWritable(path: url.path, reason: "cannot create a scratch file")
    }
    self.handle = handle
  }

  deinit {
    try? handle.close()
    try? FileManager.default.removeItem(at: url)
  }

  /// Appends rows `[n, values]`.
  /// - Parameter rows: The rows.
  /// - Throws: ``OutputError/writeFailed(path:reason:)`` when the disk refuses them.
  func append(_ rows: Tensor) throws {
    let data = rows.withUnsafeBufferPointer { Data(buffer: $0) }
    do {
      try handle.seekToEnd()
      try handle.write(contentsOf: data)
    } catch {
      throw OutputError.writeFailed(path: url.path, reason: "\(error)")
    }
    self.rows += rows.batchSize
  }

  /// Reads row `index` into `row` (of ``values`` elements).
  /// - Parameters:
  ///   - index: A row written before.
  ///   - row: Receives the row.
  /// - Throws: ``OutputError/writeFailed(path:reason:)`` when the file cannot be read back.
  func read(_ index: Int, into row: inout [Float]) throws {
    let bytes = values * MemoryLayout<Float>.stride
    let data: Data?
    do {
      try handle.seek(toOffset: UInt64(index * bytes))
      data = try handle.read(upToCount: bytes)
    } catch {
      throw OutputError.writeFailed(path: url.path, reason: "\(error)")
    }
    guard index < rows, let data, data.count == bytes else {
      throw OutputError.writeFailed(path: url.path, reason: "row \(index) is missing")
    }
    row.withUnsafeMutableBytes { _ = data.copyBytes(to: $0) }
  }
}
