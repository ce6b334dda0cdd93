import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// The windowed fast ISM on graph models against naive ISM over a seeded grid of random graphs:
/// residual towers with dilations, two branches joined by every merge, concatenation, cropping
/// and padding, several heads and the BPNet profile scalar, valid/same padding, pooling.
@Suite struct FastISMGraphTests {
  /// Wires layers into a graph: each `add` returns the new node.
  struct Builder {
    var layers: [any Layer] = []
    var reads: [[Int]] = []
    let seed: UInt64

    mutating func add(_ layer: any Layer, _ nodes: Int...) -> Int {
      layers.append(layer)
      reads.append(nodes)
      return layers.count
    }

    mutating func conv(
      _ node: Int, _ taps: Int, _ inputs: Int, _ filters: Int, stride: Int = 1,
      dilation: Int = 1, padding: Padding = .valid, activation: Activation = .relu
    ) -> Int {
      let offset = seed + UInt64(layers.count) * 10
      return add(
        FastISMChainTests.conv(
          "c\(layers.count)", taps, inputs, filters, stride: stride, dilation: dilation,
          padding: padding, activation: activation, seed: offset), node)
    }

    mutating func dense(
      _ node: Int, _ inputs: Int, _ outputs: Int, activation: Activation = .linear
    )
      -> Int
    {
      add(
        FastISMChainTests.dense(
          "d\(layers.count)", inputs, outputs, activation: activation,
          seed: seed + UInt64(layers.count) * 10), node)
    }

    func model(_ name: String, outputs: [Int], length: Int = 33) throws -> Model {
      try Model(
        name: name, inputShape: [length, 4], layers: layers, inputNodes: reads,
        outputNodes: outputs)
    }
  }

  /// The grid's structures, on `[33, 4]`.
  static let structures = [
    "residual", "crop-pad", "bpnet", "pooled-branches", "two-heads", "crop-away",
  ]

  /// One structure with seeded weights.
  static func model(_ structure: String, seed: UInt64) throws -> Model {
    var b = Builder(seed: seed)
    switch structure {
    case "residual":  // same-padded stem, two dilated residual blocks, global average
      let stem = b.conv(0, 5, 4, 6, padding: .same)
      let d2 = b.conv(stem, 3, 6, 6, dilation: 2, padding: .same)
      let r2 = b.add(ElementwiseMerge(name: "r2", operation: .add), stem, d2)
      let d4 = b.conv(r2, 3, 6, 6, dilation: 4, padding: .same, activation: .tanh)
      let r4 = b.add(ElementwiseMerge(name: "r4", operation: .add), r2, d4)
      let pool = b.add(GlobalAveragePooling1D(name: "gap"), r4)
      let logits = b.dense(pool, 6, 3)
      return try b.model("residual", outputs: [logits])
    case "crop-pad":  // valid conv, zero padding, valid conv, cropping, added to a wide branch
      let c = b.conv(0, 4, 4, 5)  // 30
      let padded = b.add(ZeroPadding1D(name: "pad", start: 2, end: 1), c)  // 33
      let c2 = b.conv(padded, 3, 5, 5, activation: .linear)  // 31
      let cropped = b.add(Cropping1D(name: "crop", start: 3, end: 2), c2)  // 26
      let wide = b.conv(0, 8, 4, 5, activation: .tanh)  // 26
      let sum = b.add(ElementwiseMerge(name: "sum", operation: .subtract), cropped, wide)
      let flat = b.add(Flatten(name: "flat"), sum)
      let logits = b.dense(flat, 26 * 5, 3)
      return try b.model("crop-pad", outputs: [logits])
    case "bpnet":  // profile head (conv → crop → flatten) and counts head (gap → dense)
      let stem = b.conv(0, 5, 4, 6, padding: .same)
      let d2 = b.conv(stem, 3, 6, 6, dilation: 2, padding: .same)
      let r2 = b.add(ElementwiseMerge(name: "r2", operation: .add), stem, d2)
      let profile = b.conv(r2, 7, 6, 2, activation: .linear)  // 27
      let cropped = b.add(Cropping1D(name: "crop", start: 4, end: 3), profile)  // 20
      let flat = b.add(Flatten(name: "profile"), cropped)
      let pool = b.add(GlobalAveragePooling1D(name: "gap"), r2)
      let counts = b.dense(pool, 6, 1)
      return try b.model("bpnet", outputs: [flat, counts])
    case "pooled-branches":  // max and average pools, Concatenate, strided conv, global max
      let c = b.conv(0, 3, 4, 4, padding: .same)
      let maxPool = b.add(MaxPooling1D(name: "mp", poolSize: 2), c)  // 16
      let other = b.conv(0, 2, 4, 3, stride: 2, activation: .tanh)  // 16
      let averagePool = b.add(
        AveragePooling1D(name: "ap", poolSize: 3, stride: 1, padding: .same), other)
      let joined = b.add(Concatenate(name: "cat"), maxPool, averagePool)
      let c2 = b.conv(joined, 3, 7, 5, stride: 2, padding: .same, activation: .linear)
      let pool = b.add(GlobalMaxPooling1D(name: "gmp"), c2)
      let logits = b.dense(pool, 5, 3)
      return try b.model("pooled-branches", outputs: [logits])
    case "two-heads":  // a shared trunk; a global-max head and a Flatten → Dense → Dense head
      let c = b.conv(0, 4, 4, 5)  // 30
      let d = b.conv(c, 3, 5, 5, dilation: 3, padding: .same)
      let m = b.add(ElementwiseMerge(name: "max", operation: .maximum), c, d)
      let gmp = b.add(GlobalMaxPooling1D(name: "gmp"), m)
      let pooled = b.add(MaxPooling1D(name: "mp", poolSize: 3), m)  // 10
      let flat = b.add(Flatten(name: "flat"), pooled)
      let drop = b.add(Dropout(name: "drop", rate: 0.1), flat)
      let hidden = b.dense(drop, 50, 6, activation: .relu)
      let (first, second) = (b.dense(gmp, 5, 2), b.dense(hidden, 6, 3))
      return try b.model("two-heads", outputs: [first, second])
    default:  // "crop-away": changes at the first positions are cropped away
      let c = b.conv(0, 3, 4, 4)  // 31
      let c2 = b.conv(c, 1, 4, 4, activation: .linear)
      let sum = b.add(ElementwiseMerge(name: "avg", operation: .average), c, c2)
      let cropped = b.add(Cropping1D(name: "crop", start: 5, end: 5), sum)  // 21
      let flat = b.add(Flatten(name: "flat"), cropped)
      let logits = b.dense(flat, 21 * 4, 3)
      return try b.model("crop-away", outputs: [logits])
    }
  }

