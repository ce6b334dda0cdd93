/// The output units a run explains, parsed from a list such as `0,3,5-9` or `CTCF,3`.
///
/// Elements are separated by commas; each is an index, an inclusive range `a-b`, or the name of
/// an output when the model names its outputs. Indices keep the order given; a unit named twice
/// is kept once (its first place).
public struct TargetSelection: Sendable, Equatable {
  /// The selected output indices, in the order given.
  public let indices: [Int]

  /// Selects explicit indices.
  /// - Parameters:
  ///   - indices: Output indices, each in `0..<outputCount`.
  ///   - outputCount: The model's number of outputs.
  /// - Throws: ``TargetSelectionError/outOfRange(_:outputCount:)``.
  public init(indices: [Int], outputCount: Int) throws(TargetSelectionError) {
    for index in indices where !(0..<outputCount).contains(index) {
      throw .outOfRange(index, outputCount: outputCount)
    }
    guard !indices.isEmpty else { throw .empty }
    var seen = Set<Int>()
    self.indices = indices.filter { seen.insert($0).inserted }
  }

  /// Parses a selection.
  /// - Parameters:
  ///   - text: `0,3,5-9`, names, or a mix.
  ///   - outputCount: The model's number of outputs.
  ///   - names: The outputs' names, when the model has them (`names[i]` names unit `i`).
  /// - Throws: ``TargetSelectionError``.
  public init(parsing text: String, outputCount: Int, names: [String] = [])
    throws(TargetSelectionError)
  {
    var indices: [Int] = []
    for element in text.split(separator: ",", omittingEmptySubsequences: false) {
      let item = element.trimmingCharacters(in: .whitespaces)
      if let index = Int(item) {
        indices.append(index)
      } else if let named = names.firstIndex(of: item) {
        indices.append(named)
      } else if let dash = item.dropFirst().firstIndex(of: "-"),
        let first = Int(item[..<dash]), let last = Int(item[item.index(after: dash)...])
      {
        guard first <= last else { throw .reversedRange(item) }
        guard (0..<outputCount).contains(first), (0..<outputCount).contains(last) else {
          throw .outOfRange(
            (0..<outputCount).contains(first) ? last : first, outputCount: outputCount)
        }
        indices += Array(first...last)
      } else {
        throw names.isEmpty ? .unreadable(item, in: text) : .unknownName(item, available: names)
      }
    }
    try self.init(indices: indices, outputCount: outputCount)
  }

  /// The number of selected units.
  public var count: Int { indices.count }

  /// A label per selected unit: its name when `names` has one, else `output_i`.
  /// - Parameter names: The model's output names (may be empty).
  /// - Returns: One label per index.
  public func labels(names: [String] = []) -> [String] {
    indices.map { names.indices.contains($0) ? names[$0] : "output_\($0)" }
  }
}

/// A `--target` list that cannot be used.
public enum TargetSelectionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Nothing was selected.
  case empty
  /// An element is neither an index, a range nor a name.
  case unreadable(String, in: String)
  /// An index is not an output of the model.
  case outOfRange(Int, outputCount: Int)
  /// A range runs backwards (`9-5`).
  case reversedRange(String)
  /// A name is not one of the model's outputs.
  case unknownName(String, available: [String])

  /// A message with a remedy.
  public var description: String {
    switch self {
    case .empty:
      return "--target selects no output; give indices such as 0,3,5-9"
    case .unreadable(let element, let text):
      return
        "--target '\(text)': '\(element)' is not an index or a range; write indices such as 0,3,5-9"
    case .outOfRange(let index, let count):
      return
        "--target \(index) is outside the model's \(count) outputs; choose from 0-\(max(0, count - 1))"
    case .reversedRange(let range):
      return "--target range '\(range)' runs backwards; write the smaller index first"
    case .unknownName(let name, let available):
      let shown = available.prefix(10).joined(separator: ", ") + (available.count > 10 ? ", …" : "")
      return "--target '\(name)' is not an output name; the model's outputs are \(shown)"
    }
  }
}
