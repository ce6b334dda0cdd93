import Foundation
@testable import SanityChecker
import Testing

/// The per-sequence summary's seqlet and motif-match columns.
@Suite struct SequenceSummarySeqletTests {
  static func motif(_ name: String, _ seqlets: [Seqlet]) -> DiscoveredMotif {
    var motif = DiscoveredMotif(
      identifier: name, sign: seqlets[0].sign, seqletCount: seqlets.count,
      frequencies: [[1, 0, 0, 0]], contributions: [[1, 0, 0, 0]],
      weightedFrequencies: [[1, 0, 0, 0]])
    motif.seqlets = seqlets
    return motif
  }

  static func match(_ id: String, q: Double) -> MotifMatch {
    MotifMatch(
      targetIdentifier: id, targetName: id + "-name", pValue: q / 2, qValue: q, offset: 0,
      strand: "+", overlap: 5)
  }

  /// Seqlets are listed by start; each sequence takes the motif (holding one of its seqlets)
  /// whose best match has the smallest q; a sequence without seqlets gets 0, empty and NA.
  @Test func columnsListSeqletsAndTheBestMatch() {
    let a = Seqlet(item: 0, start: 10, end: 14, sign: .negative, attribution: -0.75, pValue: 1e-3)
    let b = Seqlet(item: 0, start: 2, end: 6, sign: .positive, attribution: 1.5, pValue: 1e-4)
    let c = Seqlet(item: 1, start: 0, end: 4, sign: .positive, attribution: 2.25, pValue: 1e-5)
    let result = MotifDiscovery.Result(
      seqlets: [b, c, a],
      motifs: [Self.motif("positive-1", [b, c]), Self.motif("negative-1", [a])],
      matches: [[Self.match("MA1", q: 0.02)], [Self.match("MA2", q: 0.001)]])
    let columns = SequenceSummary.seqletColumns(result, count: 3, matches: true)
    #expect(
      columns.map(\.name) == [
        "n_seqlets", "seqlets", "best_motif", "match_id", "match_name", "match_q",
      ])
    #expect(columns[0].values == ["2", "1", "0"])
    #expect(columns[1].values == ["2-6:+:1.5,10-14:-:-0.75", "0-4:+:2.25", ""])
    #expect(columns[2].values == ["negative-1", "positive-1", "NA"])
    #expect(columns[3].values == ["MA2", "MA1", "NA"])
    #expect(columns[4].values == ["MA2-name", "MA1-name", "NA"])
    #expect(columns[5].values == ["0.001", "0.02", "NA"])
    #expect(SequenceSummary.seqletColumns(result, count: 3, matches: false).count == 2)
  }

  /// The columns follow `top_positions` in the table, one field per sequence.
  @Test func tableAppendsTheColumns() {
    let explained = ExplainedSequences(
      ids: ["s1", "s2"], sequences: Tensor(shape: [2, 1, 4], scalars: [1, 0, 0, 0, 0, 1, 0, 0]),
      attributions: Tensor(shape: [2, 1, 4], scalars: [2, 0, 0, 0, 0, 1, 0, 0]), method: "saliency",
      targets: [0, 0], predictions: [1, 2], provenance: .init(inputFile: "in.fa"))
    let table = SequenceSummary(topCount: 1).table(
      explained, columns: [.init(name: "n_seqlets", values: ["3", "0"])])
    let lines = table.split(separator: "\n")
    #expect(lines[0].hasSuffix("\tattribution_sum\ttop_positions\tn_seqlets"))
    #expect(lines[1].hasSuffix("\t3") && lines[2].hasSuffix("\t0"))
  }
}