  /// One-hot input with an N (all four mutants count) and an empty position.
  static func input(length: Int, seed: UInt64) -> Tensor {
    var x = TestSupport.oneHotDNA(2, length: length, seed: seed)
    for base in 0..<4 {
      x[0, 4, base] = 0.25
      x[1, length - 1, base] = 0
    }
    return x
  }

  /// Fast and naive deltas of every head of `model` (and the profile scalar of each head),
  /// to 1e-5 of the largest delta; 0 at every observed base.
  static func expectFastEqualsNaive(
    _ model: Model, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let x = input(length: model.inputShape[0], seed: 17)
    var variants: [(String, Model)] = []
    for head in model.outputNodes.indices {
      let chosen = try model.selectingOutputHead(head)
      variants += [("\(what) head \(head)", chosen)]
      if chosen.outputShape.count > 1 {
        variants += [("\(what) head \(head) scalar", chosen.explainingProfileScalar())]
      }
    }
    for (name, variant) in variants {
      let fast = try InSilicoMutagenesis(fast: true).deltas(for: x, in: variant)
      let naive = try InSilicoMutagenesis(fast: false).deltas(for: x, in: variant)
      #expect(fast.isFast, "\(name): \(fast.note ?? "")", sourceLocation: sourceLocation)
      #expect(fast.note == nil, sourceLocation: sourceLocation)
      TestSupport.expectClose(
        fast.values, naive.values, relativeTolerance: 1e-5, "deltas of \(name)",
        sourceLocation: sourceLocation)
      TestSupport.expectClose(
        fast.outputs, naive.outputs, relativeTolerance: 1e-6, "outputs of \(name)",
        sourceLocation: sourceLocation)
      let width = variant.outputShape.count
      for i in 0..<fast.values.scalars.count where x.scalars[i / width] == 1 {
        #expect(fast.values.scalars[i] == 0, "\(name): observed base at \(i / width)")
      }
    }
  }

  @Test(arguments: structures, [UInt64(1), 2])
  func matchesNaiveISM(structure: String, seed: UInt64) throws {
    try Self.expectFastEqualsNaive(
      try Self.model(structure, seed: seed * 1_000), "\(structure) seed \(seed)")
  }

  /// Two branches joined by every merge along channels (six elementwise operations and
  /// `Concatenate`), with the branches of the graph tests' two-branch model.
  @Test(arguments: GraphNetworks.merges.filter { ($0 as? Concatenate)?.axis != 0 })
  func everyMerge(merge: any MergeLayer) throws {
    let model = try GraphNetworks.twoBranch(merge, seed: 41, activation: .relu)
    try Self.expectFastEqualsNaive(model, "two-branch \(merge.name) \(type(of: merge))")
  }

  /// The Keras BPNet and two-branch fixtures, every head and the profile scalar.
  @Test(arguments: ["bpnet_keras3", "two_branch_keras2"])
  func kerasFixtures(file: String) throws {
    let model = try Model.loadKeras(TestSupport.fixture("Graph/\(file).h5"))
    #expect(!model.isChain)
    try Self.expectFastEqualsNaive(model, file)
  }

