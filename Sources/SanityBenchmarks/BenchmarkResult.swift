/// The measured speed and memory of one benchmark item.
///
/// `seconds` is the median wall-clock time of the timed runs (after one untimed warm-up run),
/// as the peers' scripts report it; `itemsPerSecond = items / seconds`. `peakRSSMegabytes` is
/// the process's peak resident set size (`getrusage` `ru_maxrss`, in MiB) after the item ran,
/// so it covers loading the model and the data; it is per item only when each item runs in a
/// fresh process (``BenchmarkSuite/runInChildProcesses(executable:items:options:)``).
public struct BenchmarkResult: Hashable, Sendable, Codable {
  /// The item's name, for example `dna.forward`.
  public var item: String
  /// Items per second (sequences, images, bases or matrix products).
  public var itemsPerSecond: Double
  /// The median wall-clock time of one run, in seconds.
  public var seconds: Double
  /// The number of items one run processes.
  public var items: Int
  /// The peak resident set size of the process, in MiB.
  public var peakRSSMegabytes: Double
  /// The effective compute rate, in GFLOP/s, for items with a FLOP model; `nil` otherwise.
  public var gflops: Double?
  /// The median CPU time of one run over all threads, in seconds, when measured.
  ///
  /// Less sensitive than ``seconds`` to other processes sharing the machine.
  public var cpuSeconds: Double?

  /// Creates a result.
  /// - Parameters:
  ///   - item: The item's name.
  ///   - seconds: The median time of one run.
  ///   - items: The items one run processes.
  ///   - peakRSSMegabytes: The peak resident set size in MiB.
  ///   - flopsPerItem: The FLOPs one item costs, for ``gflops``; `nil` for none.
  public init(
    item: String, seconds: Double, items: Int, peakRSSMegabytes: Double, flopsPerItem: Double?
  ) {
    self.item = item
    self.seconds = seconds
    self.items = items
    self.itemsPerSecond = seconds > 0 ? Double(items) / seconds : 0
    self.peakRSSMegabytes = peakRSSMegabytes
    self.gflops = flopsPerItem.map { $0 * itemsPerSecond / 1e9 }
  }

  enum CodingKeys: String, CodingKey {
    case item
    case itemsPerSecond = "items_per_s"
    case seconds
    case items
    case peakRSSMegabytes = "peak_rss_mb"
    case gflops
    case cpuSeconds = "cpu_s"
  }
}
