import Foundation
@testable import SanityChecker
import SanityTestSupport
import Testing

@Suite struct MotifDiscoveryTests {
  /// A motif sampled into half of 120 seeded sequences (either strand) under an ideal map is
  /// recovered as the largest positive motif and matched to its own database entry with
  /// q < 0.01; its seqlets cover the planted sites.
  @Test func recoversAPlantedMotif() throws {
    let database = try MEMEMotif.read(TestSupport.fixture("Motifs/tomtom-database.meme"))
    let planted = database[5]
    let data = try PlantedMotifs(motif: planted)
    let discovery = MotifDiscovery(
      caller: try RecursiveSeqletCaller(), matcher: try TomtomMatcher(database: database))
    let result = try discovery.run(maps: data.maps, input: data.input)
    let top = try #require(result.motifs.first)
    #expect(top.sign == .positive)
    #expect(top.seqletCount >= 30, "\(top.seqletCount) seqlets")
    let best = try #require(result.matches.first?.first)
    #expect(best.targetIdentifier == planted.identifier, "\(best)")
    #expect(best.qValue < 0.01)
    let hits = data.sites.filter { item, start in
      result.seqlets.contains {
        $0.item == item && $0.sign == .positive && $0.start < start + planted.width
          && $0.end > start
      }
    }
    #expect(hits.count >= data.sites.count * 8 / 10, "\(hits.count) of \(data.sites.count) sites")
  }

  /// The same with a real JASPAR CTCF matrix among all 879 JASPAR 2024 vertebrate profiles.
  @Test(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data (JASPAR 2024)"))
  func recoversPlantedCTCFAmongJASPAR() throws {
    let database = try MEMEMotif.read(
      TestSupport.sharedData("motifs/JASPAR2024_CORE_vertebrates_non-redundant.meme"))
    let planted = try #require(database.first { $0.identifier.hasPrefix("MA0139") })
    let data = try PlantedMotifs(motif: planted, count: 160, length: 100)
    let discovery = MotifDiscovery(
      caller: try RecursiveSeqletCaller(), matcher: try TomtomMatcher(database: database))
    let result = try discovery.run(maps: data.maps, input: data.input)
    let best = try #require(result.matches.first?.first)
    #expect(best.targetIdentifier == planted.identifier, "\(result.matches.first?.prefix(3) ?? [])")
    #expect(best.qValue < 0.01)
  }

  /// Both matrices of every motif are written in MEME minimal format and read back by the MEME
  /// reader: same names, widths and values to the six written decimals.
  @Test func memeRoundTrip() throws {
    let database = try MEMEMotif.read(TestSupport.fixture("Motifs/tomtom-database.meme"))
    let data = try PlantedMotifs(motif: database[5])
    let result = try MotifDiscovery(caller: try RecursiveSeqletCaller(), matcher: nil).run(
      maps: data.maps, input: data.input)
    #expect(!result.motifs.isEmpty)
    let read = try MEMEMotif.parse(DiscoveredMotif.meme(result.motifs), file: "motifs.meme")
    #expect(read.count == 2 * result.motifs.count)
    for (index, motif) in result.motifs.enumerated() {
      for (written, original) in [
        (read[2 * index], motif.frequencyMotif), (read[2 * index + 1], motif.weightedMotif),
      ] {
        #expect(written.identifier == original.identifier && written.width == original.width)
        #expect(written.sites == motif.seqletCount)
        for (a, b) in zip(written.probabilities.joined(), original.probabilities.joined()) {
          #expect(abs(a - b) < 2e-6)
        }
      }
    }
    #expect(result.matches.allSatisfy { $0.isEmpty })
  }

  /// The matches table has the documented header and one row per (motif, match), best first.
  @Test func matchTable() throws {
    let database = try MEMEMotif.read(TestSupport.fixture("Motifs/tomtom-database.meme"))
    let data = try PlantedMotifs(motif: database[5])
    let result = try MotifDiscovery(
      caller: try RecursiveSeqletCaller(), matcher: try TomtomMatcher(database: database)
    )
    .run(maps: data.maps, input: data.input)
    let lines = MotifMatchTable.tsv(result.table, limit: 3).split(separator: "\n")
    #expect(
      lines[0] == "motif\tsign\tn_seqlets\tmatch_id\tmatch_name\tp\tq\toffset\tstrand\toverlap")
    #expect(lines.count == 1 + 3 * result.motifs.count)
    let first = lines[1].split(separator: "\t")
    #expect(first[0] == "positive-1" && first[3] == "T05")
    let second = lines[2].split(separator: "\t")
    #expect(Double(first[5]) ?? 1 <= Double(second[5]) ?? 0)
  }

  /// Maps that do not fit the inputs are a typed error.
  @Test func refusesMismatchedMaps() throws {
    let input = try OneHot().encode([Array("ACGTACGT".utf8)])
    #expect(throws: MotifDiscoveryError.self) {
      try PositionScores.scores(Tensor(shape: [1, 7, 4]), input: input)
    }
  }
}
