import SanityChecker
import Testing

@Suite struct SeededGeneratorTests {
  @Test func sameSeedGivesSameSequence() {
    var a = SeededGenerator(seed: 7)
    var b = SeededGenerator(seed: 7)
    #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
  }

  @Test func streamsDiffer() {
    var a = SeededGenerator(seed: 7, stream: 0)
    var b = SeededGenerator(seed: 7, stream: 1)
    #expect(a.next() != b.next())
  }

  /// The integer stream is pinned bit for bit, so results are the same on every machine.
  @Test func firstValuesArePinned() {
    var generator = SeededGenerator(seed: 0)
    let first = (0..<3).map { _ in generator.next() }
    #expect(first == Self.pinnedSeedZero)
  }
  /// xoshiro256** seeded by SplitMix64 from 0, computed with an independent Python
  /// implementation of Blackman & Vigna's reference C code.
  static let pinnedSeedZero: [UInt64] = [
    11_091_344_671_253_066_420, 13_793_997_310_169_335_082, 1_900_383_378_846_508_768,
  ]

  @Test func uniformAndNormalMoments() {
    var generator = SeededGenerator(seed: 3)
    let count = 200_000
    let uniforms = (0..<count).map { _ in Double(generator.uniform(-1, 1)) }
    let normals = (0..<count).map { _ in Double(generator.normal(mean: 2, standardDeviation: 0.5)) }
    let uniformMean = uniforms.reduce(0, +) / Double(count)
    let normalMean = normals.reduce(0, +) / Double(count)
    let normalVariance =
      normals.reduce(0) { $0 + ($1 - normalMean) * ($1 - normalMean) } / Double(count)
    #expect(abs(uniformMean) < 0.01)
    #expect(uniforms.allSatisfy { $0 >= -1 && $0 < 1 })
    #expect(abs(normalMean - 2) < 0.01)
    #expect(abs(normalVariance - 0.25) < 0.01)
  }

  @Test func permutationIsAPermutation() {
    var generator = SeededGenerator(seed: 11)
    let permutation = generator.permutation(1000)
    #expect(permutation.sorted() == Array(0..<1000))
    #expect(permutation != Array(0..<1000))
  }
}
