/// The project's speed and memory goals per item, set against the peers' figures
/// (2 threads, the same machine).
///
/// Rates are minimum items per second, times maximum seconds per run; DNA items must stay at
/// or under 174 MiB of peak RSS and MNIST items under 272 MiB (a tenth of the peers' scripts).
public struct BenchmarkGoal: Hashable, Sendable {
  /// What a goal bounds.
  public enum Bound: Hashable, Sendable {
    /// At least this many items per second.
    case minimumRate(Double)
    /// At most this many seconds per run.
    case maximumSeconds(Double)
  }

  /// The speed bound, if the item has one.
  public var speed: Bound?
  /// The largest allowed peak RSS in MiB, if the item has one.
  public var peakRSSMegabytes: Double?

  /// The goal of an item (`nil` bounds where it has none).
  /// - Parameter item: The item's name.
  /// - Returns: The goal.
  public static func goal(for item: String) -> BenchmarkGoal {
    let memory: Double? = item.hasPrefix("dna.") ? 174 : item.hasPrefix("mnist.") ? 272 : nil
    return BenchmarkGoal(speed: speeds[item], peakRSSMegabytes: memory)
  }

  private static let speeds: [String: Bound] = [
    "dna.forward": .minimumRate(1_000_000),
    "dna.saliency": .minimumRate(290_000),
    "dna.integrated-gradients": .minimumRate(5_500),
    "dna.guided-backprop": .minimumRate(253_000),
    "dna.epsilon-lrp": .minimumRate(210_000),
    "dna.ism": .minimumRate(44_000),
    "dna.cascade": .maximumSeconds(0.60),
    "dna.mprt-saliency": .maximumSeconds(0.134),
    "mnist.forward": .minimumRate(12_000),
    "mnist.integrated-gradients": .minimumRate(113),
    "mnist.cascade": .maximumSeconds(60),
  ]

  /// Whether a result meets the speed bound (`nil` when there is none).
  /// - Parameter result: The measured result.
  /// - Returns: Whether the speed goal is met.
  public func isSpeedMet(by result: BenchmarkResult) -> Bool? {
    switch speed {
    case .none: return nil
    case .minimumRate(let rate): return result.itemsPerSecond >= rate
    case .maximumSeconds(let seconds): return result.seconds <= seconds
    }
  }

  /// Whether a result meets the memory bound (`nil` when there is none).
  /// - Parameter result: The measured result.
  /// - Returns: Whether the memory goal is met.
  public func isMemoryMet(by result: BenchmarkResult) -> Bool? {
    peakRSSMegabytes.map { result.peakRSSMegabytes <= $0 }
  }

  /// The speed bound in words: `≥ 1000000/s` or `≤ 0.6 s`.
  public var speedDescription: String {
    switch speed {
    case .none: return "-"
    case .minimumRate(let rate): return ">= " + BenchmarkTable.number(rate) + "/s"
    case .maximumSeconds(let seconds): return "<= " + BenchmarkTable.number(seconds) + " s"
    }
  }
}
