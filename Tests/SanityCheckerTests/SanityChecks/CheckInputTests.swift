@testable import SanityChecker
import SanityTestSupport
import Testing

/// Checks over several targets and over files of several sequence lengths.
@Suite("Check inputs: several targets, several lengths")
struct CheckInputTests {
  /// A length-agnostic model (valid Conv1D → global max pool → dense) with three outputs.
  static func model(length: Int = 24) throws -> Model {
    try TestSupport.deepBindNetwork(
      length: length, filters: 5, width: 5, hidden: 6, outputs: 3, seed: 7)
  }

  /// The rows without their target labels, for comparing a joined report with single runs.
  static func untagged(_ rows: [ResultRow]) -> [ResultRow] {
    rows.map {
      var row = $0
      row.target = nil
      return row
    }
  }

  static let metrics: [any SimilarityMetric] = [SpearmanRankCorrelation(), PearsonCorrelation()]

  @Test(
    "model randomization, class sensitivity, input invariance and label comparison at several targets equal one run per target"
  )
  func severalTargetsEqualOneRunEach() throws {
    let model = try Self.model()
    let x = TestSupport.oneHotDNA(6, length: 24, seed: 31)
    let selection = try TargetSelection(parsing: "2,0,1", outputCount: 3)
    // Methods sharing forward passes between units (seeded ones too) and the per-unit default.
    let explainers: [any Explainer] = [
      Saliency(), GradientTimesInput(), ControlExplainer(.random, seed: 4),
      IntegratedGradients(steps: 3, baseline: .shuffled(count: 2, seed: 6)),
      SmoothGrad(samples: 2, seed: 5), DeepLIFT(), GuidedGradCAM(),
    ]
    let permuted = model.initialized(seed: 9)
    let mprt = ModelRandomizationCheck(.init(seeds: [1, 2], metrics: Self.metrics))
    let smooth = ModelRandomizationCheck(
      .init(seeds: [1], metrics: Self.metrics, smoothing: (samples: 2, noiseLevel: 0.1)))
    let classCheck = ClassSensitivityCheck(metrics: Self.metrics, other: .random(seed: 3))
    let invariance = InputInvarianceCheck()
    let labels = DataRandomizationCheck(metrics: Self.metrics)
    let efficient = EfficientModelRandomization(seeds: [2, 3])
    let checks: [(String, (CheckInput) throws -> CheckReport)] = [
      ("efficient", { try efficient.run($0, explainers: explainers) }),
      ("model", { try mprt.run($0, explainers: explainers) }),
      ("smooth", { try smooth.run($0, explainers: [Saliency(), DeepLIFT()]) }),
      ("class", { try classCheck.run($0, explainers: explainers) }),
      ("invariance", { try invariance.run($0, explainers: [Saliency(), GradientTimesInput()]) }),
      ("labels", { try labels.compare($0, permutedModels: [permuted], explainers: explainers) }),
    ]
    for (name, run) in checks {
      let joined = try run(CheckInput(model: model, input: x, selection: selection))
      #expect(joined.settings["targets"] == "output_2,output_0,output_1", "\(name)")
      var expectedRows: [ResultRow] = []
      var expectedVerdicts: [Verdict] = []
      for target in selection.indices {
        let single = try run(
          CheckInput(
            model: model, input: x,
            selection: try TargetSelection(indices: [target], outputCount: 3)))
        #expect(single.rows.allSatisfy { $0.target == nil }, "\(name): one target, no column")
        expectedRows += single.rows
        expectedVerdicts += single.verdicts
        #expect(
          joined.rows.filter { $0.target == "output_\(target)" }.count == single.rows.count,
          "\(name) target \(target)")
      }
      #expect(Self.untagged(joined.rows).map(\.fields) == expectedRows.map(\.fields), "\(name)")
      #expect(
        joined.verdicts.map { "\($0.method) \($0.outcome) \($0.evidence)" }
          == expectedVerdicts.map { "\($0.method) \($0.outcome) \($0.evidence)" }, "\(name)")
      #expect(joined.tsv.split(separator: "\n")[0].hasSuffix("\ttarget"))
    }
    // The units change the explanations, so the per-target rows are not all the same.
    let report = try mprt.run(
      CheckInput(model: model, input: x, selection: selection), explainers: [Saliency()])
    let first = report.rows.filter { $0.target == "output_2" && $0.method == "saliency" }
    let second = report.rows.filter { $0.target == "output_0" && $0.method == "saliency" }
    #expect(first.map(\.mean) != second.map(\.mean))
  }

  @Test("a fixed unit equals the old per-item targets, and one-target output keeps the old layout")
  func oneTargetKeepsTheLayout() throws {
    let model = try Self.model()
    let x = TestSupport.oneHotDNA(5, length: 24, seed: 32)
    let mprt = ModelRandomizationCheck(.init(seeds: [0], metrics: Self.metrics))
    let old = try mprt.run(
      model: model, input: x, targets: [Int](repeating: 1, count: 5), explainers: [Saliency()])
    let new = try mprt.run(
      CheckInput(
        model: model, input: x, selection: try TargetSelection(indices: [1], outputCount: 3)),
      explainers: [Saliency()])
    // Fields, not values: NaN intervals of the floor and ceiling rows never compare equal.
    #expect(new.rows.map(\.fields) == old.rows.map(\.fields))
    #expect(new.tsv == old.tsv)
    #expect(!new.tsv.contains("target"))
    let json = String(decoding: try new.json(), as: UTF8.self)
    #expect(!json.contains("\"target\""))
  }

  /// One group per length, each with the model at its length; items interleaved in the file.
  static func groupedInput(lengths: [Int], seed: UInt64) throws -> (CheckInput, [Tensor]) {
    let base = try Self.model()
    let items = lengths.enumerated().map { index, length in
      TestSupport.oneHotDNA(1, length: length, seed: seed + UInt64(index))
    }
    var groups: [CheckInput.Group] = []
    for length in Array(Set(lengths)).sorted() {
      let indices = lengths.indices.filter { lengths[$0] == length }
      groups.append(
        CheckInput.Group(
          model: try base.resized(toLength: length, file: "x.fa", lengths: lengths),
          input: Tensor.concatenating(indices.map { items[$0] }), indices: indices))
    }
    return (CheckInput(groups: groups), items)
  }

  @Test("several lengths: every check scores each sequence as it would be scored alone")
  func severalLengthsEqualEachSequenceAlone() throws {
    let lengths = [20, 31, 26, 20, 31, 40, 26]
    let (input, items) = try Self.groupedInput(lengths: lengths, seed: 40)
    let base = try Self.model()
    let alone = try items.enumerated().map { index, item in
      CheckInput(
        model: try base.resized(toLength: lengths[index], file: "x.fa", lengths: lengths),
        input: item)
    }
    let explainers: [any Explainer] = [Saliency(), GradientTimesInput()]
    let mprt = ModelRandomizationCheck(
      .init(seeds: [5], metrics: Self.metrics, keepsItemValues: true))
    let grouped = try mprt.run(input, explainers: explainers)
    for row in grouped.rows where row.control == nil && row.seed != .all {
      let values = try #require(row.values)
      #expect(values.count == lengths.count)
      for (index, single) in alone.enumerated() {
        let report = try mprt.run(single, explainers: explainers)
        let match = try #require(
          report.rows.first {
            $0.method == row.method && $0.layer == row.layer && $0.seed == row.seed
              && $0.metric == row.metric
          })
        #expect(
          values[index] == match.values?.first ?? nil, "\(row.method) \(row.layer) item \(index)")
      }
    }
    // Checks without per-item rows: the grouped mean is the mean of the sequences alone (the
    // floor, ceiling and normalized rows read the seeded random control, numbered by file place).
    let classCheck = ClassSensitivityCheck(metrics: Self.metrics, other: .unit(1))
    let invariance = InputInvarianceCheck()
    let checks: [(String, (CheckInput) throws -> CheckReport)] = [
      ("class", { try classCheck.run($0, explainers: explainers) }),
      ("invariance", { try invariance.run($0, explainers: explainers) }),
    ]
    for (name, run) in checks {
      let report = try run(input)
      let singles = try alone.map { try run($0) }
      let scaleRows: Set<String> = ["floor", "ceiling", "normalized"]
      for row in report.rows where row.control == nil && !scaleRows.contains("\(row.layer)") {
        let matches = singles.compactMap { single in
          single.rows.first {
            $0.method == row.method && $0.metric == row.metric && $0.layer == row.layer
              && $0.seed == row.seed
          }
        }
        #expect(matches.count == lengths.count, "\(name) \(row.method)")
        let defined = matches.filter { $0.n == 1 }
        #expect(row.n == defined.count, "\(name) \(row.method) \(row.metric)")
        let mean = defined.reduce(0) { $0 + $1.mean } / Double(max(1, defined.count))
        #expect(abs(row.mean - mean) <= 1e-12, "\(name) \(row.method) \(row.metric)")
      }
    }
  }

  @Test("several lengths: eMPRT gives each sequence the rise it gets alone")
  func efficientSeveralLengthsEqualEachSequenceAlone() throws {
    let lengths = [20, 31, 26, 20, 31]
    let (input, items) = try Self.groupedInput(lengths: lengths, seed: 50)
    let base = try Self.model()
    let check = EfficientModelRandomization(seeds: [4, 5])
    let explainers: [any Explainer] = [Saliency(), IntegratedGradients(steps: 3)]
    let grouped = try check.run(input, explainers: explainers)
    let perSeed = grouped.rows.filter { $0.seed != .all }
    #expect(perSeed.count == 4)
    let singles = try items.enumerated().map { index, item in
      let model = try base.resized(toLength: lengths[index], file: "x.fa", lengths: lengths)
      return try check.run(model: model, input: item, explainers: explainers)
    }
    for row in perSeed {
      // Rows keep no per-item values: the grouped mean is the mean of the sequences alone.
      let matches = try singles.map { single in
        try #require(single.rows.first { $0.method == row.method && $0.seed == row.seed })
      }
      #expect(row.n == lengths.count && matches.allSatisfy { $0.n == 1 })
      let mean = matches.reduce(0) { $0 + $1.mean } / Double(matches.count)
      #expect(abs(row.mean - mean) <= 1e-12, "\(row.method) seed \(row.seed)")
    }
    // The rises differ between sequences, so the comparison above is not vacuous.
    #expect(Set(singles.compactMap { $0.rows.first?.mean }).count > 1)
  }

  @Test("a fixed-length model refuses a file of several lengths, naming the file and --lengths")
  func fixedLengthModelRefusesSeveralLengths() throws {
    let fixed = try Model(
      name: "fixed", inputShape: [24, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: TestSupport.uniform([5, 4, 3], seed: 1), bias: nil,
          activation: .relu),
        Flatten(name: "flatten_1"),
        Dense(name: "dense_1", kernel: TestSupport.uniform([20 * 3, 2], seed: 2), bias: nil),
      ])
    #expect {
      try fixed.resized(toLength: 30, file: "several.fa", lengths: [24, 30])
    } throws: { error in
      let text = String(describing: error)
      return text.contains("several.fa") && text.contains("--lengths pad:N")
    }
  }
}
