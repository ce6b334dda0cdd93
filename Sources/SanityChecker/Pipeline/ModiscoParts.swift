import Foundation

/// Joins the parts of `sanity export modisco --shard K/N` into the three files the unsharded
/// export writes, byte for byte.
///
/// Each part's `P.ohe.npz` and `P.attr.npz` hold one array `arr_0`, float32 `[n, 4, L]` in C
/// order, so the rows of consecutive blocks are consecutive bytes: the joined array is the
/// parts' data bytes in shard order under a header for `[N, 4, L]`, written as a stored entry
/// with a fixed date (``NPZExport``), so its CRC and every byte are the unsharded file's.
/// `P.settings.json` is the first part's with `items` set to the run's count. Only archives
/// written by `sanity` are read (one stored `arr_0.npy`, NPY version 1.0, little-endian
/// float32).
public enum ModiscoParts {
  /// The three files of an output prefix, as ``ModiscoExport/destinations(prefix:inputs:)``
  /// names them.
  public typealias Destinations = (
    sequences: OutputDestination, contributions: OutputDestination, settings: OutputDestination
  )

  /// Joins the parts at `prefixes` (shards 1 to N, in order, each with `P.part.json`).
  /// - Parameters:
  ///   - prefixes: Every shard's output prefix, in shard order.
  ///   - destinations: The joined files.
  /// - Returns: The manifest of the joined run (shard 1/1, every item).
  /// - Throws: ``CommandPartError`` naming the file for missing, foreign or damaged parts;
  ///   ``ExportError`` or ``OutputError`` from writing (no joined file is left then).
  @discardableResult
  public static func merge(_ prefixes: [URL], to destinations: Destinations) throws
    -> CommandPart
  {
    let parts = try CommandPart.checked(prefixes)
    guard parts[0].part.kind == .modisco else {
      throw CommandPartError.mismatch(
        file: CommandPart.manifestURL(for: prefixes[0]).path, reason: "the output kind")
    }
    let joined = parts.filter { !$0.part.items.isEmpty }
    let total = parts[0].part.total
    guard let first = joined.first else {
      throw CommandPartError.order(file: prefixes[0].path, reason: "the parts hold no items")
    }
    var arrays: [(OutputDestination, [[UInt8]])] = []
    for (suffix, destination) in [
      ("ohe.npz", destinations.sequences), ("attr.npz", destinations.contributions),
    ] {
      var (chunks, trailing) = ([[UInt8]](), [Int]?.none)
      for (prefix, part) in joined {
        let url = URL(fileURLWithPath: prefix.path + "." + suffix)
        let array = try storedArray(url)
        guard array.shape.first == part.items.count,
          trailing == nil || trailing == Array(array.shape.dropFirst())
        else {
          throw CommandPartError.notJoinable(
            file: url.path,
            reason:
              "arr_0 has shape \(array.shape), not \(part.items.count) rows like the others; rerun its shard"
          )
        }
        trailing = Array(array.shape.dropFirst())
        chunks.append(array.data)
      }
      let header = NPYFormat.header(shape: Shape([total] + (trailing ?? [])))
      arrays.append((destination, [header] + chunks))
    }
    let settings = try joinedSettings(
      URL(fileURLWithPath: first.url.path + ".settings.json"), total: total)
    var written: [URL] = []
    do {
      for (destination, chunks) in arrays {
        try NPZExport.write(entries: [("arr_0.npy", chunks)], to: destination)
        written += [destination.url].compactMap { $0 }
      }
      try AtomicOutput.write(settings, to: destinations.settings)
    } catch {
      for url in written { try? FileManager.default.removeItem(at: url) }
      throw error
    }
    var merged = parts[0].part
    merged.shard = .whole
    merged.items = 0..<total
    return merged
  }

  /// The shape and the data bytes of the one stored `arr_0.npy` of an archive `sanity` wrote.
  static func storedArray(_ url: URL) throws(CommandPartError) -> (shape: [Int], data: [UInt8]) {
    let bytes: [UInt8]
    do {
      bytes = [UInt8](try Data(contentsOf: url))
    } catch {
      throw .unreadable(file: url.path, reason: SystemErrorReason.text(for: error) ?? "\(error)")
    }
    let damaged = CommandPartError.unreadable(
      file: url.path,
      reason: "not an archive `sanity export modisco` wrote (one stored arr_0.npy); rerun its shard"
    )
    let word = { (at: Int, width: Int) -> Int in
      (0..<width).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }
    guard bytes.count >= 30, word(0, 4) == 0x0403_4B50, word(8, 2) == 0 else { throw damaged }
    let (size, nameLength, extraLength) = (word(18, 4), word(26, 2), word(28, 2))
    let start = 30 + nameLength + extraLength
    guard bytes.count >= start + size, size >= 10,
      String(decoding: bytes[30..<(30 + nameLength)], as: UTF8.self) == "arr_0.npy",
      bytes[start] == 0x93, bytes[start + 6] == 1
    else { throw damaged }
    let headerLength = word(start + 8, 2)
    let dataStart = start + 10 + headerLength
    guard dataStart <= start + size else { throw damaged }
    let header = String(decoding: bytes[(start + 10)..<dataStart], as: UTF8.self)
    guard header.contains("'descr': '<f4'"), header.contains("'fortran_order': False"),
      let open = header.range(of: "'shape': ("),
      let close = header[open.upperBound...].firstIndex(of: ")")
    else { throw damaged }
    let shape = header[open.upperBound..<close].split(separator: ",").compactMap {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    let data = Array(bytes[dataStart..<(start + size)])
    guard data.count == 4 * shape.reduce(1, *) else { throw damaged }
    return (shape, data)
  }

  /// The first part's `P.settings.json` with `items` set to the run's count, written as the
  /// export writes it.
  static func joinedSettings(_ url: URL, total: Int) throws(CommandPartError) -> Data {
    var settings: [String: String]
    do {
      settings = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    } catch {
      throw .unreadable(
        file: url.path,
        reason: SystemErrorReason.text(for: error) ?? "not the settings of `sanity export modisco`")
    }
    settings["items"] = String(total)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return try encoder.encode(settings) + Data("\n".utf8)
    } catch {
      throw .unreadable(file: url.path, reason: "\(error)")
    }
  }
}
