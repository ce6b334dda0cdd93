import Foundation

/// Whether a shard's part folder can be kept when a run is resumed.
public enum RunResume {
  /// The reason a part is complete and current, or `nil` when it must be redone: it is redone
  /// when `part.json` is missing or truncated, its manifest differs from the run's (inputs'
  /// contents, model file, any setting, the tool's version, the shard), or a map file is missing,
  /// unreadable or holds another number of items.
  /// - Parameters:
  ///   - folder: The part folder.
  ///   - configuration: The run.
  ///   - shard: The shard.
  /// - Returns: Why the part is kept, or `nil`.
  public static func upToDate(_ folder: URL, configuration: RunConfiguration, shard: Shard)
    -> String?
  {
    guard let part = try? RunPart.read(folder.appendingPathComponent("part.json")),
      let manifest = try? RunManifest(configuration: configuration, shard: shard),
      part.manifest == manifest
    else { return nil }
    for method in configuration.exports.attributions where !part.ids.isEmpty {
      guard
        let file = try? HDF5File(
          reading: folder.appendingPathComponent("attributions/\(method).h5")),
        let ids = try? file.readStrings("/ids").elements, ids == part.ids,
        let shape = try? file.shape(ofDataset: "/attributions"), shape.rank > 0,
        shape[0] == part.ids.count
      else { return nil }
    }
    return "manifest and files match"
  }
}
