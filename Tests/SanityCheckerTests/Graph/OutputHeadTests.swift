import SanityChecker
import SanityTestSupport
import Testing

/// Choosing heads, the BPNet profile scalar, and randomization stages on graphs.
@Suite struct OutputHeadTests {
  /// A residual trunk with a profile head (Conv1D → Flatten) and a counts head (GAP → Dense).
  static func twoHeads(seed: UInt64) throws -> Model {
    let layers: [any Layer] = [
      Conv1D(
        name: "stem", kernel: TestSupport.uniform([3, 4, 4], seed: seed), bias: nil, padding: .same,
        activation: .relu),
      Conv1D(
        name: "dil", kernel: TestSupport.uniform([3, 4, 4], seed: seed + 1), bias: nil,
        padding: .same, dilation: 2,
        activation: .relu),
      ElementwiseMerge(name: "res", operation: .add),
      Conv1D(
        name: "profile_conv", kernel: TestSupport.uniform([3, 4, 2], seed: seed + 2), bias: nil,
        padding: .same),
      Flatten(name: "profile"),
      GlobalAveragePooling1D(name: "gap"),
      Dense(name: "counts", kernel: TestSupport.uniform([4, 1], seed: seed + 3), bias: nil),
    ]
    return try Model(
      name: "two-heads", inputShape: [12, 4], layers: layers,
      inputNodes: [[0], [1], [1, 2], [3], [4], [3], [6]], outputNodes: [5, 7])
  }

  /// Heads by name and index; an unknown head names the available ones.
  @Test func headsByNameAndIndex() throws {
    let model = try Self.twoHeads(seed: 1)
    #expect(model.outputHeadNames == ["profile", "counts"])
    #expect(model.outputShape == [24])
    let counts = try model.selectingOutputHead("counts")
    #expect(counts.outputShape == [1] && counts.outputHead == 1)
    #expect(try model.selectingOutputHead("1").outputHead == 1)
    #expect(
      throws: ModelError.unknownOutputHead(
        model: "two-heads", head: "shape", available: ["profile", "counts"])
    ) {
      try model.selectingOutputHead("shape")
    }
    let x = TestSupport.oneHotDNA(3, length: 12, seed: 2)
    let heads = model.forwardHeads(x)
    #expect(heads[0] == model.forward(x) && heads[1] == counts.forward(x))
  }

  /// The profile scalar is Σ p_i x_i with p = softmax(x) held constant: its gradient is p, and
  /// its ε-LRP relevance x_i p_i R / (y + ε·sign y) sums to R·y/(y + ε·sign y).
  @Test func profileScalarRules() throws {
    let layer = BPNetProfileScalar(name: "scalar")
    let x = TestSupport.uniform([2, 6], seed: 3)
    let y = layer.forward(x)
    let p = ActivationLayer(name: "softmax", activation: .softmax).forward(x)
    for item in 0..<2 {
      let row = Array(x.scalars[(item * 6)..<(item * 6 + 6)])
      let weights = Array(p.scalars[(item * 6)..<(item * 6 + 6)])
      let expected = zip(row, weights).map(*).reduce(0, +)
      #expect(abs(y.scalars[item] - expected) < 1e-6)
    }
    let signal = Tensor(shape: [2, 1], scalars: [2, -1])
    let gradient = layer.backward(signal, input: x, output: y, rule: .gradient)
    for i in 0..<12 {
      #expect(abs(gradient.scalars[i] - p.scalars[i] * signal.scalars[i / 6]) < 1e-6)
    }
    let relevance = layer.backward(y, input: x, output: y, rule: .epsilonLRP(epsilon: 0.01))
    for item in 0..<2 {
      let z = y.scalars[item]
      let total = relevance.scalars[(item * 6)..<(item * 6 + 6)].reduce(0, +)
      #expect(abs(total - z * z / (z + (z >= 0 ? 0.01 : -0.01))) < 1e-5)
    }
  }

  /// Explaining a profile head through its scalar keeps the other head and gives one target.
  @Test func profileScalarModel() throws {
    let model = try Self.twoHeads(seed: 4).explainingProfileScalar()
    #expect(
      model.outputShape == [1] && model.outputHeadNames == ["profile_profile_scalar", "counts"])
    let x = TestSupport.oneHotDNA(2, length: 12, seed: 5)
    let map = try Saliency().attribution(for: x, targets: [0, 0], in: model).values
    #expect(map.shape == x.shape && map.maximumMagnitude > 0)
  }

  /// Cascading randomization on a graph goes through the parameterized layers in reverse
  /// topological (file) order, bottom-up the other way; every stage keeps the wiring.
  @Test func randomizationStagesFollowTheGraph() throws {
    let model = try Self.twoHeads(seed: 6)
    let topDown = model.randomizationStages(
      order: .cascadingTopDown, scheme: .normal(standardDeviation: 0.1), seed: 7)
    #expect(topDown.map(\.name) == ["counts", "profile_conv", "dil", "stem"])
    #expect(
      topDown.map(\.randomizedLayers) == [
        ["counts"], ["counts", "profile_conv"], ["counts", "profile_conv", "dil"],
        ["counts", "profile_conv", "dil", "stem"],
      ])
    let bottomUp = model.randomizationStages(
      order: .bottomUp, scheme: .normal(standardDeviation: 0.1), seed: 7)
    #expect(bottomUp.map(\.name) == ["stem", "dil", "profile_conv", "counts"])
    let x = TestSupport.oneHotDNA(2, length: 12, seed: 8)
    for stage in topDown {
      #expect(
        stage.model.inputNodes == model.inputNodes && stage.model.outputNodes == model.outputNodes)
      #expect(stage.model.forwardHeads(x) != model.forwardHeads(x))
    }
  }
}
