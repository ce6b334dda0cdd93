import Foundation
import SanityChecker
import Testing

@Suite struct DiscreteEntropyTests {
  @Test func uniformAndOneHotMaps() throws {
    let entropy = DiscreteEntropy()
    let uniform = Tensor(shape: [101, 4], repeating: -0.3)
    #expect(abs(try #require(entropy.entropy(of: uniform)) - log(404.0)) < 1e-12)
    var oneHot = Tensor(shape: [101, 4])
    oneHot[7, 2] = 5
    #expect(entropy.entropy(of: oneHot) == 0)
    #expect(entropy.entropy(of: Tensor(shape: [10])) == nil)
  }

  /// scipy `entropy(|a|)` and `entropy(numpy.histogram(|a|, bins=10)[0])` for the pattern
  /// signal of 45 values.
  @Test func matchesScipy() throws {
    let (a, _) = MetricTestData.tensors([45])
    let mass = try #require(DiscreteEntropy().entropy(of: a))
    let histogram = try #require(DiscreteEntropy(.histogram(bins: 10)).entropy(of: a))
    #expect(abs(mass - 3.6152852464616614) < 1e-12)
    #expect(abs(histogram - 2.266131044049917) < 1e-12)
  }

  @Test func histogramHandExamples() throws {
    let histogram = DiscreteEntropy(.histogram(bins: 100))
    // A constant map falls in one bin.
    #expect(histogram.entropy(of: Tensor(shape: [404], repeating: 2)) == 0)
    // |[1, -1, 0, 0]|: two positions in the last bin, two in the first: ln 2.
    let halves = Tensor(shape: [4], scalars: [1, -1, 0, 0])
    #expect(abs(try #require(histogram.entropy(of: halves)) - log(2.0)) < 1e-12)
    // 0, 1, …, 9 over 10 bins: one value per bin, ln 10.
    let ramp = Tensor(shape: [10], scalars: (0..<10).map(Float.init))
    #expect(
      abs(try #require(DiscreteEntropy(.histogram(bins: 10)).entropy(of: ramp)) - log(10.0)) < 1e-12
    )
  }

  @Test func invariances() throws {
    let (a, _) = MetricTestData.tensors([45])
    let entropy = DiscreteEntropy()
    let base = try #require(entropy.entropy(of: a))
    #expect(abs(try #require(entropy.entropy(of: a.scaled(by: -256))) - base) < 1e-12)
    var withNaN = a
    withNaN[1] = .nan
    #expect(entropy.entropy(of: withNaN) == nil)
    #expect(DiscreteEntropy(.histogram(bins: 5)).entropy(of: withNaN) == nil)
  }
}
