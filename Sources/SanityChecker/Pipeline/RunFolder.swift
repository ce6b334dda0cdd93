import Foundation

/// Writes a run's output folder as atomically as a folder can be written.
///
/// Every file is first written into a temporary sibling folder (`.<name>.partial-<pid>`). When the
/// folder does not exist yet, the finished sibling is renamed to it in one step; otherwise each
/// finished file is renamed into it, each replacement being atomic. On any error the sibling is
/// removed and nothing is left.
public enum RunFolder {
  /// The files of a finished run: results, report and maps.
  public static func fileNames(_ configuration: RunConfiguration) -> [String] {
    ["results.tsv", "results.json"] + (configuration.exports.report ? ["report.html"] : [])
      + configuration.exports.attributions.map { "attributions/\($0).h5" }
  }

  /// The files of a part (`sanity run --shard`).
  public static func partFileNames(_ configuration: RunConfiguration) -> [String] {
    ["part.json"] + configuration.exports.attributions.map { "attributions/\($0).h5" }
  }

  /// Writes into a temporary sibling folder, then moves the result into place.
  /// - Parameters:
  ///   - folder: The output folder.
  ///   - body: Writes the files into the folder it is given.
  /// - Throws: `body`'s error, or ``OutputError`` when the files cannot be moved.
  public static func write(to folder: URL, _ body: (URL) throws -> Void) throws {
    let manager = FileManager.default
    let staging = folder.deletingLastPathComponent()
      .appendingPathComponent(
        ".\(folder.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    removeStaleStaging(of: folder)
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
      try body(staging)
      if !manager.fileExists(atPath: folder.path) {
        try manager.moveItem(at: staging, to: folder)
        return
      }
      try moveContents(of: staging, into: folder)
      try manager.removeItem(at: staging)
    } catch {
      try? manager.removeItem(at: staging)
      throw error
    }
  }

  /// Removes temporary siblings left by runs that were killed (`.<name>.partial-*`).
  static func removeStaleStaging(of folder: URL) {
    let parent = folder.deletingLastPathComponent()
    let prefix = ".\(folder.lastPathComponent).partial-"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
    where name.hasPrefix(prefix) {
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
    }
  }

  /// Renames every file below `source` to the same place below `target`.
  static func moveContents(of source: URL, into target: URL) throws {
    let manager = FileManager.default
    for name in try manager.contentsOfDirectory(atPath: source.path).sorted() {
      let from = source.appendingPathComponent(name)
      let to = target.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      if manager.fileExists(atPath: from.path, isDirectory: &isFolder), isFolder.boolValue {
        try manager.createDirectory(at: to, withIntermediateDirectories: true)
        try moveContents(of: from, into: to)
      } else if rename(from.path, to.path) != 0 {
        throw OutputError.notWritable(
          path: to.path, reason: String(cString: strerror(errno)).lowercased())
      }
    }
  }
}
