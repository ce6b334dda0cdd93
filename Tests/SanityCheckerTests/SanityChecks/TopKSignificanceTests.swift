import SanityChecker
import Testing

@Suite struct TopKSignificanceTests {
  /// L = 5, m = 2, k = 2: P(h = 2) = 1/10, P(h = 1) = 6/10, P(h = 0) = 3/10.
  @Test func oneDrawIsTheHypergeometricTail() {
    let draw = { (hits: Int) in TopKSignificance.Draw(length: 5, planted: 2, k: 2, hits: hits) }
    #expect(abs(TopKSignificance.pValue([draw(2)]) - 0.1) < 1e-12)
    #expect(abs(TopKSignificance.pValue([draw(1)]) - 0.7) < 1e-12)
    #expect(abs(TopKSignificance.pValue([draw(0)]) - 1) < 1e-12)
    // Two such items with every hit: 0.1².
    #expect(abs(TopKSignificance.pValue([draw(2), draw(2)]) - 0.01) < 1e-12)
    #expect(TopKSignificance.pValue([]).isNaN)
  }

  /// The exact tail agrees with a seeded simulation of random top-k positions.
  @Test func exactTailMatchesSimulation() {
    let items = (0..<20).map {
      TopKSignificance.Draw(length: 40, planted: 8, k: 8, hits: $0 % 4 == 0 ? 1 : 2)
    }
    let observed = items.reduce(0) { $0 + $1.hits }
    let exact = TopKSignificance.pValue(items)
    var generator = SeededGenerator(seed: 5)
    let runs = 20_000
    var atLeast = 0
    for _ in 0..<runs {
      var total = 0
      for _ in items {
        let top = generator.permutation(40).prefix(8)
        total += top.filter { $0 < 8 }.count
      }
      if total >= observed { atLeast += 1 }
    }
    let simulated = Double(atLeast) / Double(runs)
    let standardError = (exact * (1 - exact) / Double(runs)).squareRoot()
    #expect(
      abs(simulated - exact) < 4 * standardError + 1e-4, "exact \(exact), simulated \(simulated)")
    #expect(exact > 0.01 && exact < 0.9, "\(exact)")
  }

  /// Sorted 0.005, 0.01, 0.03, 0.04 → 4·0.005, 3·0.01, 2·0.03, max(0.06, 1·0.04).
  @Test func holmByHand() {
    let adjusted = TopKSignificance.holm([0.01, 0.04, 0.03, 0.005, .nan])
    let expected = [0.03, 0.06, 0.06, 0.02]
    for (value, target) in zip(adjusted, expected) { #expect(abs(value - target) < 1e-12) }
    #expect(adjusted[4].isNaN)
  }
}
