import ArgumentParser
import Foundation
import SanityChecker

/// A check command whose shards (`--shard K/N`) write per-item values that `sanity merge`
/// summarizes with the command's own settings.
protocol ShardedCheckCommand: ParsableCommand {
  /// The check's options (`--output` is set to the merged file).
  var checkOptions: CheckOptions { get set }
  /// The files the command reads (a merged file may not replace them).
  var readFiles: [String?] { get }
  /// The report of the joined parts, with the settings the unsharded command adds.
  /// - Parameter part: The joined parts.
  /// - Returns: The report the unsharded command writes.
  /// - Throws: The check's errors, or a model file's.
  func mergedReport(_ part: CheckPart) throws -> CheckReport
}

/// `sanity merge` on the parts of a standalone check.
enum CheckPartMerge {
  /// Joins the parts, rebuilds the check from the settings in their manifests (read relative to
  /// the current folder, as the shards read them) and writes the table or JSON the unsharded
  /// command writes, with its verdicts and `--fail-on-fail`.
  /// - Parameters:
  ///   - parts: Every shard's part file, in shard order.
  ///   - output: The merged `.tsv` or `.json` file.
  ///   - quiet: No progress output.
  /// - Returns: The manifest of the joined run.
  /// - Throws: ``CommandPartError`` naming a part, an output error, or the check's errors.
  static func merge(_ parts: [String], output: String, quiet: Bool) throws -> CommandPart {
    let urls = parts.map { URL(fileURLWithPath: $0) }
    let manifests = urls.map { CommandPart.manifestURL(for: $0).path }
    let (manifest, part) = try CheckPart.joined(urls)
    guard
      var command = try Sanity.parseAsRoot(manifest.settings) as? any ShardedCheckCommand
    else {
      throw CommandPartError.mismatch(file: manifests[0], reason: "the command")
    }
    command.checkOptions.output = output
    let destination = try command.checkOptions.destination(
      json: false, inputs: command.readFiles + parts + manifests)
    let report = try command.mergedReport(part)
    try command.checkOptions.finish(report, to: destination, quiet: quiet)
    return manifest
  }
}
