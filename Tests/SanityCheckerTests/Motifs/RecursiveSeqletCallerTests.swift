@testable import SanityChecker
import Testing

@Suite struct RecursiveSeqletCallerTests {
  /// Background noise with one strong positive run and one strong negative run: both are called
  /// with their own sign and cover their run.
  ///
  /// A seqlet reaches at most 3 positions past a run: a 4-long span with no run position is
  /// background, and every span inside a seqlet must be significant.
  @Test func callsBothSigns() throws {
    var generator = SeededGenerator(seed: 3)
    var rows = (0..<40).map { _ in
      (0..<60).map { _ in Float(generator.normal(standardDeviation: 0.1)) }
    }
    for position in 20..<28 { rows[5][position] += 3 }
    for position in 40..<46 { rows[9][position] -= 3 }
    let seqlets = try RecursiveSeqletCaller().seqlets(rows)
    let positive = try #require(seqlets.first { $0.item == 5 && $0.sign == .positive })
    #expect(
      positive.start >= 17 && positive.start <= 20 && positive.end >= 28 && positive.end <= 31,
      "\(positive)")
    #expect(positive.attribution > 20)
    #expect(positive.pValue < 0.01)
    let negative = try #require(seqlets.first { $0.item == 9 && $0.sign == .negative })
    #expect(
      negative.start >= 37 && negative.start <= 40 && negative.end >= 46 && negative.end <= 49,
      "\(negative)")
    #expect(negative.attribution < -15)
    // No seqlet of one sign overlaps another of the same item.
    for a in seqlets {
      for b in seqlets where a != b && a.item == b.item {
        #expect(!(a.start..<a.end).overlaps(b.start..<b.end), "\(a) overlaps \(b)")
      }
    }
  }

  /// Every span inside a seqlet is significant: the recursive rule.
  ///
  /// A lone spike (one high position) is called, but in a seqlet of at most 7 positions: any
  /// 8-long span around it holds a 4-long span of background alone.
  @Test func loneSpikeMakesAShortSeqlet() throws {
    var generator = SeededGenerator(seed: 4)
    var rows = (0..<40).map { _ in
      (0..<60).map { _ in Float(generator.normal(standardDeviation: 0.1)) }
    }
    rows[3][30] = 20
    let seqlets = try RecursiveSeqletCaller(threshold: 0.001).signed(rows, sign: .positive)
    let spike = try #require(seqlets.first { $0.item == 3 && $0.start <= 30 && $0.end > 30 })
    #expect(spike.length >= 4 && spike.length <= 7, "\(spike)")
  }

  /// Constant scores have no background (every span ties), so nothing is called; scaling the
  /// scores calls the same seqlets.
  @Test func constantAndScaled() throws {
    let caller = try RecursiveSeqletCaller()
    #expect(
      caller.seqlets([[Float]](repeating: [Float](repeating: 1, count: 50), count: 3)).isEmpty)
    var generator = SeededGenerator(seed: 5)
    var rows = (0..<30).map { _ in
      (0..<50).map { _ in Float(generator.normal(standardDeviation: 0.1)) }
    }
    for position in 10..<18 { rows[2][position] += 2 }
    let scaled = rows.map { $0.map { $0 * 8 } }
    let (a, b) = (caller.seqlets(rows), caller.seqlets(scaled))
    #expect(!a.isEmpty)
    #expect(a.map { [$0.item, $0.start, $0.end] } == b.map { [$0.item, $0.start, $0.end] })
  }

  /// Settings out of range are typed errors.
  @Test func refusesBadSettings() {
    #expect(throws: MotifDiscoveryError.self) { try RecursiveSeqletCaller(threshold: 0) }
    #expect(throws: MotifDiscoveryError.self) {
      try RecursiveSeqletCaller(minimumLength: 5, maximumLength: 4)
    }
    #expect(throws: MotifDiscoveryError.self) { try RecursiveSeqletCaller(bins: 1) }
  }
}
