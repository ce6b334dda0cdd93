import ArgumentParser
import Foundation
import SanityChecker

/// `sanity merge`: joins the parts of `sanity run --shard` into the files of an unsharded run.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract:
      "Join the parts of `sanity run|predict|explain|ism|check …|export track|modisco --shard K/N` into the unsharded output.",
    discussion: """
      Give every shard's part folder, in shard order. Means, standard deviations, bootstrap intervals and \
      verdicts are recomputed from the parts' per-item values and the maps are joined in order, so the output \
      is byte for byte what `sanity run` without --shard writes. Parts of different runs (another input, model, \
      setting or version) or parts that leave a gap are refused.
      The output files of `predict`, `explain`, `ism` and `export track` with --shard K/N \
      (each with its manifest FILE.part.json) are joined into the one file the command writes without --shard: \
      give the files in shard order and the output file. The parts of `check model|labels|class|invariance|rc|simplex` \
      (per-item values, FILE.json) become the check's .tsv or .json (--output), its rows, intervals and verdicts \
      recomputed from the joined values with the settings in the parts' manifests (paths in them are read from the \
      current folder). The prefixes of `export modisco --shard` become the three files at the prefix --output.
      Example: sanity merge parts/1 parts/2 parts/3 --output results
      """)

  @Argument(
    help:
      "The part folders of `sanity run`, or the output files (modisco: prefixes) of another command, in shard order."
  )
  var parts: [String]
  @Option(
    help: "Output folder (created if needed), or file (modisco: prefix) for other commands' parts.")
  var output: String
  @Flag(help: "No progress output.")
  var quiet = false

  func validate() throws {
    if parts.isEmpty { throw ValidationError("give at least one part folder") }
  }

  func run() throws {
    if CommandPart.exists(besides: URL(fileURLWithPath: parts[0])) {
      return try mergeCommandParts()
    }
    let first = try RunPart.read(URL(fileURLWithPath: parts[0]).appendingPathComponent("part.json"))
    let configuration = first.manifest.configuration
    _ = try Outputs.folder(
      output, files: RunFolder.fileNames(configuration), inputs: configuration.files + parts)
    let url = URL(fileURLWithPath: output)
    let summary = try RunOutput.merge(parts.map { URL(fileURLWithPath: $0) }, to: url)
    Progress.note("merged \(parts.count) parts: \(summary.part.total) items", quiet: quiet)
    print(
      url.appendingPathComponent(configuration.exports.report ? "report.html" : "results.tsv")
        .standardizedFileURL.path)
  }

  /// Joins the output files of a per-sequence command's shards (``CommandPart``).
  private func mergeCommandParts() throws {
    let urls = parts.map { URL(fileURLWithPath: $0) }
    let kind = try CommandPart.read(besides: urls[0]).kind
    if kind == .modisco {
      let files = parts.flatMap { part in
        ["ohe.npz", "attr.npz", "settings.json", "part.json"].map { "\(part).\($0)" }
      }
      let merged = try ModiscoParts.merge(
        urls, to: ModiscoExport.destinations(prefix: output, inputs: files))
      Progress.note(
        "merged \(parts.count) parts of \(merged.command): \(merged.total) items", quiet: quiet)
      print(URL(fileURLWithPath: output).standardizedFileURL.path)
      return
    }
    if kind == .checkValues {
      let merged = try CheckPartMerge.merge(parts, output: output, quiet: quiet)
      Progress.note(
        "merged \(parts.count) parts of \(merged.command): \(merged.total) items", quiet: quiet)
      print(URL(fileURLWithPath: output).standardizedFileURL.path)
      return
    }
    let manifests = urls.map { CommandPart.manifestURL(for: $0).path }
    let destination = try OutputDestination(
      URL(fileURLWithPath: output), inputs: parts + manifests)
    let merged = try CommandPart.merge(urls, to: destination)
    Progress.note(
      "merged \(parts.count) parts of \(merged.command): \(merged.total) items", quiet: quiet)
    print(URL(fileURLWithPath: output).standardizedFileURL.path)
  }
}
