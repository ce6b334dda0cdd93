/// Wall-clock timing with a monotonic clock: one untimed warm-up, then the median of `runs`.
enum Stopwatch {
  /// The seconds `body` takes.
  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = start.duration(to: clock.now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  /// The median of `runs` timed runs after `warmups` untimed ones.
  /// - Parameters:
  ///   - runs: Timed runs, ≥ 1.
  ///   - warmups: Untimed runs first.
  ///   - body: One run.
  /// - Returns: The median time in seconds (the mean of the middle two for an even count).
  static func median(runs: Int, warmups: Int, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<warmups { try body() }
    let times = try (0..<max(1, runs)).map { _ in try seconds(body) }.sorted()
    let middle = times.count / 2
    return times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
  }
}
