import ArgumentParser
import Foundation
import SanityBenchmarks
import SanityChecker

/// `sanity bench`: times the benchmark items and compares them with the Python peers.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract:
      "Time the benchmark workloads (DNA and MNIST attributions, sanity checks, I/O, sgemm).",
    discussion: """
      With several items (or none: every item), each item runs in a fresh child process \
      (`sanity bench --item NAME --json`), so its peak RSS is its own. With one --item the \
      item runs in this process. Items: \(BenchmarkItem.allCases.map(\.rawValue).joined(separator: ", ")).
      Example: sanity bench --json --reference ../shared/reference
      """)

  @Flag(help: "Print one JSON object keyed by item instead of the table.")
  var json = false

  @Option(name: .customLong("item"), help: "An item to run (repeatable); every item when omitted.")
  var items: [String] = []

  @Option(
    help: "The folder with the reference models (dna_deepbind.h5, mnist_cnn.h5, cascade stages).")
  var reference = "../shared/reference"

  @Option(
    help:
      "The shared data folder holding mnist/t10k-images-idx3-ubyte.gz (default: data beside --reference)."
  )
  var data: String?

  @Option(parsing: .unconditional, help: "Threads for batch work (at least 1).")
  var threads = 2

  @Option(
    parsing: .unconditional, help: "Timed runs per item (default: 5, or 3 for the long items).")
  var runs: Int?

  @Option(parsing: .unconditional, help: "Untimed warm-up runs per item.")
  var warmups = 1

  @Option(
    parsing: .unconditional,
    help: "The fraction of each workload size to run (1 is the documented suite).")
  var scale = 1.0

  @Option(
    help: "A peers run's results folder (bench_dna.json, …) to compare with instead of RESULTS.md.")
  var peers: String?

  @Flag(help: "Run every item in this process (peak RSS then only grows).")
  var inProcess = false

  @Option(
    help:
      "Write the DeepSEA-shaped benchmark model (seeded weights) as a Keras .h5 to this path and stop."
  )
  var writeDeepseaModel: String?

  @OptionGroup var memoryOptions: MemoryOptions

  func validate() throws {
    try FlagCheck.atLeast(1, threads, "--threads")
    try FlagCheck.positive(scale, "--scale")
    try FlagCheck.atLeast(1, runs, "--runs")
    try FlagCheck.atLeast(0, warmups, "--warmups")
    _ = try BenchmarkItem.parse(items)
  }

  func run() throws {
    try memoryOptions.apply()
    if let path = writeDeepseaModel {
      let (destination, _) = try Outputs.destination(path, formats: [.hdf5], inputs: [])
      guard let url = destination.url else {
        throw ValidationError("--write-deepsea-model needs a file path")
      }
      try BenchmarkModels.writeDeepSEA(to: url)
      print(url.standardizedFileURL.path)
      return
    }
    let referenceFolder = URL(fileURLWithPath: reference)
    let options = BenchmarkOptions(
      threads: threads, runs: runs, warmups: warmups,
      dataFolder: data.map { URL(fileURLWithPath: $0) },
      scale: scale)
    let results: [BenchmarkResult]
    if items.count == 1 || inProcess {
      results = try BenchmarkSuite.run(
        items: items, referenceFolder: referenceFolder, options: options)
    } else {
      let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
      results = try BenchmarkSuite.runInChildProcesses(
        executable: executable, items: items, referenceFolder: referenceFolder, options: options
      ) { result in
        if !json {
          FileHandle.standardError.write(Data("  \(result.item): \(result.seconds) s\n".utf8))
        }
      }
    }
    if json {
      try AtomicOutput.write(BenchmarkReport.json(results) + "\n", to: .standardOutput)
    } else {
      let baselines =
        try peers.map { try PeerBaselines(resultsFolder: URL(fileURLWithPath: $0)) } ?? .recorded
      try AtomicOutput.write(
        BenchmarkTable.render(results, peers: baselines, host: .current) + "\n", to: .standardOutput
      )
    }
  }
}
