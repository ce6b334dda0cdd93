import ArgumentParser
import Foundation
import SanityChecker

/// `sanity run`: every check of a configuration file, whole or one shard at a time.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "Run the methods, checks and exports of a configuration file (YAML or JSON), whole or as one shard.",
    discussion: """
      Without --shard, writes results.tsv, results.json, report.html and attributions/<method>.h5 to --output, as \
      `sanity demo` does. With --shard K/N, writes a part folder (part.json with per-item values and a manifest, \
      and the block's maps) that `sanity merge` joins into exactly the files of an unsharded run. A shard whose \
      part is complete and whose manifest matches (inputs, model, settings, version) is kept; --force redoes it. \
      `sanity run --print-config` writes the demo's configuration as a starting point.
      Example: sanity run --config workflow/example-run.yaml --output results
      """)

  @Option(help: "The run's configuration (.yaml, .yml or .json).")
  var config: String?
  @Flag(help: "Write the demo's configuration (YAML) to standard output and stop.")
  var printConfig = false
  @Option(help: "Output folder (default: sanity-run, or part-K-of-N with --shard).")
  var output: String?
  @OptionGroup var shardOptions: ShardOptions
  @Flag(help: "Redo a shard even when its part is complete and up to date.")
  var force = false
  @Option(
    parsing: .unconditional,
    help: "Threads for batch work (default: all cores; at least 1). Results do not depend on it.")
  var threads: Int?
  @Flag(help: "No progress output.")
  var quiet = false

  func validate() throws {
    try FlagCheck.atLeast(1, threads, "--threads")
    if !printConfig, config == nil {
      throw ValidationError("--config is required (or --print-config)")
    }
  }

  func run() throws {
    if printConfig {
      print(RunConfiguration.demo().yaml(), terminator: "")
      return
    }
    if let threads { Parallel.threadCount = threads }
    let configuration = try RunConfiguration.load(from: URL(fileURLWithPath: config ?? ""))
    try Self.execute(
      configuration, shard: try shardOptions.parsed(), output: output, force: force, quiet: quiet)
  }

  /// Runs a configuration (also `sanity demo`'s): checks the output, then writes the run or the part.
  static func execute(
    _ configuration: RunConfiguration, shard: Shard?, output: String?, force: Bool, quiet: Bool
  ) throws {
    if let memory = configuration.memory {
      MemoryBudget.current = try MemoryBudget(parsing: memory)
    }
    let folder = output ?? shard.map { "part-\($0.index)-of-\($0.count)" } ?? "sanity-run"
    let names =
      shard == nil ? RunFolder.fileNames(configuration) : RunFolder.partFileNames(configuration)
    _ = try Outputs.folder(folder, files: names, inputs: configuration.files)
    let url = URL(fileURLWithPath: folder)
    if let shard {
      if !force, let reason = RunResume.upToDate(url, configuration: configuration, shard: shard) {
        Progress.note(
          "\(folder): part \(shard) is up to date (\(reason)); --force redoes it", quiet: quiet)
        print(url.standardizedFileURL.path)
        return
      }
      var pipeline = try RunPipeline(configuration: configuration, shard: shard)
      pipeline.progress = { Progress.note($0, quiet: quiet) }
      // Test hook (documented in docs/development.md): SANITY_TEST_KILL_AFTER_ITEMS=k ends a shard
      // whose block goes past item k abruptly, before its part is moved into place.
      let kill = ProcessInfo.processInfo.environment["SANITY_TEST_KILL_AFTER_ITEMS"].flatMap {
        Int($0)
      }
      try RunOutput.writePart(pipeline, to: url, killAfterItems: kill)
      Progress.note(
        "wrote part \(shard): items \(pipeline.first + 1)–\(pipeline.first + pipeline.data.ids.count) of \(pipeline.total)",
        quiet: quiet)
      print(url.standardizedFileURL.path)
      return
    }
    var pipeline = try RunPipeline(configuration: configuration)
    pipeline.progress = { Progress.note($0, quiet: quiet) }
    let summary = try RunOutput.writeRun(pipeline, to: url)
    for verdict in summary.report.verdicts {
      Progress.note(
        "\(verdict.check) · \(verdict.method): \(verdict.outcome.rawValue)", quiet: quiet)
    }
    let page = url.appendingPathComponent(
      configuration.exports.report ? "report.html" : "results.tsv")
    print(page.standardizedFileURL.path)
  }
}
