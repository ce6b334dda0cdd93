/// Output-unit names that cannot be used: a model file's `target_names`, or a
/// `--target-names` file.
///
/// Every case names the file and the place in it (an HDF5 attribute or dataset, an ONNX
/// `metadata_props` entry, the flag and a line), and its message ends with a remedy, for example:
/// `model.h5: root attribute 'target_names' holds 918 names, but output 'dense_2' has 919 units; …`
public enum TargetNamesError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The number of names is not the explained head's number of units.
  case countMismatch(file: String, place: String, count: Int, units: Int, head: String)
  /// A `--target-names` file names a unit twice.
  case duplicateName(file: String, line: Int, name: String, firstLine: Int)
  /// The names cannot be read (not strings, malformed JSON, an empty name, an unreadable file).
  case unreadable(file: String, place: String, reason: String)
  /// A single list of names in a file whose model has several heads.
  case flatNamesOnSeveralHeads(file: String, place: String, heads: [String])
  /// Per-head names for a head the model does not have.
  case unknownHead(file: String, place: String, head: String, heads: [String])

  /// The file the error is about.
  public var file: String {
    switch self {
    case .countMismatch(let file, _, _, _, _), .duplicateName(let file, _, _, _),
      .unreadable(let file, _, _), .flatNamesOnSeveralHeads(let file, _, _),
      .unknownHead(let file, _, _, _):
      return file
    }
  }

  /// A compiler-style message, `file: what is wrong where; remedy`.
  public var description: String {
    switch self {
    case .countMismatch(let file, let place, let count, let units, let head):
      return
        "\(file): \(place) holds \(count) name\(count == 1 ? "" : "s"), but output '\(head)' has "
        + "\(units) unit\(units == 1 ? "" : "s"); give exactly one name per unit, in unit order"
    case .duplicateName(let file, let line, let name, let firstLine):
      return
        "\(file):\(line): --target-names repeats '\(name)' (first on line \(firstLine)); "
        + "each unit needs its own name"
    case .unreadable(let file, let place, let reason):
      return "\(file): \(place): \(reason)"
    case .flatNamesOnSeveralHeads(let file, let place, let heads):
      return
        "\(file): \(place) is one list, but the model has \(heads.count) output heads "
        + "(\(heads.joined(separator: ", "))); store one list per head as "
        + "\(TargetNames.key)/<head>, or pass --target-names for the explained head"
    case .unknownHead(let file, let place, let head, let heads):
      return
        "\(file): \(place) names head '\(head)', which the model does not have; "
        + "its heads are \(heads.joined(separator: ", "))"
    }
  }
}