  /// Substitutions whose change is cropped away get exactly 0, as naive ISM gives.
  @Test func croppedChangesGiveExactZero() throws {
    let model = try Self.model("crop-away", seed: 3)
    let x = Self.input(length: 33, seed: 5)
    let fast = try InSilicoMutagenesis(fast: true).deltas(for: x, in: model)
    #expect(fast.isFast)
    // The crop keeps conv outputs 5..<26; inputs 0..<5 reach only outputs 0..<5.
    for item in 0..<2 {
      for position in 0..<5 {
        for base in 0..<4 {
          for o in 0..<3 { #expect(fast.values[item, position, base, o] == 0) }
        }
      }
    }
    #expect(fast.values.scalars.contains { $0 != 0 })
  }

  /// One-position chunks give the default chunk's deltas (no mutant skipped or counted twice at
  /// chunk edges).
  @Test func chunkEdges() throws {
    let model = try Self.model("bpnet", seed: 7)
    guard case .success(let plan) = FastISMGraph.plan(for: model) else {
      Issue.record("no plan")
      return
    }
    let x = TestSupport.oneHotDNA(1, length: 33, seed: 3)
    let whole = plan.deltas(for: x).deltas
    let cache = plan.graph.cache(of: x)
    let summaries = plan.graph.summaries.map { summary in
      summary.head.summary(
        of: cache.activations[summary.source],
        length: plan.graph.windows[summary.source]?.length ?? 0,
        channels: plan.graph.windows[summary.source]?.channels ?? 0)
    }
    let width = model.outputShape.count
    var single = [Float]()
    for position in 0..<33 {
      single += plan.mutantDeltas(
        position..<(position + 1), x: x.scalars, cache: cache, summaries: summaries, width: width)
    }
    TestSupport.expectClose(
      whole, Tensor(shape: whole.shape, scalars: single), relativeTolerance: 1e-6, "chunked")
    let mutated = (0..<(33 * 4)).filter { cell in
      (0..<width).contains { whole.scalars[cell * width + $0] != 0 }
    }
    #expect(mutated.count > 33 * 2, "most substitutions move an output")
    #expect(mutated.allSatisfy { x.scalars[$0] == 0 }, "no observed base has a delta")
  }

  /// A chain with cropping and padding now takes the windowed chain path.
  @Test func chainWithCroppingAndPadding() throws {
    let model = try Model(
      name: "chain", inputShape: [33, 4],
      layers: [
        FastISMChainTests.conv("c1", 4, 4, 5, seed: 1),
        ZeroPadding1D(name: "pad", start: 1, end: 3),
        FastISMChainTests.conv("c2", 3, 5, 4, dilation: 2, padding: .same, seed: 3),
        Cropping1D(name: "crop", start: 2, end: 4), Flatten(name: "f"),
        FastISMChainTests.dense("d", 28 * 4, 3, seed: 5),
      ])
    guard case .success = FastISMChain.plan(for: model) else {
      Issue.record("no chain plan")
      return
    }
    try Self.expectFastEqualsNaive(model, "chain with cropping")
  }

  /// A graph with a layer that is not local along the sequence falls back and names it.
  @Test func saysWhyItFallsBack() throws {
    let merge = try #require(GraphNetworks.merges.first { ($0 as? Concatenate)?.axis == 0 })
    let model = try GraphNetworks.twoBranch(merge, seed: 2)
    let x = TestSupport.oneHotDNA(1, length: 8, seed: 1)
    let result = try InSilicoMutagenesis(fast: true).deltas(for: x, in: model)
    #expect(!result.isFast)
    let expected =
      "fast ISM not applicable ('merge' (Concatenate) reads the sequence but is not local along "
      + "it and its output [12, 3] is not a vector); naive ISM used"
    #expect(result.note == expected)
    #expect(InSilicoMutagenesis().fallbackNote(for: model) == expected)
    #expect(InSilicoMutagenesis().fallbackNote(for: try Self.model("bpnet", seed: 1)) == nil)
    var b = Builder(seed: 9)
    let c = b.conv(0, 3, 4, 4)
    let permuted = b.add(Permute(name: "permute", axes: [1, 0]), c)
    let flat = b.add(Flatten(name: "flat"), permuted)
    let other = b.add(GlobalMaxPooling1D(name: "gmp"), c)
    let heads = [b.dense(flat, 31 * 4, 2), b.dense(other, 4, 2)]
    let permuteModel = try b.model("permute", outputs: heads)
    #expect(
      InSilicoMutagenesis().fallbackNote(for: permuteModel)?.contains("'permute' (Permute)") == true
    )
    #expect(InSilicoMutagenesis().fallbackNote(for: try permuteModel.selectingOutputHead(1)) == nil)
  }
}
