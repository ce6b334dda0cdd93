import Foundation
@testable import SanityChecker
import SanityTestSupport
import Testing

@Suite struct TomtomMatcherTests {
  static func fixture(_ name: String) throws -> [MEMEMotif] {
    try MEMEMotif.read(TestSupport.fixture("Motifs/\(name)"))
  }

  /// p-values equal memesuite-lite's (memelite 0.5.0, `n_target_bins=None`) for every pair of
  /// six queries and 40 targets, with the Euclidean score and a minimum overlap of 1.
  ///
  /// Generator: `scripts/fixtures/make_tomtom_reference.py`. Tolerance: 1e-6 relative (the two
  /// differ only in the order of floating-point sums), or 1e-12 absolute for p-values near 0.
  @Test func matchesMemesuiteLite() throws {
    let database = try Self.fixture("tomtom-database.meme")
    let queries = try Self.fixture("tomtom-queries.meme")
    let text = try String(
      contentsOf: TestSupport.fixture("Motifs/tomtom-reference.tsv"), encoding: .utf8)
    var reference: [String: Double] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("query") {
      let fields = line.split(separator: "\t")
      reference["\(fields[0]) \(fields[1])"] = Double(fields[2])
    }
    #expect(reference.count == database.count * queries.count)
    let matcher = try TomtomMatcher(
      database: database, configuration: .init(similarity: .negativeEuclidean, minimumOverlap: 1))
    var worst = (relative: 0.0, pair: "")
    for query in queries {
      for match in try matcher.matches(for: query.probabilities, named: query.identifier) {
        let key = "\(query.identifier) \(match.targetIdentifier)"
        let expected = try #require(reference[key])
        let difference = abs(match.pValue - expected)
        let relative = difference / max(expected, 1e-300)
        if difference > 1e-12, relative > worst.relative { worst = (relative, key) }
      }
    }
    #expect(worst.relative < 1e-6, "largest relative difference \(worst.relative) at \(worst.pair)")
  }

  /// A query against a database holding it: its own entry is the best match with a tiny p
  /// (below 1e-10) on the forward strand at offset 0 with full overlap, and its reverse
  /// complement finds it on the `-` strand.
  ///
  /// Against the same motif with its columns shuffled (a seeded permutation), the p-value is not
  /// significant (above 0.01): Tomtom's score depends on the order of columns, not only on their
  /// composition.
  @Test(arguments: ColumnSimilarity.allCases)
  func selfAndShuffled(similarity: ColumnSimilarity) throws {
    let database = try Self.fixture("tomtom-database.meme")
    let matcher = try TomtomMatcher(
      database: database, configuration: .init(similarity: similarity))
    let target = database[17]
    let matches = try matcher.matches(for: target.probabilities, named: "self")
    let best = try #require(matches.first)
    #expect(best.targetIdentifier == target.identifier)
    #expect(best.pValue < 1e-10, "\(best)")
    #expect(best.qValue < 1e-8)
    #expect(best.strand == "+" && best.offset == 0 && best.overlap == target.width, "\(best)")
    let reverse = try matcher.matches(
      for: target.probabilities.reversed().map { Array($0.reversed()) }, named: "reverse")
    #expect(reverse.first?.targetIdentifier == target.identifier && reverse.first?.strand == "-")

    var generator = SeededGenerator(seed: 11)
    let shuffled = generator.permutation(target.width).map { target.probabilities[$0] }
    let shuffledMatch = try #require(
      try matcher.matches(for: shuffled, named: "shuffled").first {
        $0.targetIdentifier == target.identifier
      })
    #expect(shuffledMatch.pValue > 0.01, "\(shuffledMatch)")
  }

  /// q-values are Benjamini–Hochberg over the database: at least p, monotone in p, and the
  /// hand-computed values of a small list.
  @Test func benjaminiHochberg() {
    let q = BenjaminiHochberg.qValues([0.01, 0.04, 0.03, 0.5])
    // sorted p: 0.01 (·4/1 = 0.04), 0.03 (·4/2 = 0.06), 0.04 (·4/3 = 0.0533), 0.5 (·4/4 = 0.5);
    // running minimum from the top: 0.5, 0.0533, 0.0533, 0.04.
    let expected = [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5]
    for (value, reference) in zip(q, expected) { #expect(abs(value - reference) < 1e-12) }
    #expect(BenjaminiHochberg.qValues([]).isEmpty)
  }

  /// An empty database and an empty query are typed errors.
  @Test func refusesEmptyInput() throws {
    #expect(throws: MotifDiscoveryError.emptyDatabase(file: "x.meme")) {
      try TomtomMatcher(database: [], file: "x.meme")
    }
    let matcher = try TomtomMatcher(database: try Self.fixture("tomtom-database.meme"))
    #expect(throws: MotifDiscoveryError.uninformativeMotif(motif: "q")) {
      try matcher.matches(for: [], named: "q")
    }
  }
}
