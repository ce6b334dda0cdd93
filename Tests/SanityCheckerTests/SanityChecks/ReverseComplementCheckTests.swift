import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ReverseComplementCheckTests {
  /// A DeepBind-style network whose filters come in reverse-complement pairs with shared biases
  /// and shared dense weights: f(RC x) = f(x).
  static func symmetricNetwork(length: Int = 30, width: Int = 5, hidden: Int = 6) throws -> Model {
    let half = TestSupport.uniform([width, 4, 2], seed: 7)
    var kernel = [Float](repeating: 0, count: width * 4 * 4)
    for k in 0..<width {
      for c in 0..<4 {
        for f in 0..<2 {
          let value = half.scalars[k * 8 + c * 2 + f]
          kernel[k * 16 + c * 4 + f] = value
          kernel[(width - 1 - k) * 16 + (3 - c) * 4 + f + 2] = value
        }
      }
    }
    let bias = TestSupport.uniform([2], seed: 8, low: -0.2, high: 0.2).scalars
    let dense = TestSupport.uniform([2, hidden], seed: 9).scalars
    return try Model(
      name: "symmetric", inputShape: [length, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: Tensor(shape: [width, 4, 4], scalars: kernel),
          bias: Tensor(shape: [4], scalars: bias + bias), padding: .valid, activation: .relu),
        GlobalMaxPooling1D(name: "global_max_pooling1d_1"),
        Dense(
          name: "dense_1", kernel: Tensor(shape: [4, hidden], scalars: dense + dense),
          bias: TestSupport.uniform([hidden], seed: 10, low: -0.2, high: 0.2), activation: .relu),
        Dense(
          name: "dense_2", kernel: TestSupport.uniform([hidden, 1], seed: 11),
          bias: TestSupport.uniform([1], seed: 12, low: -0.2, high: 0.2)),
      ])
  }

  /// ACG → CGT: positions reversed, A↔T and C↔G.
  @Test func reverseComplementByHand() throws {
    let acg = Tensor(shape: [1, 3, 4], scalars: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0])
    let cgt: [Float] = [0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]
    #expect(ReverseComplementCheck.reverseComplement(acg).scalars == cgt)
    #expect(
      ReverseComplementCheck.reverseComplement(ReverseComplementCheck.reverseComplement(acg)) == acg
    )
  }

  /// On a strand-symmetric model gradients follow the strand: Saliency and Gradient × Input
  /// pass; the random control (noise does not follow the strand) and the constant control fail;
  /// the input control is not run.
  @Test func aStrandSymmetricModelKeepsGradientsConsistent() throws {
    let model = try Self.symmetricNetwork()
    let x = TestSupport.oneHotDNA(40, length: 30, seed: 4)
    #expect(
      ReverseComplementCheck.asymmetry(
        model: model, input: x, targets: [Int](repeating: 0, count: 40)) < 1e-5)
    let report = try ReverseComplementCheck(metrics: [SpearmanRankCorrelation()]).run(
      model: model, input: x,
      explainers: [
        Saliency(), GradientTimesInput(), ControlExplainer(.random), ControlExplainer(.constant),
        ControlExplainer(.input),
      ])
    let outcomes = Dictionary(uniqueKeysWithValues: report.verdicts.map { ($0.method, $0.outcome) })
    #expect(
      outcomes == [
        "saliency": .passes, "gradient-x-input": .passes, "random": .fails, "constant": .fails,
      ],
      "\(report.verdicts.map(\.evidence))")
    #expect(report.settings["strand-symmetric"] == "yes")
    let saliency = try #require(
      report.rows.first { $0.method == "saliency" && $0.metric == "spearman" })
    #expect(saliency.layer == .reverseComplement && saliency.mean > 0.95, "\(saliency.fields)")
  }

  /// An ordinary network is not strand-symmetric: agreement is reported, not judged.
  @Test func anAsymmetricModelIsReportedNotJudged() throws {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let x = TestSupport.oneHotDNA(20, length: 24, seed: 4)
    let report = try ReverseComplementCheck(metrics: [SpearmanRankCorrelation()]).run(
      model: model, input: x, explainers: [Saliency()])
    #expect(report.settings["strand-symmetric"] == "no")
    #expect(
      report.verdicts.allSatisfy {
        $0.outcome == .inconclusive && $0.evidence.contains("not strand-symmetric")
      })
  }

  /// The RC-averaged map of RC(x), mapped back, is the averaged map of x, on any model.
  @Test func averagedMapsAreConsistentByConstruction() throws {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let x = TestSupport.oneHotDNA(6, length: 24, seed: 5)
    let targets = [Int](repeating: 0, count: 6)
    let forward = try ReverseComplementCheck.averaged(
      Saliency(), model: model, input: x, targets: targets)
    let reverse = try ReverseComplementCheck.averaged(
      Saliency(), model: model, input: ReverseComplementCheck.reverseComplement(x), targets: targets
    )
    #expect(ReverseComplementCheck.reverseComplement(reverse.values) == forward.values)
  }
}

@Suite struct OffSimplexTests {
  /// (1, 1, 1, 1) lies along the normal (90°), (1, −1, 0, 0) in the plane (0°), and (1, 0, 0, 0)
  /// has sin θ = 2 · ¼ / 1 = ½ (30°).
  @Test func anglesByHand() {
    let map = Tensor(shape: [4, 4], scalars: [1, 1, 1, 1, 1, -1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    let angles = SimplexCorrected.angles(map)
    #expect(abs(angles[0] - 90) < 1e-9 && abs(angles[1]) < 1e-9 && abs(angles[2] - 30) < 1e-9)
    #expect(angles[3].isNaN)
    let corrected = SimplexCorrected.corrected(map)
    #expect(corrected.scalars == [0, 0, 0, 0, 1, -1, 0, 0, 0.75, -0.25, -0.25, -0.25, 0, 0, 0, 0])
    #expect(SimplexCorrected.corrected(corrected) == corrected)
  }

  /// Saliency is diagnosed; Gradient × Input (zero at unobserved bases) and Grad-CAM are not
  /// applicable; model randomization runs both ways and names the corrected method.
  @Test func diagnosticRowsAndTheEffectOnModelRandomization() throws {
    let model = try TestSupport.deepBindNetwork(length: 24, seed: 3)
    let x = TestSupport.oneHotDNA(30, length: 24, seed: 4)
    let report = try OffSimplexDiagnostic(
      modelRandomization: .init(seeds: [0, 1], metrics: [SpearmanRankCorrelation()], view: .full)
    ).run(
      model: model, input: x,
      explainers: [Saliency(), GradientTimesInput(), GradCAM(), ControlExplainer(.random)])
    let angle = try #require(
      report.rows.first { $0.check == .offSimplex && $0.metric == "angle-mean" })
    #expect(angle.method == "saliency" && angle.mean > 0 && angle.mean < 90 && angle.n == 30)
    let similarity = try #require(report.rows.first { $0.layer == .gradientCorrected })
    #expect(similarity.mean < 1 && similarity.mean > -1)
    let skipped = try #require(report.settings["not-applicable"])
    #expect(skipped.contains("gradient-x-input") && skipped.contains("grad-cam"))
    #expect(
      Set(report.verdicts.filter { $0.control == nil }.map(\.method)) == [
        "saliency", "saliency (simplex-corrected)",
      ])
    #expect(report.settings["effect-on-model-randomization"]?.hasPrefix("saliency: ") == true)
  }
}
