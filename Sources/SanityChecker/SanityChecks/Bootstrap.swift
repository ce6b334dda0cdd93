/// A seeded percentile bootstrap, hierarchical when there are several replicates (seeds).
///
/// ```
/// repeat B times:
///   draw R replicates with replacement (only when R > 1)
///   for each drawn replicate r: draw n_r of its items with replacement
///   t_b = statistic(drawn replicates, drawn items)
/// interval = [quantile_{(1 − c)/2}(t), quantile_{(1 + c)/2}(t)]
/// ```
/// Resampling seeds and then items within each seed carries both sources of variation into the
/// interval: the randomization (between seeds) and the choice of inputs (between items). Davison
/// and Hinkley 1997, *Bootstrap Methods and their Application*, §3.8 (two-stage resampling);
/// Efron and Tibshirani 1993, §13 (percentile interval).
///
/// **Defaults and deviations.** 1,000 resamples, 95% intervals, seed 0. Each interval draws from
/// its own stream (``SeededGenerator/init(seed:stream:)``), named by a hash of what it summarizes,
/// so intervals do not depend on the thread count or on which other rows were computed. Resamples
/// whose statistic is undefined (NaN) are left out.
///
/// **Properties.** With one replicate the bootstrap is the ordinary item bootstrap. An interval
/// always contains values the statistic took on some resample; it is empty (NaN, NaN) when fewer
/// than two resamples are defined.
public struct Bootstrap: Hashable, Sendable {
  /// The number of resamples B.
  public var resamples: Int
  /// The coverage c of the interval.
  public var confidence: Double
  /// The seed of every interval's stream.
  public var seed: UInt64

  /// Creates settings.
  /// - Parameters:
  ///   - resamples: 1,000 by default.
  ///   - confidence: 0.95 by default.
  ///   - seed: 0 by default.
  public init(resamples: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 0) {
    self.resamples = resamples
    self.confidence = confidence
    self.seed = seed
  }

  /// The interval of a statistic of replicates of items.
  /// - Parameters:
  ///   - itemCounts: The number of items of each replicate.
  ///   - name: What is summarized; its hash names the random stream.
  ///   - statistic: The statistic of one resample: per drawn replicate, its index and the drawn
  ///     item indices. NaN when undefined.
  /// - Returns: The percentile interval, (NaN, NaN) when undefined.
  func interval(
    itemCounts: [Int], name: String, statistic: ([(replicate: Int, items: [Int])]) -> Double
  ) -> (low: Double, high: Double) {
    intervals(itemCounts: itemCounts, name: name, count: 1) { [statistic($0)] }[0]
  }

  /// The intervals of several statistics of the same resamples: each is the interval
  /// ``interval(itemCounts:name:statistic:)`` gives that statistic alone under the same `name`,
  /// but the resamples are drawn, and whatever the statistics share computed, once.
  /// - Parameters:
  ///   - itemCounts: The number of items of each replicate.
  ///   - name: What is summarized; its hash names the random stream.
  ///   - count: The number of statistics.
  ///   - statistics: The `count` statistics of one resample (see
  ///     ``interval(itemCounts:name:statistic:)``), each NaN when undefined.
  /// - Returns: One percentile interval per statistic, in order.
  func intervals(
    itemCounts: [Int], name: String, count: Int,
    statistics: ([(replicate: Int, items: [Int])]) -> [Double]
  ) -> [(low: Double, high: Double)] {
    let undefined = [(low: Double, high: Double)](repeating: (.nan, .nan), count: count)
    guard resamples > 1, !itemCounts.isEmpty else { return undefined }
    var generator = SeededGenerator(seed: seed, stream: Self.hash(name))
    var values = [[Double]](repeating: [], count: count)
    for index in values.indices { values[index].reserveCapacity(resamples) }
    // One buffer per drawn replicate, overwritten in place by every resample.
    var draws = itemCounts.map { (replicate: 0, items: [Int](repeating: 0, count: $0)) }
    for _ in 0..<resamples {
      if itemCounts.count > 1 {
        for slot in draws.indices {
          draws[slot].replicate = generator.index(below: itemCounts.count)
        }
      }
      for slot in draws.indices {
        let drawn = itemCounts[draws[slot].replicate]
        if draws[slot].items.count != drawn {
          draws[slot].items = [Int](repeating: 0, count: drawn)
        }
        draws[slot].items.withUnsafeMutableBufferPointer { items in
          for item in items.indices { items[item] = generator.index(below: drawn) }
        }
      }
      for (index, value) in statistics(draws).enumerated() where value.isFinite {
        values[index].append(value)
      }
    }
    return values.map { values in
      guard values.count > 1 else { return (.nan, .nan) }
      let sorted = values.sorted()
      let tail = (1 - confidence) / 2
      let position = { (fraction: Double) in
        sorted[
          min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count - 1)).rounded())))]
      }
      return (position(tail), position(1 - tail))
    }
  }

  /// The interval of the pooled mean of the defined values of every replicate.
  /// - Parameters:
  ///   - replicates: Per replicate, the per-item values (`nil` or non-finite where undefined).
  ///   - name: What is summarized.
  /// - Returns: The percentile interval.
  func meanInterval(_ replicates: [[Double?]], name: String) -> (low: Double, high: Double) {
    let defined = replicates.map { $0.compactMap { $0 }.filter(\.isFinite) }.filter { !$0.isEmpty }
    return interval(itemCounts: defined.map(\.count), name: name) { draws in
      var (sum, count) = (0.0, 0)
      for (replicate, items) in draws {
        for item in items { sum += defined[replicate][item] }
        count += items.count
      }
      return count == 0 ? .nan : sum / Double(count)
    }
  }

  /// FNV-1a of the UTF-8 bytes: a stream number that is stable across runs and platforms.
  static func hash(_ text: String) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return value
  }
}
