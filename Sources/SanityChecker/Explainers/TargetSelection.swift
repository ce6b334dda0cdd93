/// The output units a run explains, parsed from a list such as `0,3,5-9` or `CTCF,3`.
///
/// Elements are separated by commas; each is an index, an inclusive range `a-b`, or the name of
/// an output when the model names its outputs (``TargetNames``): an integer is an index first,
/// a name before a range (`HepG2-CTCF` is a name when the model has it), and a whole list that
/// is one name (`H3K4me3, Roadmap`) is that name. Indices keep the order given; a unit named
/// twice is kept once (its first place).
public struct TargetSelection: Sendable, Equatable {
  /// The selected output indices, in the order given.
  public let indices: [Int]
  /// The names of every unit of the explained output (`names[i]` names unit `i`), or empty
  /// when the model's units have none.
  public let names: [String]

  /// Selects explicit indices.
  /// - Parameters:
  ///   - indices: Output indices, each in `0..<outputCount`.
  ///   - outputCount: The model's number of outputs.
  ///   - names: The units' names, when the model has them (`names[i]` names unit `i`).
  /// - Throws: ``TargetSelectionError/outOfRange(_:outputCount:)``.
  public init(indices: [Int], outputCount: Int, names: [String] = [])
    throws(TargetSelectionError)
  {
    for index in indices where !(0..<outputCount).contains(index) {
      throw .outOfRange(index, outputCount: outputCount)
    }
    guard !indices.isEmpty else { throw .empty }
    var seen = Set<Int>()
    self.indices = indices.filter { seen.insert($0).inserted }
    self.names = names
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
    let whole = text.trimmingCharacters(in: .whitespaces)
    let elements =
      Int(whole) == nil && names.contains(whole)
      ? [whole[...]] : text.split(separator: ",", omittingEmptySubsequences: false)
    var indices: [Int] = []
    for element in elements {
      let item = element.trimmingCharacters(in: .whitespaces)
      if let index = Int(item) {
        indices.append(index)
      } else if let named = names.firstIndex(of: item) {
        let all = names.indices.filter { names[$0] == item }
        guard all.count == 1 else { throw .ambiguousName(item, indices: all) }
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
    try self.init(indices: indices, outputCount: outputCount, names: names)
  }

  /// The number of selected units.
  public var count: Int { indices.count }

  /// A label per selected unit: its name when `names` has one, else `output_i`.
  /// - Parameter names: The model's output names (empty: the selection's own ``names``).
  /// - Returns: One label per index.
  public func labels(names: [String] = []) -> [String] {
    let names = names.isEmpty ? self.names : names
    return indices.map { names.indices.contains($0) ? names[$0] : "output_\($0)" }
  }
}
