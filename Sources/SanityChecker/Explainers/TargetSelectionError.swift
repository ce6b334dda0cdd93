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
  /// A name belongs to several outputs (a model file may repeat names).
  case ambiguousName(String, indices: [Int])

  /// A message with a remedy.
  public var description: String {
    switch self {
    case .empty:
      return "--target selects no output; give indices such as 0,3,5-9"
    case .unreadable(let element, let text):
      return
        "--target '\(text)': '\(element)' is not an index or a range; write indices such as 0,3,5-9"
        + " (names need the model's target_names or --target-names FILE)"
    case .outOfRange(let index, let count):
      return
        "--target \(index) is outside the model's \(count) outputs; choose from 0-\(max(0, count - 1))"
    case .reversedRange(let range):
      return "--target range '\(range)' runs backwards; write the smaller index first"
    case .unknownName(let name, let available):
      let close = Self.closeNames(to: name, in: available)
      let shown = close.isEmpty ? Array(available.prefix(5)) : close
      let more = available.count > shown.count ? ", …" : ""
      return
        "--target '\(name)' is not one of the model's \(available.count) output names; "
        + (close.isEmpty ? "they begin " : "close names: ")
        + shown.map { "'\($0)'" }.joined(separator: ", ") + more
        + "; give a name exactly as listed or an index 0-\(max(0, available.count - 1))"
    case .ambiguousName(let name, let indices):
      return
        "--target '\(name)' names \(indices.count) outputs (\(indices.map(String.init).joined(separator: ", "))); "
        + "give the index of the one you mean"
    }
  }

  /// Up to five names closest to `name`: those containing it or contained in it (ignoring
  /// case), then those within an edit distance of a third of its length, nearest first.
  /// - Parameters:
  ///   - name: The unknown name.
  ///   - available: The model's names.
  /// - Returns: The close names, in the model's order within each distance.
  static func closeNames(to name: String, in available: [String]) -> [String] {
    let wanted = Array(name.lowercased())
    let limit = max(2, wanted.count / 3)
    var scored: [(distance: Int, index: Int)] = []
    for (index, candidate) in available.enumerated() {
      let lowered = candidate.lowercased()
      if lowered.contains(String(wanted)) || String(wanted).contains(lowered) {
        scored.append((0, index))
      } else if let distance = editDistance(wanted, Array(lowered), limit: limit) {
        scored.append((distance, index))
      }
    }
    return scored.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.prefix(5)
      .map { available[$0.index] }
  }

  /// The Levenshtein distance of two strings when it is at most `limit`, else `nil`.
  private static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
    guard abs(a.count - b.count) <= limit else { return nil }
    var previous = Array(0...b.count)
    for (row, character) in a.enumerated() {
      var current = [row + 1] + [Int](repeating: 0, count: b.count)
      for column in b.indices {
        current[column + 1] = min(
          previous[column + 1] + 1, current[column] + 1,
          previous[column] + (character == b[column] ? 0 : 1))
      }
      guard current.min() ?? 0 <= limit else { return nil }
      previous = current
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
  }
}
