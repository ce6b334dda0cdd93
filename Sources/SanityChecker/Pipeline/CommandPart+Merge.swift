import Foundation

extension CommandPart {
  /// Joins the outputs of shards 1 to N of one command into the file the unsharded command
  /// writes, byte for byte.
  ///
  /// Tables and JSON arrays are joined row by row; attribution files are read back and written
  /// again by the command's own writer (all items, every dataset and setting), so the `target`
  /// attribute, written only when every item has the same target, is decided on the joined
  /// targets; bedGraph intervals are joined in order, and two equal intervals that meet at a
  /// shard boundary become one, as the unsharded track joins equal neighbours. Nothing is
  /// averaged across shards: every value is an item's own.
  /// - Parameters:
  ///   - outputs: Every shard's output, in shard order (each with its `.part.json`).
  ///   - destination: The joined file.
  /// - Returns: The manifest of the joined run (shard 1/1, every item).
  /// - Throws: ``CommandPartError`` for parts of different runs, gaps, or tracks whose shards
  ///   overlap; ``OutputError`` or ``ModelFileError`` from writing.
  @discardableResult
  public static func merge(_ outputs: [URL], to destination: OutputDestination) throws
    -> CommandPart
  {
    let parts = try checked(outputs)
    let joined = parts.filter { !$0.part.items.isEmpty }
    switch parts[0].part.kind {
    case .table:
      try TextParts.write(joined.map(\.url), to: destination, join: TextParts.table)
    case .jsonArray:
      try TextParts.write(joined.map(\.url), to: destination, join: TextParts.jsonArray)
    case .bedGraph:
      try TextParts.write(joined.map(\.url), to: destination, join: TextParts.bedGraph)
    case .attributions:
      try AttributionParts.joined(joined.map(\.url)).writeHDF5(to: destination)
    case .streamedAttributions:
      try AttributionParts.stream(
        joined.map(\.url), count: parts[0].part.total, to: destination)
    case .checkValues, .modisco:
      throw CommandPartError.notJoinable(
        file: manifestURL(for: outputs[0]).path,
        reason: "its parts are joined by CheckPart.joined or ModiscoParts.merge, not as one file")
    }
    var merged = parts[0].part
    merged.shard = .whole
    merged.items = 0..<merged.total
    return merged
  }

  /// The parts' manifests, checked to be shards 1 to N of one run, in order, with no gap.
  static func checked(_ outputs: [URL]) throws(CommandPartError) -> [(url: URL, part: CommandPart)]
  {
    guard let firstURL = outputs.first else {
      throw .order(file: "-", reason: "no parts given")
    }
    let first = try read(besides: firstURL)
    var parts: [(url: URL, part: CommandPart)] = []
    var next = 0
    for (index, url) in outputs.enumerated() {
      let part = try read(besides: url)
      let differing: String? =
        part.command != first.command
        ? "the command"
        : part.settings != first.settings
          ? "a setting" : part.version != first.version ? "the tool version" : nil
      if let differing { throw .mismatch(file: manifestURL(for: url).path, reason: differing) }
      guard part.kind == first.kind, part.total == first.total,
        part.shard.count == first.shard.count
      else {
        throw .mismatch(file: manifestURL(for: url).path, reason: "the item count or shard count")
      }
      guard outputs.count == first.shard.count, part.shard.index == index + 1,
        part.items.lowerBound == next
      else {
        throw .order(
          file: manifestURL(for: url).path,
          reason:
            "part \(index + 1) of \(outputs.count) is shard \(part.shard) of \(part.total) items, "
            + "items \(part.items.lowerBound)–\(part.items.upperBound)")
      }
      next = part.items.upperBound
      parts.append((url, part))
    }
    guard next == first.total else {
      throw .order(
        file: manifestURL(for: outputs[outputs.count - 1]).path,
        reason: "the parts hold \(next) of \(first.total) items")
    }
    return parts
  }
}
