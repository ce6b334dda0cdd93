import Foundation

extension TargetNames {
  /// The `target_names` lists of a Keras (HDF5) file: a root attribute, a root dataset, or a
  /// group of one dataset per head.
  /// - Parameter url: The file.
  /// - Returns: The lists found (none when the file has no `target_names`).
  /// - Throws: ``TargetNamesError/unreadable(file:place:reason:)`` when they are not strings.
  static func storedInHDF5(_ url: URL) throws(TargetNamesError) -> [Stored] {
    let file: HDF5File
    do {
      file = try HDF5File(reading: url)
    } catch {
      throw .unreadable(file: url.path, place: "'\(key)'", reason: "\(error)")
    }
    var stored: [Stored] = []
    if file.hasAttribute(key, of: "/") {
      let place = "root attribute '\(key)'"
      stored.append(
        Stored(
          place: place, head: nil,
          names: try strings(in: url, place: place) { () throws(ModelFileError) in
            try file.readStringArrayAttribute(key, of: "/")
          }))
    }
    let path = "/" + key
    switch file.kind(of: path) {
    case .dataset:
      stored.append(try dataset(path, head: nil, in: file, url: url))
    case .group:
      let members: [String]
      do {
        members = try file.members(of: path)
      } catch {
        throw .unreadable(file: url.path, place: "group '\(path)'", reason: "\(error)")
      }
      for member in members {
        let memberPath = HDF5File.join(path, member)
        guard file.kind(of: memberPath) == .dataset else {
          throw .unreadable(
            file: url.path, place: "'\(memberPath)'",
            reason: "is not a dataset; store one string dataset per head")
        }
        stored.append(try dataset(memberPath, head: member, in: file, url: url))
      }
    case .other:
      throw .unreadable(
        file: url.path, place: "'\(path)'",
        reason: "is neither a dataset nor a group; store an array of strings")
    case nil:
      break
    }
    return stored
  }

  /// One string dataset's names.
  private static func dataset(_ path: String, head: String?, in file: HDF5File, url: URL)
    throws(TargetNamesError) -> Stored
  {
    let place = "dataset '\(path)'"
    return Stored(
      place: place, head: head,
      names: try strings(in: url, place: place) { () throws(ModelFileError) in
        try file.readStrings(path).elements
      })
  }

  /// Runs a read, turning its error into ``TargetNamesError/unreadable(file:place:reason:)``.
  private static func strings(
    in url: URL, place: String, _ read: () throws(ModelFileError) -> [String]
  ) throws(TargetNamesError) -> [String] {
    do {
      return try read()
    } catch {
      guard case .wrongType(_, _, _, let actual) = error else {
        throw .unreadable(file: url.path, place: place, reason: "\(error)")
      }
      throw .unreadable(
        file: url.path, place: place,
        reason: "holds \(actual), not strings; store an array of strings, one per unit")
    }
  }
}
