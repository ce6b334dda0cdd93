import Foundation

/// The output unit a run configuration explains: an index (`target: 2`) or a unit name the
/// model file or its names list gives (`target: CTCF`), resolved once the model is loaded
/// (``index(in:modelFile:)``).
public enum RunTarget: Codable, Equatable, Sendable, ExpressibleByIntegerLiteral,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The unit at this index of the explained output.
  case index(Int)
  /// The unit of this name (or an index written as text, as `--target` takes it).
  case name(String)

  /// The unit at index `value`.
  public init(integerLiteral value: Int) { self = .index(value) }

  /// The unit named `value`.
  public init(stringLiteral value: String) { self = .name(value) }

  /// Reads a number as an index and any other scalar as a name.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let index = try? container.decode(Int.self) {
      self = .index(index)
    } else {
      self = .name(try container.decode(String.self))
    }
  }

  /// Writes an index as a number and a name as a string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .index(let index): try container.encode(index)
    case .name(let name): try container.encode(name)
    }
  }

  /// The index or the name, as written in the configuration.
  public var description: String {
    switch self {
    case .index(let index): "\(index)"
    case .name(let name): name
    }
  }

  /// The index of the unit in `model`'s explained output.
  /// - Parameters:
  ///   - model: The loaded model.
  ///   - modelFile: The file it was loaded from, whose unit names a name is looked up in
  ///     (``TargetNames/read(modelFile:for:)``).
  /// - Returns: An index in `0..<model.outputShape.count`.
  /// - Throws: ``RunConfigurationError`` for the key `target` (an index out of range, a name the
  ///   model does not have, a selection of several units), or ``TargetNamesError``.
  public func index(in model: Model, modelFile: URL) throws -> Int {
    let count = model.outputShape.count
    var names: [String] = []
    if case .name = self {
      names = try TargetNames.read(modelFile: modelFile, for: model)[model.outputHead]
    }
    let selection: TargetSelection
    do {
      selection = try TargetSelection(parsing: description, outputCount: count, names: names)
    } catch {
      let known = names.isEmpty ? "" : " or one of \(names.prefix(5).joined(separator: ", "))"
      throw RunConfigurationError.invalid(
        key: "target", value: description,
        expected: "an output index in 0..<\(count)\(known) (\(error))")
    }
    guard selection.indices.count == 1 else {
      throw RunConfigurationError.invalid(
        key: "target", value: description, expected: "one output unit; a run explains one")
    }
    return selection.indices[0]
  }
}
