import Foundation

/// The names of a model's output units (DeepSEA's 919 `8988T|DNase|None` …, Basset's 164 cell
/// types), read from the model file or from a list the user gives.
///
/// Where a model file stores them:
/// - **Keras / HDF5** (`.h5`): a root attribute `target_names`, or a root dataset
///   `target_names`, holding an array of strings (fixed or variable length, ASCII or UTF-8),
///   one per unit of the output head. A model with several heads stores a group
///   `target_names` with one string dataset per head, named after the head
///   (``Model/outputHeadNames``); heads without a dataset have no names.
/// - **ONNX**: a `metadata_props` entry `target_names` whose value is a JSON array of strings or
///   one name per line; a model with several heads uses entries `target_names/<head>`.
///
/// A single list on a model with several heads, a list for a head the model does not have, and
/// a count other than the head's number of units are errors naming the file and the key. Names
/// may repeat in a model file (DeepSEA lists some assays twice); ``TargetSelection`` then refuses
/// the repeated name and asks for an index. A `--target-names` list (``read(listFile:units:head:)``)
/// must not repeat names.
public enum TargetNames {
  /// The attribute, dataset, group or metadata key that holds the names: `target_names`.
  public static let key = "target_names"

  /// One list found in a model file.
  struct Stored: Equatable {
    /// Where it is (`root attribute 'target_names'`), for errors.
    var place: String
    /// The head it names, or `nil` for a single list.
    var head: String?
    /// The names, in unit order.
    var names: [String]
  }

  /// The unit names a model file stores for each of the model's heads.
  ///
  /// DeepBind parameter files (`.txt`) store none.
  /// - Parameters:
  ///   - url: The model file `model` was read from.
  ///   - model: The model, whose ``Model/outputHeadNames`` and head shapes the names must fit.
  /// - Returns: One list per head (``Model/outputNodes`` order), empty where the file has none.
  /// - Throws: ``TargetNamesError`` naming the file and the key.
  public static func read(modelFile url: URL, for model: Model) throws(TargetNamesError)
    -> [[String]]
  {
    let stored: [Stored]
    if ONNXImport.isONNX(url) {
      stored = try storedInONNX(url)
    } else if url.pathExtension.lowercased() == "txt" {
      stored = []
    } else {
      stored = try storedInHDF5(url)
    }
    let heads = model.outputHeadNames
    var result = [[String]](repeating: [], count: heads.count)
    for entry in stored {
      let head: Int
      if let name = entry.head {
        guard let index = heads.firstIndex(of: name) else {
          throw .unknownHead(file: url.path, place: entry.place, head: name, heads: heads)
        }
        head = index
      } else {
        guard heads.count == 1 else {
          throw .flatNamesOnSeveralHeads(file: url.path, place: entry.place, heads: heads)
        }
        head = 0
      }
      try checked(
        entry.names, file: url.path, place: entry.place, head: heads[head],
        units: model.shapes[model.outputNodes[head]].count)
      result[head] = entry.names
    }
    return result
  }

  /// Reads a list of unit names, one per line; blank lines and a missing or trailing newline
  /// are allowed, surrounding spaces are removed.
  /// - Parameters:
  ///   - url: The text file (`--target-names`).
  ///   - units: The explained head's number of units.
  ///   - head: The head's name, for errors.
  /// - Returns: The names, in unit order.
  /// - Throws: ``TargetNamesError/duplicateName(file:line:name:firstLine:)`` naming the line,
  ///   ``TargetNamesError/countMismatch(file:place:count:units:head:)`` or
  ///   ``TargetNamesError/unreadable(file:place:reason:)``.
  public static func read(listFile url: URL, units: Int, head: String) throws(TargetNamesError)
    -> [String]
  {
    let file = url.path
    let place = "--target-names"
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue,
      let data = FileManager.default.contents(atPath: file)
    else {
      throw .unreadable(
        file: file, place: place,
        reason: "no readable file here; give a text file with one unit name per line")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(file: file, place: place, reason: "not UTF-8 text; save it as UTF-8")
    }
    var names: [String] = []
    var lines: [String: Int] = [:]
    let split = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (offset, line) in split.enumerated() {
      let name = line.trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else { continue }
      if let first = lines[name] {
        throw .duplicateName(file: file, line: offset + 1, name: name, firstLine: first)
      }
      lines[name] = offset + 1
      names.append(name)
    }
    try checked(names, file: file, place: place, head: head, units: units)
    return names
  }

  /// Checks that `names` has one non-empty name per unit.
  private static func checked(
    _ names: [String], file: String, place: String, head: String, units: Int
  ) throws(TargetNamesError) {
    guard names.count == units else {
      throw .countMismatch(file: file, place: place, count: names.count, units: units, head: head)
    }
    if let empty = names.firstIndex(where: { $0.isEmpty }) {
      throw .unreadable(
        file: file, place: place, reason: "name \(empty) is empty; give every unit a name")
    }
  }
}
