import Foundation
import SanityChecker

/// Checks `--output` values before any work starts, so a bad destination costs nothing.
enum Outputs {
  /// A checked destination and the format its extension names.
  /// - Parameters:
  ///   - path: `--output` as typed; `nil` or `-` means standard output.
  ///   - formats: The formats the command writes; the first is used for standard output unless
  ///     `standardOutputFormat` says otherwise.
  ///   - standardOutputFormat: The format written to standard output.
  ///   - inputs: Every file the run reads (`nil` entries are skipped).
  /// - Returns: The destination, and the format to write.
  /// - Throws: ``OutputError``.
  static func destination(
    _ path: String?, formats: [OutputFormat], standardOutputFormat: OutputFormat? = nil,
    inputs: [String?]
  ) throws -> (destination: OutputDestination, format: OutputFormat) {
    let path = path ?? "-"
    let inputs = inputs.compactMap { $0 }
    let format: OutputFormat
    do {
      format = try OutputFormat.of(path, accepting: formats) ?? standardOutputFormat ?? formats[0]
    } catch {
      // A folder, FIFO or input named as the output says so before the extension does.
      _ = try OutputDestination(path, format: formats[0], inputs: inputs)
      throw error
    }
    return (try OutputDestination(path, format: format, inputs: inputs), format)
  }

  /// Checks an output folder (created later when missing) and the named files inside it.
  /// - Parameters:
  ///   - folder: The folder as typed.
  ///   - names: The files the command writes into it (relative paths).
  ///   - inputs: Every file the run reads.
  /// - Returns: One destination per name.
  /// - Throws: ``OutputError``.
  static func folder(_ folder: String, files names: [String], inputs: [String]) throws
    -> [OutputDestination]
  {
    var status = stat()
    if lstat(folder, &status) == 0 || stat(folder, &status) == 0 {
      guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
        throw OutputError.notAFolder(path: folder)
      }
    }
    let root = URL(fileURLWithPath: folder)
    let destinations = try names.compactMap { name -> OutputDestination? in
      let url = root.appendingPathComponent(name)
      // Files in folders that do not exist yet are checked when they are written.
      guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path) else {
        return nil
      }
      return try OutputDestination(url.path, format: .hdf5, inputs: inputs)
    }
    try OutputDestination.checkDistinct(destinations)
    return destinations
  }

  /// The model, architecture and other files given as comma-separated lists, one path each.
  static func paths(_ list: String?) -> [String] {
    list.map { $0.split(separator: ",").map(String.init) } ?? []
  }
}
