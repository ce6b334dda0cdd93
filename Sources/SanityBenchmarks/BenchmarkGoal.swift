/// The project's speed and memory goals per item, as ratios to the peers' figures measured on
/// the same machine with the same thread count.
///
/// A speed goal is a minimum speed-up: our items per second over the peer's (for the cascade
/// and MPRT items, whose work is fixed, this is the peer's seconds over ours). The memory goal
/// of every DNA and MNIST item is a tenth of the peer script's peak RSS; every DeepSEA-shaped
/// item must stay within 1 GiB (the default ``SanityChecker/MemoryBudget``).
public struct BenchmarkGoal: Hashable, Sendable {
  /// The smallest allowed speed-up over the peer, if the item has a speed goal.
  public var minimumSpeedup: Double?
  /// The largest allowed peak RSS as a fraction of the peer script's, if the item has one.
  public var memoryFraction: Double?
  /// The largest allowed peak RSS in MiB, if the item has one.
  public var memoryLimitMegabytes: Double?

  /// The goal of an item (`nil` bounds where it has none).
  /// - Parameter item: The item's name.
  /// - Returns: The goal.
  public static func goal(for item: String) -> BenchmarkGoal {
    let isModelItem = item.hasPrefix("dna.") || item.hasPrefix("mnist.")
    return BenchmarkGoal(
      minimumSpeedup: speedups[item], memoryFraction: isModelItem ? 0.1 : nil,
      memoryLimitMegabytes: item.hasPrefix("deepsea.") ? 1024 : nil)
  }

  /// The peer figures an item is compared with, keyed as in ``PeerBaselines/figures``: the
  /// item itself, and for `deepsea.ism` also `deepsea.ism.plain` (tangermeme `fast=False`;
  /// `deepsea.ism` compares with `fast=True`).
  /// - Parameter item: The item's name.
  /// - Returns: The comparison keys, the item first.
  public static func comparisons(for item: String) -> [String] {
    item == "deepsea.ism" ? [item, "deepsea.ism.plain"] : [item]
  }

  /// The speed-ups the issues set: against torch (forward), Captum (gradient methods, IG),
  /// zennit (ε-LRP), tangermeme (ISM), the peers' cascade scripts and Quantus (MPRT).
  private static let speedups: [String: Double] = [
    "dna.forward": 2,
    "dna.saliency": 3,
    "dna.integrated-gradients": 4,
    "dna.guided-backprop": 3,
    "dna.epsilon-lrp": 3,
    "dna.ism": 30,
    "dna.cascade": 10,
    "dna.mprt-saliency": 10,
    "deepsea.forward": 1.5,
    "deepsea.saliency": 1.5,
    "deepsea.ig50": 1.5,
    "deepsea.ism": 5,
    "deepsea.ism.plain": 20,
    "mnist.forward": 1.3,
    "mnist.integrated-gradients": 1.3,
    "mnist.cascade": 1.5,
  ]

  /// Whether a result meets the speed goal (`nil` without a goal or a peer figure).
  /// - Parameters:
  ///   - result: The measured result.
  ///   - peer: The peer's figure for the same item.
  /// - Returns: Whether the speed goal is met.
  public func isSpeedMet(by result: BenchmarkResult, peer: PeerFigure?) -> Bool? {
    guard let minimumSpeedup, let peer else { return nil }
    return result.itemsPerSecond >= minimumSpeedup * peer.itemsPerSecond
  }

  /// Whether a result meets the memory goal (`nil` without a goal or the peer's peak RSS).
  /// - Parameters:
  ///   - result: The measured result.
  ///   - peer: The peer's figure for the same item.
  /// - Returns: Whether the memory goal is met.
  public func isMemoryMet(by result: BenchmarkResult, peer: PeerFigure?) -> Bool? {
    if let memoryLimitMegabytes { return result.peakRSSMegabytes <= memoryLimitMegabytes }
    guard let memoryFraction, let peerMemory = peer?.peakRSSMegabytes else { return nil }
    return result.peakRSSMegabytes <= memoryFraction * peerMemory
  }

  /// The speed goal in words: `>= 2x`, or `-` without one.
  public var speedDescription: String {
    minimumSpeedup.map { String(format: ">= %gx", $0) } ?? "-"
  }
}
