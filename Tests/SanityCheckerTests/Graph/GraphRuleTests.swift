import SanityChecker
import SanityTestSupport
import Testing

/// ε-LRP and DeepLIFT through merges: conservation and the identities of the style guide.
@Suite struct GraphRuleTests {
  /// The merges that are sums or moves (ε-LRP splits by contribution, so it conserves).
  static let linearMerges: [any MergeLayer] = [
    ElementwiseMerge(name: "merge", operation: .add),
    ElementwiseMerge(name: "merge", operation: .subtract),
    ElementwiseMerge(name: "merge", operation: .average),
    Concatenate(name: "merge"),
  ]

  /// With ReLUs, no biases, ε → 0 and proportional average pooling, ε-LRP equals Gradient × Input
  /// through linear merges and conserves the target logit (ΣR = f_t(x)), on a two-branch model
  /// and on a residual block.
  @Test(arguments: linearMerges.indices)
  func epsilonLRPIsGradientTimesInput(mergeIndex: Int) throws {
    let models = [
      try GraphNetworks.twoBranch(
        Self.linearMerges[mergeIndex], seed: 61, activation: .relu, hasBias: false),
      try GraphNetworks.residual(seed: 62, activation: .relu, hasBias: false),
    ]
    for model in models {
      let x = TestSupport.uniform(model.inputShape.batched(3), seed: 63)
      let trace = model.trace(x)
      let targets = [0, 1, 0]
      let logits = targets.enumerated().map { trace.output.scalars[$0.offset * 2 + $0.element] }
      let relevance = model.backward(
        trace, seed: model.targetSeed(targets, weights: logits),
        rule: .epsilonLRP(epsilon: 1e-9, averagePooling: .proportional))
      let gradient = model.backward(trace, seed: model.targetSeed(targets), rule: .gradient)
      LayerChecks.expectClose(
        relevance, gradient.multiplied(by: x), tolerance: 1e-4, "\(model.name) LRP = G×I")
      for (item, logit) in logits.enumerated() {
        let total: Float = relevance.items(item..<(item + 1)).scalars.reduce(0, +)
        let bound: Float = 1e-4 * Swift.max(1, abs(logit))
        let difference: Float = abs(total - logit)
        #expect(difference <= bound, "\(model.name) item \(item): ΣR \(total) vs f \(logit)")
      }
    }
  }

  /// ε-LRP at a sum: each input gets z_k·R/(Σz + ε·sign Σz), so the shares add up to
  /// R·y/(y + ε·sign y) (hand values, ε = 0.5).
  @Test func epsilonLRPSplitsASumByContribution() {
    let add = ElementwiseMerge(name: "add", operation: .add)
    let a = Tensor(shape: [1, 2], scalars: [1, -3])
    let b = Tensor(shape: [1, 2], scalars: [3, 1])
    let y = add.forward([a, b])
    let sum: [Float] = [4, -2]
    #expect(y.scalars == sum)
    let shares = add.backward(
      Tensor(shape: [1, 2], scalars: [9, 5]), inputs: [a, b], output: y,
      rule: .epsilonLRP(epsilon: 0.5))
    let first: [Float] = [1 * 9 / 4.5, -3 * 5 / -2.5]
    let second: [Float] = [3 * 9 / 4.5, 1 * 5 / -2.5]
    #expect(shares[0].scalars == first)
    #expect(shares[1].scalars == second)
  }

  /// DeepLIFT's summation-to-delta holds through every merge (linear ones pass the gradient,
  /// the product its averaged telescoping rule, maximum/minimum difference routing) and at
  /// nodes read twice; against a zero and a shuffled reference.
  @Test(arguments: GraphNetworks.merges.indices)
  func deepLIFTConservesTheDelta(mergeIndex: Int) throws {
    let model = try GraphNetworks.twoBranch(
      GraphNetworks.merges[mergeIndex], seed: 71, activation: .relu)
    let x = TestSupport.oneHotDNA(4, length: 8, seed: 72)
    for baseline in [IntegratedGradients.Baseline.zeros, .shuffled(count: 2, seed: 73)] {
      let attribution = try DeepLIFT(baseline: baseline).attribution(
        for: x, targets: [0, 1, 1, 0], in: model)
      let gaps: [Float] = try #require(attribution.conservationGap)
      let worst: Float = gaps.map { abs($0) }.max() ?? 0
      #expect(worst < 1e-4, "\(GraphNetworks.merges[mergeIndex]) \(baseline): gaps \(gaps)")
    }
    let residual = try GraphNetworks.residual(seed: 74, activation: .relu)
    let r = TestSupport.uniform([3, 10, 3], seed: 75)
    let residualGaps: [Float] = try #require(
      try DeepLIFT().attribution(for: r, targets: [0, 1, 0], in: residual).conservationGap)
    let worst: Float = residualGaps.map { abs($0) }.max() ?? 0
    #expect(worst < 1e-4, "residual gaps \(residualGaps)")
  }

  /// On a linear graph with a zero reference, DeepLIFT equals Gradient × Input.
  @Test func deepLIFTOnALinearGraphIsGradientTimesInput() throws {
    let model = try GraphNetworks.twoBranch(
      ElementwiseMerge(name: "merge", operation: .add), seed: 81, activation: .linear,
      hasBias: false)
    let x = TestSupport.uniform([2, 8, 4], seed: 82)
    let deepLIFT = try DeepLIFT().attribution(for: x, targets: [1, 0], in: model).values
    let trace = model.trace(x)
    let gradient = model.backward(trace, seed: model.targetSeed([1, 0]), rule: .gradient)
    LayerChecks.expectClose(deepLIFT, gradient.multiplied(by: x), tolerance: 1e-5, "DeepLIFT = G×I")
  }

  /// The product rule for two inputs is the Shapley split m_a = s·(b + b')/2, m_b = s·(a + a')/2:
  /// a = 3, b = 5 against a' = b' = 1 gives (5 + 1)/2 · 2 = 6 and (3 + 1)/2 · 4 = 8, which add up
  /// to 15 − 1.
  @Test func deepLIFTProductRuleOnHandValues() throws {
    let multiply = ElementwiseMerge(name: "m", operation: .multiply)
    let model = try Model(
      name: "product", inputShape: [2],
      layers: [
        Dense(name: "a", kernel: Tensor(shape: [2, 1], scalars: [1, 0]), bias: nil),
        Dense(name: "b", kernel: Tensor(shape: [2, 1], scalars: [0, 1]), bias: nil), multiply,
      ], inputNodes: [[0], [0], [1, 2]], outputNodes: [3])
    let x = Tensor(shape: [1, 2], scalars: [3, 5])
    let map = try DeepLIFT(baseline: .constant(1)).attribution(for: x, targets: [0], in: model)
      .values
    let expected: [Float] = [6, 8]
    #expect(map.scalars == expected)
  }
}
