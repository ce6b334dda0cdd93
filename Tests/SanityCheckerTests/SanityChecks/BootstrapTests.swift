@testable import SanityChecker
import SanityTestSupport
import Testing

@Suite struct BootstrapTests {
  static func values(_ count: Int, mean: Double, seed: UInt64) -> [Double?] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in mean + Double(generator.normal()) * 0.2 }
  }

  /// The interval of a mean of n values narrows about as 1/√n: quadrupling n halves its width
  /// (within 25%, the bootstrap's own noise at B = 1,000).
  @Test func intervalNarrowsWithMoreItems() {
    let bootstrap = Bootstrap()
    let small = bootstrap.meanInterval([Self.values(100, mean: 0.3, seed: 1)], name: "small")
    let large = bootstrap.meanInterval([Self.values(400, mean: 0.3, seed: 1)], name: "large")
    let ratio = (small.high - small.low) / (large.high - large.low)
    #expect(abs(ratio - 2) < 0.5, "width ratio \(ratio)")
    // 0.2 / √100 · 1.96 ≈ 0.039 either side.
    #expect(abs((small.high - small.low) / 2 - 0.039) < 0.01, "\(small)")
  }

  /// Seeds that disagree widen the interval: resampling seeds carries their spread, which an
  /// items-only bootstrap of the pooled values misses.
  @Test func disagreeingSeedsWidenTheInterval() {
    let seeds = [0.1, 0.4, 0.7].enumerated().map {
      Self.values(200, mean: $0.element, seed: UInt64($0.offset))
    }
    let bootstrap = Bootstrap()
    let hierarchical = bootstrap.meanInterval(seeds, name: "x")
    let pooled = bootstrap.meanInterval([seeds.flatMap { $0 }], name: "x")
    #expect(
      (hierarchical.high - hierarchical.low) > 4 * (pooled.high - pooled.low),
      "\(hierarchical) vs \(pooled)")
  }

  /// Several statistics of one set of resamples get each the interval it gets alone under the
  /// same name, and the resamples are the documented ones: per resample the replicates first,
  /// then each drawn replicate's items, from the stream the name's hash selects (replicates of
  /// unequal sizes, so a draw written into the wrong buffer would show).
  @Test func sharedResamplesGiveEachStatisticsOwnInterval() {
    let replicates = [Self.values(30, mean: 0.2, seed: 4), Self.values(45, mean: 0.5, seed: 5)]
    let bootstrap = Bootstrap(resamples: 200)
    let drawnValues = { (draws: [(replicate: Int, items: [Int])]) -> [Double] in
      draws.flatMap { draw in draw.items.map { replicates[draw.replicate][$0] ?? 0 } }
    }
    let mean = { (draws: [(replicate: Int, items: [Int])]) -> Double in
      let drawn = drawnValues(draws)
      return drawn.reduce(0, +) / Double(drawn.count)
    }
    let largest = { (draws: [(replicate: Int, items: [Int])]) -> Double in
      drawnValues(draws).max() ?? 0
    }
    let shared = bootstrap.intervals(itemCounts: [30, 45], name: "s", count: 2) {
      [mean($0), largest($0)]
    }
    #expect(shared[0] == bootstrap.interval(itemCounts: [30, 45], name: "s", statistic: mean))
    #expect(shared[1] == bootstrap.interval(itemCounts: [30, 45], name: "s", statistic: largest))
    // The same resamples drawn by hand.
    var generator = SeededGenerator(seed: 0, stream: Bootstrap.hash("s"))
    var means: [Double] = []
    for _ in 0..<200 {
      let chosen = (0..<2).map { _ in generator.index(below: 2) }
      let draws = chosen.map { replicate in
        let count = replicates[replicate].count
        return (replicate: replicate, items: (0..<count).map { _ in generator.index(below: count) })
      }
      means.append(mean(draws))
    }
    means.sort()
    #expect(shared[0].low == means[Int((0.025 * 199).rounded())])
    #expect(shared[0].high == means[Int((0.975 * 199).rounded())])
  }

  @Test func sameNameSameInterval() {
    let values = [Self.values(50, mean: 0, seed: 3)]
    #expect(
      Bootstrap().meanInterval(values, name: "a") == Bootstrap().meanInterval(values, name: "a"))
    #expect(
      Bootstrap().meanInterval(values, name: "a") != Bootstrap().meanInterval(values, name: "b"))
    #expect(Bootstrap().meanInterval([[nil, nil]], name: "a").low.isNaN)
  }
}
