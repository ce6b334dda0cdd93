import Foundation
import SanityChecker

/// Runs the benchmark items and reports their speed and peak memory.
///
/// ```swift
/// let results = try BenchmarkSuite.run(items: ["dna.forward"], referenceFolder: reference)
/// print(results[0].itemsPerSecond)
/// ```
///
/// Each item is timed as the peers' scripts time theirs: untimed warm-up runs, then the median
/// wall-clock time of the timed runs. Every family's model and data are loaded once, outside
/// the timing. For a peak RSS per item, run each item in its own process with
/// ``runInChildProcesses(executable:items:referenceFolder:options:progress:)``; ``run(items:referenceFolder:options:)``
/// runs everything in the calling process, so its peak RSS only grows.
public enum BenchmarkSuite {
  /// Runs items in this process, in order.
  /// - Parameters:
  ///   - items: Item names (``BenchmarkItem`` raw values); `nil` or empty runs every item.
  ///   - referenceFolder: The folder with the reference models (`dna_deepbind.h5`, …).
  ///   - options: Threads, runs, data folder and scale.
  /// - Returns: One result per item, in order.
  /// - Throws: ``BenchmarkError`` for an unknown item or a missing file, or a loader error.
  public static func run(
    items: [String]?, referenceFolder: URL, options: BenchmarkOptions = BenchmarkOptions()
  ) throws -> [BenchmarkResult] {
    let parsed = try BenchmarkItem.parse(items)
    var workloads = Workloads(referenceFolder: referenceFolder, options: options)
    return try parsed.map { try measure($0, workloads: &workloads, options: options) }
  }

  /// Runs one item in this process and reports the process's peak RSS after it.
  ///
  /// `sanity bench --item NAME --json` calls this in a fresh process, so the peak RSS covers
  /// exactly this item with its model and data.
  /// - Parameters:
  ///   - item: The item.
  ///   - referenceFolder: The folder with the reference models.
  ///   - options: Threads, runs, data folder and scale.
  /// - Returns: The item's result.
  /// - Throws: ``BenchmarkError/missingReference(file:item:)`` or a loader error.
  public static func runItem(
    _ item: BenchmarkItem, referenceFolder: URL, options: BenchmarkOptions = BenchmarkOptions()
  ) throws -> BenchmarkResult {
    var workloads = Workloads(referenceFolder: referenceFolder, options: options)
    return try measure(item, workloads: &workloads, options: options)
  }

  /// Times one item with the loaded workloads.
  static func measure(
    _ item: BenchmarkItem, workloads: inout Workloads, options: BenchmarkOptions
  ) throws -> BenchmarkResult {
    Parallel.threadCount = options.threads
    let measurement = try workloads.measurement(for: item)
    let times = try Stopwatch.median(
      runs: options.runs ?? item.defaultRuns, warmups: options.warmups, measurement.body)
    var result = BenchmarkResult(
      item: item.rawValue, seconds: times.seconds, items: measurement.items,
      peakRSSMegabytes: PeakMemory.megabytes, flopsPerItem: measurement.flopsPerItem)
    result.cpuSeconds = times.cpuSeconds
    return result
  }
}

/// The families' inputs, loaded on first use.
struct Workloads {
  let referenceFolder: URL
  let options: BenchmarkOptions
  private var dna: DNAWorkload?
  private var mnist: MNISTWorkload?
  private var deepSEA: DeepSEAWorkload?
  private var sequenceIO: SequenceIOWorkload?
  private var matrices: MatrixProductWorkload?

  init(referenceFolder: URL, options: BenchmarkOptions) {
    self.referenceFolder = referenceFolder
    self.options = options
  }

  /// The item's timed workload, loading its family's inputs the first time.
  mutating func measurement(for item: BenchmarkItem) throws -> Measurement {
    switch item.family {
    case .dna:
      let workload = try dna ?? DNAWorkload(referenceFolder: referenceFolder, options: options)
      dna = workload
      return try workload.measurement(for: item)
    case .mnist:
      let workload = try mnist ?? MNISTWorkload(referenceFolder: referenceFolder, options: options)
      mnist = workload
      return try workload.measurement(for: item)
    case .deepSEA:
      let workload = try deepSEA ?? DeepSEAWorkload(options: options)
      deepSEA = workload
      return workload.measurement(for: item)
    case .sequenceIO:
      let workload = try sequenceIO ?? SequenceIOWorkload(options: options)
      sequenceIO = workload
      return try workload.measurement(for: item)
    case .blas:
      let workload = matrices ?? MatrixProductWorkload(options: options)
      matrices = workload
      return workload.measurement()
    }
  }
}
