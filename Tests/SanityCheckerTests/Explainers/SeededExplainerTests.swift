import SanityChecker
import SanityTestSupport
import Testing

/// Seeded explainers give the same maps whether a data set is explained at once or in batches
/// numbered by their first item, as `sanity explain` streams it.
@Suite struct SeededExplainerTests {
  static let explainers: [any SeededExplainer] = [
    SmoothGrad(samples: 3, seed: 5),
    SmoothGrad(samples: 3, seed: 5, statistic: .variance),
    IntegratedGradients(steps: 4, baseline: .shuffled(count: 2, seed: 6)),
    DeepLIFT(baseline: .shuffled(count: 2, seed: 7)),
    DeepSHAP(referenceCount: 2, seed: 8),
    ControlExplainer(.random, seed: 9),
  ]

  @Test(arguments: 0..<explainers.count)
  func batchesNumberedByTheirFirstItemGiveTheWholeRunsMaps(index: Int) throws {
    let explainer = Self.explainers[index]
    let model = try TestSupport.deepBindNetwork(seed: 21)
    let x = TestSupport.oneHotDNA(9, length: 20, seed: 22)
    let targets = [Int](repeating: 0, count: 9)
    let whole = try explainer.attribution(for: x, targets: targets, in: model).values
    let head = try explainer.numberingItems(from: 0).attribution(
      for: x.items(0..<4), targets: Array(targets[0..<4]), in: model)
    let tail = try explainer.numberingItems(from: 4).attribution(
      for: x.items(4..<9), targets: Array(targets[4..<9]), in: model)
    #expect(Tensor.concatenating([head.values, tail.values]) == whole)
    // Numbered from 0 again, the second batch repeats the first items' random draws.
    let unnumbered = try explainer.attribution(
      for: x.items(4..<9), targets: Array(targets[4..<9]), in: model)
    #expect(unnumbered.values != tail.values)
  }

  @Test func explainersWithoutRandomnessAreReturnedUnchanged() {
    #expect(Saliency().numberingItems(from: 7) is Saliency)
    let numbered = SmoothGrad(seed: 1).numberingItems(from: 7)
    #expect((numbered as? SmoothGrad)?.firstItem == 7)
  }
}
