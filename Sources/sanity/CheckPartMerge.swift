import ArgumentParser
import Foundation
import SanityChecker

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
    command.options.checkOptions.output = output
    let destination = try command.checkOptions.destination(
      json: false, inputs: command.readFiles + parts + manifests)
    let report = try command.mergedReport(part)
    try command.checkOptions.finish(report, to: destination, quiet: quiet)
    return manifest
  }
}
