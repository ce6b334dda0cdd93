import SanityTestSupport
import Testing

@testable import SanityChecker

/// Comparing one batch of maps against several at once gives exactly the pairwise scores.
@Suite struct MapComparisonBatchTests {
  @Test(arguments: AttributionView.allCases)
  func batchEqualsPairwise(view: AttributionView) throws {
    let input = TestSupport.oneHotDNA(70, length: 12, seed: 5)
    let reference = TestSupport.uniform([70, 12, 4], seed: 6).multiplied(by: input)
    let maps = [
      TestSupport.uniform([70, 12, 4], seed: 7),
      TestSupport.uniform([70, 12, 4], seed: 8).multiplied(by: input),
    ]
    let metrics: [any SimilarityMetric] = [
      SpearmanRankCorrelation(), SpearmanRankCorrelation(absolute: true), PearsonCorrelation(),
    ]
    for metric in metrics {
      let batch = try MapComparison.scores(
        reference, against: maps, input: input, metric: metric, view: view)
      #expect(batch.count == 2)
      for (index, map) in maps.enumerated() {
        #expect(
          try batch[index]
            == MapComparison.scores(reference, map, input: input, metric: metric, view: view),
          "\(metric.name) \(view)")
      }
    }
  }
}
