import Foundation

/// Wall-clock timing with a monotonic clock, and the process's CPU time beside it.
enum Stopwatch {
  /// The wall-clock and process CPU time (all threads) of one run.
  struct Times {
    var seconds: Double
    var cpuSeconds: Double
  }

  /// The CPU time the process has used so far, all threads together.
  static var processCPUSeconds: Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }

  /// The seconds `body` takes.
  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = start.duration(to: clock.now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  /// The medians of `runs` timed runs after `warmups` untimed ones.
  /// - Parameters:
  ///   - runs: Timed runs, ≥ 1.
  ///   - warmups: Untimed runs first.
  ///   - body: One run.
  /// - Returns: The median wall-clock and CPU seconds (each the mean of the middle two for an
  ///   even count).
  static func median(runs: Int, warmups: Int, _ body: () throws -> Void) rethrows -> Times {
    for _ in 0..<warmups { try body() }
    var wall: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<max(1, runs) {
      let cpuStart = processCPUSeconds
      wall.append(try seconds(body))
      cpu.append(processCPUSeconds - cpuStart)
    }
    return Times(seconds: median(of: wall), cpuSeconds: median(of: cpu))
  }

  /// The median of values (the mean of the middle two for an even count).
  static func median(of values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
