import SanityChecker
import SanityTestSupport
import Testing

/// DeepSHAP determinism and the hypothetical contributions of both DeepLIFT explainers.
@Suite struct DeepSHAPTests {
  @Test func sameSeedGivesTheSameMapsAndOtherSeedsDiffer() throws {
    let model = try TestSupport.deepBindNetwork(seed: 12)
    let x = TestSupport.oneHotDNA(5, length: 20, seed: 13)
    let targets = [Int](repeating: 0, count: 5)
    let first = try DeepSHAP(referenceCount: 4, seed: 7).attribution(
      for: x, targets: targets, in: model)
    let second = try DeepSHAP(referenceCount: 4, seed: 7).attribution(
      for: x, targets: targets, in: model)
    let other = try DeepSHAP(referenceCount: 4, seed: 8).attribution(
      for: x, targets: targets, in: model)
    #expect(first.values == second.values)
    #expect(first.conservationGap == second.conservationGap)
    #expect(first.values != other.values)
    let deepLIFT = try DeepLIFT(baseline: .shuffled(count: 4, seed: 7)).attribution(
      for: x, targets: targets, in: model)
    #expect(first.values == deepLIFT.values)
  }

  /// 300 items make two chunks of the model's chunk size (256).
  @Test func resultsDoNotDependOnTheThreadCount() throws {
    let model = try TestSupport.deepBindNetwork(seed: 14)
    #expect(model.chunkSize < 300)
    let x = TestSupport.oneHotDNA(300, length: 20, seed: 15)
    let targets = [Int](repeating: 0, count: 300)
    let explainer = DeepSHAP(referenceCount: 2, seed: 3)
    Parallel.threadCount = 1
    let one = try explainer.attribution(for: x, targets: targets, in: model)
    let hypotheticalOne = try explainer.hypotheticalContributions(
      for: x, targets: targets, in: model)
    Parallel.threadCount = 2
    let two = try explainer.attribution(for: x, targets: targets, in: model)
    let hypotheticalTwo = try explainer.hypotheticalContributions(
      for: x, targets: targets, in: model)
    Parallel.threadCount = 0
    #expect(one.values == two.values)
    #expect(hypotheticalOne == hypotheticalTwo)
  }

  /// At the observed base of one-hot input, the hypothetical contribution is the position's
  /// actual contribution: Σ_b hyp ⊙ x = Σ_b A at every position, for every reference kind.
  @Test(arguments: [DeepLIFT.Baseline.zeros, .constant(0.25), .shuffled(count: 3, seed: 5)])
  func hypotheticalContributionAtTheObservedBaseIsTheContribution(baseline: DeepLIFT.Baseline)
    throws
  {
    let model = try TestSupport.deepBindNetwork(
      length: 24, filters: 5, outputs: 2, seed: 16, padding: .same)
    let x = TestSupport.oneHotDNA(4, length: 24, seed: 17)
    let targets = [0, 1, 1, 0]
    let explainer = DeepLIFT(baseline: baseline)
    let attribution = try explainer.attribution(for: x, targets: targets, in: model).values
    let hypothetical = try explainer.hypotheticalContributions(for: x, targets: targets, in: model)
    #expect(hypothetical.shape == [4, 24, 4])
    let scale = max(attribution.maximumMagnitude, 1e-6)
    for item in 0..<4 {
      for position in 0..<24 {
        let observed = (0..<4).map { hypothetical[item, position, $0] * x[item, position, $0] }
          .reduce(0, +)
        let actual = (0..<4).map { attribution[item, position, $0] }.reduce(0, +)
        #expect(
          abs(observed - actual) <= 1e-5 * scale,
          "\(baseline) item \(item) position \(position): \(observed) vs \(actual)")
      }
    }
  }

  /// With a zero reference the hypothetical contributions are the multipliers themselves; on a
  /// linear model those are the kernel, whatever the input.
  @Test func zeroReferenceHypotheticalContributionsAreTheMultipliers() throws {
    let kernel = TestSupport.uniform([40, 1], seed: 18)
    let model = try Model(
      inputShape: [10, 4],
      layers: [Flatten(name: "flatten_1"), Dense(name: "dense_1", kernel: kernel, bias: nil)])
    let x = TestSupport.oneHotDNA(2, length: 10, seed: 19)
    let hypothetical = try DeepLIFT().hypotheticalContributions(for: x, targets: [0, 0], in: model)
    #expect(hypothetical.scalars == kernel.scalars + kernel.scalars)
    // Against 0.25 everywhere they are centred per position: m − mean_c m.
    let centred = try DeepLIFT(baseline: .constant(0.25)).hypotheticalContributions(
      for: x, targets: [0, 0], in: model)
    for position in 0..<10 {
      let row = (0..<4).map { kernel.scalars[position * 4 + $0] }
      let mean = row.reduce(0, +) / 4
      for base in 0..<4 { #expect(abs(centred[1, position, base] - (row[base] - mean)) < 1e-6) }
    }
  }

  @Test func deepSHAPHypotheticalContributionsAreDeepLIFTsWithShuffledReferences() throws {
    let model = try TestSupport.deepBindNetwork(seed: 20)
    let x = TestSupport.oneHotDNA(3, length: 20, seed: 21)
    let shap = try DeepSHAP(referenceCount: 3, seed: 4).hypotheticalContributions(
      for: x, targets: [0, 0, 0], in: model)
    let lift = try DeepLIFT(baseline: .shuffled(count: 3, seed: 4)).hypotheticalContributions(
      for: x, targets: [0, 0, 0], in: model)
    #expect(shap == lift)
    #expect(shap.maximumMagnitude > 0)
  }
}
