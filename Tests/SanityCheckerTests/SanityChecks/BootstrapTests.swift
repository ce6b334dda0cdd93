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

  @Test func sameNameSameInterval() {
    let values = [Self.values(50, mean: 0, seed: 3)]
    #expect(
      Bootstrap().meanInterval(values, name: "a") == Bootstrap().meanInterval(values, name: "a"))
    #expect(
      Bootstrap().meanInterval(values, name: "a") != Bootstrap().meanInterval(values, name: "b"))
    #expect(Bootstrap().meanInterval([[nil, nil]], name: "a").low.isNaN)
  }
}
