import Foundation

/// The manifest of one shard of a per-sequence command (`sanity predict|explain|ism|export …
/// --shard K/N`), written beside its output as `<output>.part.json`.
///
/// It records what `sanity merge` needs to join the parts into exactly the file the unsharded
/// command writes: the command and its settings (every argument but `--shard`, `--output`,
/// `--threads` and `--quiet`, which do not change the result), the tool's version, how the
/// output is joined (``Kind``), the block of items and the run's item count. A shard whose block
/// is empty (more shards than chunks of ``Model/chunkSize`` items) writes only its manifest.
public struct CommandPart: Codable, Equatable, Sendable {
  /// How a command's output is joined.
  public enum Kind: String, Codable, Sendable {
    /// A TSV with a header line, then the rows of the block's items in order.
    case table
    /// A pretty-printed JSON array with one element per item.
    case jsonArray
    /// An HDF5 file written by ``AttributionExport/writeHDF5(to:)-(OutputDestination)``.
    case attributions
    /// An HDF5 file written by ``StreamingAttributionExport``.
    case streamedAttributions
    /// A bedGraph: a `track` line, then intervals in genome order.
    case bedGraph
    /// A standalone check's per-item values (``CheckPart``), summarized by the check itself.
    case checkValues
    /// TF-MoDISco's input at an output prefix (``ModiscoParts``): `P.ohe.npz`, `P.attr.npz`
    /// (rows per item) and `P.settings.json`.
    case modisco
  }

  /// The subcommand, such as `explain` or `export track`.
  public var command: String
  /// The command's arguments that change its result, in order.
  public var settings: [String]
  /// The version of `sanity` that wrote the part.
  public var version: String
  /// How the output is joined.
  public var kind: Kind
  /// The shard.
  public var shard: Shard
  /// The block's items, as indices into the run's items.
  public var items: Range<Int>
  /// The run's item count.
  public var total: Int

  /// Creates a manifest.
  /// - Parameters:
  ///   - command: The subcommand.
  ///   - arguments: The command's arguments as typed (`--shard`, `--output`, `--threads` and
  ///     `--quiet` are dropped here).
  ///   - kind: How the output is joined.
  ///   - shard: The shard.
  ///   - items: The block's items.
  ///   - total: The run's item count.
  public init(
    command: String, arguments: [String], kind: Kind, shard: Shard, items: Range<Int>, total: Int
  ) {
    self.command = command
    self.settings = Self.settings(of: arguments)
    self.version = RunManifest.toolVersion
    self.kind = kind
    self.shard = shard
    self.items = items
    self.total = total
  }

  /// The arguments that change a command's result: all but `--shard`, `--output`,
  /// `--output-prefix` and `--threads` (with their values) and `--quiet`.
  /// - Parameter arguments: The arguments as typed.
  /// - Returns: The others, in order.
  public static func settings(of arguments: [String]) -> [String] {
    let withValue: Set = ["--shard", "--output", "--output-prefix", "--threads"]
    var (kept, index) = ([String](), 0)
    while index < arguments.count {
      let argument = arguments[index]
      let name = String(argument.prefix { $0 != "=" })
      if withValue.contains(name) {
        index += argument.contains("=") ? 1 : 2
      } else {
        if argument != "--quiet" { kept.append(argument) }
        index += 1
      }
    }
    return kept
  }

  /// The manifest's path beside an output: `<output>.part.json`.
  /// - Parameter output: The part's output file.
  /// - Returns: The manifest's path.
  public static func manifestURL(for output: URL) -> URL {
    output.deletingLastPathComponent().appendingPathComponent(
      output.lastPathComponent + ".part.json")
  }

  /// Writes the manifest beside an output (after the output, so a manifest means a whole part).
  /// - Parameter output: The part's output file.
  /// - Throws: ``OutputError``.
  public func write(besides output: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicOutput.write(
      try encoder.encode(self) + Data("\n".utf8),
      to: OutputDestination(Self.manifestURL(for: output)))
  }

  /// Reads the manifest beside an output.
  /// - Parameter output: The part's output file.
  /// - Returns: The manifest.
  /// - Throws: ``CommandPartError/unreadable(file:reason:)``.
  public static func read(besides output: URL) throws(CommandPartError) -> CommandPart {
    let url = manifestURL(for: output)
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(
        file: url.path, reason: "no such manifest; give the output files of `--shard K/N` runs")
    }
    do {
      return try JSONDecoder().decode(CommandPart.self, from: data)
    } catch {
      throw .unreadable(file: url.path, reason: "not a part manifest (\(error))")
    }
  }

  /// Whether a path has a part manifest beside it.
  /// - Parameter output: A path given to `sanity merge`.
  /// - Returns: `true` when `<output>.part.json` exists.
  public static func exists(besides output: URL) -> Bool {
    FileManager.default.fileExists(atPath: manifestURL(for: output).path)
  }
}
