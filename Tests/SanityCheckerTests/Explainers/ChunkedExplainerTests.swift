@testable import SanityChecker
import SanityTestSupport
import Testing

/// Chunked explainers: the memory budget and the thread count change how many chunks run at
/// once, never the chunks themselves, so every map is bit-identical.
@Suite("Chunked explainers")
struct ChunkedExplainerTests {
  /// A small DeepSEA-like chain (convolution, max pool, convolution, dense head) over 2,000 bp,
  /// wide enough that ``Model/chunkSize`` is 4 items and 12 sequences make several chunks.
  static func chainModel() throws -> Model {
    try Model(
      name: "chain", inputShape: [2000, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: TestSupport.uniform([5, 4, 32], seed: 1),
          bias: TestSupport.uniform([32], seed: 2, low: -0.2, high: 0.2), activation: .relu),
        MaxPooling1D(name: "max_pooling1d_1", poolSize: 4),
        Conv1D(
          name: "conv1d_2", kernel: TestSupport.uniform([3, 32, 6], seed: 3, low: -0.3, high: 0.3),
          bias: TestSupport.uniform([6], seed: 4, low: -0.2, high: 0.2), activation: .relu),
        Flatten(name: "flatten_1"),
        Dense(
          name: "dense_1",
          kernel: TestSupport.uniform([497 * 6, 8], seed: 5, low: -0.05, high: 0.05),
          bias: TestSupport.uniform([8], seed: 6, low: -0.2, high: 0.2), activation: .relu),
        Dense(name: "dense_2", kernel: TestSupport.uniform([8, 3], seed: 7), bias: nil),
      ])
  }

  /// Expects `explainers` to give the same maps, bit for bit, under every budget and thread
  /// count of `settings`, each in force for this test's task only (other tests keep theirs).
  /// - Parameters:
  ///   - explainers: The methods, with a name each for the messages.
  ///   - x: The inputs.
  ///   - targets: One target per item.
  ///   - model: The model.
  ///   - settings: Budgets in bytes and thread counts; the first gives the reference maps.
  ///   - isReference: What the reference maps must satisfy (so that equality means something).
  ///   - sourceLocation: Where a failed expectation is reported.
  /// - Throws: An explainer's error, or a budget under the minimum.
  static func expectBitIdentical(
    _ explainers: [(name: String, explainer: any Explainer)], for x: Tensor, targets: [Int],
    in model: Model, settings: [(budget: Int, threads: Int)],
    isReference: ([Tensor]) -> Bool, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var reference: [Tensor] = []
    for (budget, threads) in settings {
      let maps = try MemoryBudget.$scoped.withValue(try MemoryBudget(bytes: budget)) {
        try Parallel.$scopedThreadCount.withValue(threads) {
          try explainers.map { try $0.explainer.attribution(for: x, targets: targets, in: model) }
        }
      }.map(\.values)
      if reference.isEmpty {
        reference = maps
        #expect(isReference(maps), sourceLocation: sourceLocation)
        continue
      }
      for (index, map) in maps.enumerated() {
        #expect(
          map == reference[index],
          "\(explainers[index].name) differs at budget \(budget), \(threads) threads",
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test(
    "Saliency, IG-20, SmoothGrad and ε-LRP are bit-identical for budgets of 64 MiB and 1 GiB and 1 or 2 threads"
  )
  func bitIdenticalForAnyBudgetAndThreads() throws {
    let model = try Self.chainModel()
    #expect(model.chunkSize == 4)
    let explainers: [any Explainer] = [
      Saliency(), IntegratedGradients(steps: 20), SmoothGrad(samples: 3, seed: 4),
      EpsilonLRPExplainer(epsilon: 1e-6),
    ]
    try Self.expectBitIdentical(
      explainers.map { ("\(type(of: $0))", $0) },
      for: TestSupport.oneHotDNA(12, length: 2000, seed: 9),
      targets: (0..<12).map { $0 % 3 }, in: model,
      settings: [(64 << 20, 1), (1 << 30, 2), (64 << 20, 2), (1 << 30, 1)],
      isReference: { maps in maps.allSatisfy { $0.maximumMagnitude > 0 } })
  }

  @Test(
    "every method (Grad-CAM, SmoothGrad's samples, IG's steps, DeepSHAP's references, ISM and the controls included) is bit-identical for budgets of 64 MiB, 192 MiB and 1 GiB and 1, 2 or 3 threads"
  )
  func everyMethodBitIdentical() throws {
    var settings = MethodSettings()
    (settings.steps, settings.samples, settings.references) = (6, 3, 2)
    let explainers = try MethodSettings.names.map {
      ($0, try settings.explainer($0, seed: 5, key: "--method"))
    }
    try Self.expectBitIdentical(
      explainers, for: TestSupport.oneHotDNA(9, length: 2000, seed: 13),
      targets: (0..<9).map { ($0 * 2) % 3 }, in: try Self.chainModel(),
      settings: [(1 << 30, 2), (64 << 20, 1), (192 << 20, 3), (64 << 20, 2)],
      isReference: { maps in
        maps.allSatisfy { $0.batchSize == 9 && $0.scalars.allSatisfy(\.isFinite) }
      })
  }

  @Test("the budget caps the chunks in flight at what half of it holds, at least one")
  func budgetCapsWorkers() throws {
    let (small, larger) = (try MemoryBudget(bytes: 64 << 20), try MemoryBudget(bytes: 80 << 20))
    MemoryBudget.$scoped.withValue(small) {
      #expect(Parallel.workers(chunks: 8, bytesPerChunk: 20 << 20) == 1)
      #expect(Parallel.workers(chunks: 8, bytesPerChunk: 200 << 20) == 1)
    }
    MemoryBudget.$scoped.withValue(larger) {
      #expect(Parallel.workers(chunks: 8, bytesPerChunk: 20 << 20) == min(2, Parallel.threadCount))
    }
  }

  @Test(
    "a scoped budget and thread count reach the chunks' workers and leave the process's budget alone"
  )
  func scopedSettingsReachWorkers() throws {
    let process = MemoryBudget.current
    let seen = MemoryBudget.$scoped.withValue(try MemoryBudget(bytes: 96 << 20)) {
      Parallel.$scopedThreadCount.withValue(3) {
        Parallel.mapChunks(count: 8, chunkSize: 1) { _ in
          (MemoryBudget.current.bytes, Parallel.threadCount)
        }
      }
    }
    #expect(seen.count == 8 && seen.allSatisfy { $0 == (96 << 20, 3) })
    #expect(MemoryBudget.current == process)
  }

  @Test(
    "IG batches its path steps: the same map as one step at a time, within float rounding of sgemm")
  func integratedGradientsStepBatches() throws {
    let model = try Self.chainModel()
    let x = TestSupport.oneHotDNA(3, length: 2000, seed: 10)
    let targets = [0, 1, 2]
    let batched = try IntegratedGradients(steps: 12).attribution(
      for: x, targets: targets, in: model
    ).values
    // One item at a time and one step at a time: the plain sum of Saliency along the path.
    let (alphas, weights) = IntegrationRule.riemannTrapezoid.nodes(steps: 12)
    for item in 0..<3 {
      let point = x.items(item..<(item + 1))
      var sum = [Double](repeating: 0, count: point.itemCount)
      for (alpha, weight) in zip(alphas, weights) {
        let gradient = try Saliency().attribution(
          for: point.scaled(by: Float(alpha)), targets: [targets[item]], in: model)
        for index in sum.indices { sum[index] += weight * Double(gradient.values.scalars[index]) }
      }
      let expected = sum.enumerated().map { Float($1) * point.scalars[$0] }
      let actual = Array(batched.scalars[(item * point.itemCount)..<((item + 1) * point.itemCount)])
      let scale = expected.map(abs).max() ?? 1
      let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
      #expect(scale > 0 && worst <= 1e-5 * scale, "item \(item): worst \(worst) of \(scale)")
    }
  }

  @Test(
    "model randomization explains fixed slices of items: per-item scores equal those of each slice run alone, and the seeded control keeps its per-item draws"
  )
  func modelRandomizationSlices() throws {
    let model = try Self.chainModel()
    let check = ModelRandomizationCheck(
      .init(seeds: [0], metrics: [SpearmanRankCorrelation()], view: .full, keepsItemValues: true))
    let slices = check.slices(count: 400, model: model)
    // 16 MiB over three [2000, 4] maps per item: 174 items, rounded down to a multiple of 4.
    #expect(slices == [0..<172, 172..<344, 344..<400])
    let x = TestSupport.oneHotDNA(200, length: 2000, seed: 11)
    let explainers: [any Explainer] = [Saliency(), ControlExplainer(.random, seed: 2)]
    let whole = try check.run(
      model: model, input: x, targets: [Int](repeating: 1, count: 200), explainers: explainers)
    let head = try check.run(
      model: model, input: x.items(0..<172), targets: [Int](repeating: 1, count: 172),
      explainers: explainers)
    for row in whole.rows where row.seed != .all {
      let match = try #require(
        head.rows.first {
          $0.method == row.method && $0.layer == row.layer && $0.seed == row.seed
            && $0.metric == row.metric
        })
      let values = try #require(row.values)
      #expect(values.count == 200)
      #expect(Array(values.prefix(172)) == (match.values ?? []), "\(row.method) at \(row.layer)")
    }
  }

  @Test(
    "efficient MPRT reduces maps to entropies slice by slice: the rises of 200 items pool those of their two slices run alone"
  )
  func efficientModelRandomizationSlices() throws {
    let model = try Self.chainModel()
    let x = TestSupport.oneHotDNA(200, length: 2000, seed: 12)
    let check = EfficientModelRandomization(seeds: [3])
    func rise(_ range: Range<Int>) throws -> (sum: Double, n: Int) {
      let report = try check.run(model: model, input: x.items(range), explainers: [Saliency()])
      let row = try #require(report.rows.first { $0.seed == .seed(3) })
      return (row.mean * Double(row.n), row.n)
    }
    let (whole, head, tail) = (try rise(0..<200), try rise(0..<172), try rise(172..<200))
    #expect(whole.n == head.n + tail.n && whole.n > 150)
    #expect(abs(whole.sum - (head.sum + tail.sum)) <= 1e-9 * abs(whole.sum))
  }
}
