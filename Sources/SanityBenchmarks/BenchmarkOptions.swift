import Foundation

/// How the suite runs: threads, timed runs, where the data is, and the workload scale.
public struct BenchmarkOptions: Sendable, Hashable {
  /// The threads batch work may use (``SanityChecker/Parallel/threadCount``); OpenBLAS stays
  /// single-threaded.
  public var threads: Int
  /// Timed runs per item; `nil` uses each item's ``BenchmarkItem/defaultRuns``.
  public var runs: Int?
  /// Untimed warm-up runs per item.
  public var warmups: Int
  /// The folder holding `mnist/t10k-images-idx3-ubyte.gz`; `nil` means `data` beside the
  /// reference folder.
  ///
  /// Without the file, MNIST items use seeded random images.
  public var dataFolder: URL?
  /// The fraction of every workload size to run (1 is the documented suite; tests use less).
  public var scale: Double

  /// Creates options.
  /// - Parameters:
  ///   - threads: Threads for batch work (2 by default, the reference machine's cores).
  ///   - runs: Timed runs per item, or `nil` for the item's default.
  ///   - warmups: Untimed warm-up runs (1 by default).
  ///   - dataFolder: The shared data folder, or `nil` for `../data` beside the references.
  ///   - scale: The fraction of each workload size (1 by default).
  public init(
    threads: Int = 2, runs: Int? = nil, warmups: Int = 1, dataFolder: URL? = nil, scale: Double = 1
  ) {
    self.threads = threads
    self.runs = runs
    self.warmups = warmups
    self.dataFolder = dataFolder
    self.scale = scale
  }

  /// `count` scaled by ``scale``, at least `minimum`.
  func scaled(_ count: Int, minimum: Int = 1) -> Int {
    max(minimum, Int((Double(count) * scale).rounded()))
  }
}
