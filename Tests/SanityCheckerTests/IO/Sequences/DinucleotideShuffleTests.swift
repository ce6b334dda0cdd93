import SanityChecker
import Testing

@Suite struct DinucleotideShuffleTests {
  static func dinucleotideCounts(_ sequence: [UInt8]) -> [[UInt8]: Int] {
    guard sequence.count > 1 else { return [:] }
    var counts: [[UInt8]: Int] = [:]
    for index in 0..<(sequence.count - 1) {
      counts[[sequence[index], sequence[index + 1]], default: 0] += 1
    }
    return counts
  }

  static func randomSequence(length: Int, seed: UInt64, alphabet: String = "ACGT") -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    let letters = Array(alphabet.utf8)
    return (0..<length).map { _ in letters[generator.index(below: letters.count)] }
  }

  @Test func preservesDinucleotideCountsAndEndsOverManySeeds() {
    for seed in UInt64(0)..<200 {
      let sequence = Self.randomSequence(
        length: 5 + Int(seed % 120), seed: seed, alphabet: seed % 3 == 0 ? "ACGTN" : "ACGT")
      let shuffled = DinucleotideShuffle.shuffled(sequence, seed: seed &* 31 &+ 7)
      #expect(shuffled.count == sequence.count)
      #expect(
        Self.dinucleotideCounts(shuffled) == Self.dinucleotideCounts(sequence), "seed \(seed)")
      #expect(shuffled.first == sequence.first && shuffled.last == sequence.last, "seed \(seed)")
    }
  }

  @Test func sameSeedSameShuffleDifferentSeedDifferentShuffle() {
    let sequence = Self.randomSequence(length: 101, seed: 99)
    #expect(
      DinucleotideShuffle.shuffled(sequence, seed: 5)
        == DinucleotideShuffle.shuffled(sequence, seed: 5))
    let outputs = Set((UInt64(0)..<20).map { DinucleotideShuffle.shuffled(sequence, seed: $0) })
    #expect(outputs.count == 20)
    #expect(!outputs.contains(sequence))
  }

  @Test func batchShufflesUseOneStreamPerRecord() {
    let sequences = (UInt64(0)..<4).map { Self.randomSequence(length: 50, seed: $0) }
    let all = DinucleotideShuffle.shuffled(sequences, seed: 3)
    var generator = SeededGenerator(seed: 3, stream: 2)
    #expect(all[2] == DinucleotideShuffle.shuffled(sequences[2], using: &generator))
    #expect(
      DinucleotideShuffle.shuffled(Array(sequences.prefix(3)), seed: 3) == Array(all.prefix(3)))
  }

  @Test func shortAndConstantSequencesAreReturnedUnchanged() {
    for text in ["", "A", "AC", "AAAAAA"] {
      #expect(DinucleotideShuffle.shuffled(Array(text.utf8), seed: 1) == Array(text.utf8))
    }
  }

  /// Every sequence with the same dinucleotide counts and first letter is equally likely.
  ///
  /// This is Kandel et al.'s (1996) result. "ACAGTACGA" has 12 such sequences, found here by brute force over its
  /// letter permutations; 24,000 shuffles give each about 2,000 draws, whose binomial standard
  /// deviation is about 43, so the ±250 band (≈ 6σ) fails only on a real bias.
  @Test func drawsEveryEquivalentSequenceEquallyOften() {
    let sequence = Array("ACAGTACGA".utf8)
    let target = Self.dinucleotideCounts(sequence)
    var equivalent = Set<[UInt8]>()
    func permute(_ prefix: [UInt8], _ remaining: [UInt8]) {
      guard !remaining.isEmpty else {
        if prefix.first == sequence.first && Self.dinucleotideCounts(prefix) == target {
          equivalent.insert(prefix)
        }
        return
      }
      for letter in Set(remaining) {
        var rest = remaining
        rest.remove(at: rest.firstIndex(of: letter) ?? 0)
        permute(prefix + [letter], rest)
      }
    }
    permute([], sequence)
    #expect(equivalent.count == 12)
    var generator = SeededGenerator(seed: 2024)
    var counts: [[UInt8]: Int] = [:]
    let draws = 24_000
    for _ in 0..<draws {
      counts[DinucleotideShuffle.shuffled(sequence, using: &generator), default: 0] += 1
    }
    #expect(Set(counts.keys) == equivalent)
    let expected = draws / equivalent.count
    for (shuffle, count) in counts {
      #expect(
        abs(count - expected) < 250,
        "\(String(decoding: shuffle, as: UTF8.self)): \(count) of \(draws)")
    }
  }
}
