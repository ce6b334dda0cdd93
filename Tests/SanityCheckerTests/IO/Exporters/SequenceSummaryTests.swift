import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct SequenceSummaryTests {
  @Test func tableListsPlacePredictionSumAndTopPositions() {
    var explained = ExportFixtures.explained(
      ids: ["chr1:10-14(-)", "peak2"], observed: [[1, -3, 2, 0.5], [0, 0, 0, 0]])
    explained.outputs = Tensor(shape: [2, 2], scalars: [0.25, 0.75, 1, 0])
    let table = SequenceSummary(score: .observedBase, topCount: 2).table(explained)
    #expect(
      table == """
        id\tchrom\tstart\tend\tstrand\ttarget\tprediction\toutput_0\toutput_1\tattribution_sum\ttop_positions
        chr1:10-14(-)\tchr1\t10\t14\t-\t0\t0.0\t0.25\t0.75\t0.5\t1:C:-3.0,2:G:2.0
        peak2\t\t\t\t\t0\t0.5\t1.0\t0.0\t0.0\t0:A:0.0,1:C:0.0

        """)
  }

  @Test func sumScoreAndMissingPredictions() {
    var explained = ExportFixtures.explained(
      ids: ["chr2:0-3"], observed: [[1, 2, 3]], offObserved: 0.25)
    explained.predictions = [.nan]
    let lines = SequenceSummary(score: .sum, topCount: 0).table(explained).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(
      lines[0]
        == "id\tchrom\tstart\tend\tstrand\ttarget\tprediction\tattribution_sum\ttop_positions")
    #expect(lines[1] == "chr2:0-3\tchr2\t0\t3\t+\t0\tNA\t6.75\t")
  }

  /// ISM's raw delta is 0 at the observed base; the score centres it first.
  @Test func ismDeltasAreScoredMeanCentred() {
    // Observed base A with Δ = (0, −2, −4, −6): observed-base score 0 − (−3) = 3; sum 0.
    let explained = ExplainedSequences(
      ids: ["chr1:0-1"], sequences: Tensor(shape: [1, 1, 4], scalars: [1, 0, 0, 0]),
      attributions: Tensor(shape: [1, 1, 4], scalars: [0, -2, -4, -6]), method: "ism", targets: [0],
      predictions: [1], provenance: .init(inputFile: "in.fa"))
    #expect(AttributionScore.observedBase.scores(explained).scalars == [3])
    #expect(AttributionScore.sum.scores(explained).scalars == [0])
  }
}
