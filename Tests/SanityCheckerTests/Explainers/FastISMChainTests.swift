import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// The windowed fast ISM against naive ISM over a grid of seeded random chain models: kernel
/// sizes, strides, dilations, valid/same padding, max/average pooling, batch normalization,
/// `Flatten → Dense` and global pooling heads, several outputs.
@Suite struct FastISMChainTests {
  static func conv(
    _ name: String, _ taps: Int, _ inputs: Int, _ filters: Int, stride: Int = 1, dilation: Int = 1,
    padding: Padding = .valid, activation: Activation = .relu, seed: UInt64
  ) -> Conv1D {
    Conv1D(
      name: name, kernel: TestSupport.uniform([taps, inputs, filters], seed: seed),
      bias: TestSupport.uniform([filters], seed: seed + 1, low: -0.2, high: 0.2), stride: stride,
      padding: padding,
      dilation: dilation, activation: activation)
  }

  static func dense(
    _ name: String, _ inputs: Int, _ outputs: Int, activation: Activation = .linear, seed: UInt64
  ) -> Dense {
    Dense(
      name: name, kernel: TestSupport.uniform([inputs, outputs], seed: seed, low: -0.5, high: 0.5),
      bias: TestSupport.uniform([outputs], seed: seed + 1, low: -0.1, high: 0.1),
      activation: activation)
  }

  static func batchNorm(_ channels: Int, seed: UInt64) -> BatchNormalization {
    BatchNormalization(
      name: "bn", gamma: TestSupport.uniform([channels], seed: seed, low: 0.5, high: 1.5),
      beta: TestSupport.uniform([channels], seed: seed + 1),
      movingMean: TestSupport.uniform([channels], seed: seed + 2),
      movingVariance: TestSupport.uniform([channels], seed: seed + 3, low: 0.5, high: 2))
  }

  /// The grid's models on `[37, 4]`, each ending in 3 outputs; shapes follow from the layers.
  static func model(_ index: Int) throws -> Model {
    let seed = UInt64(index * 100)
    let layers: [any Layer]
    switch index {
    case 0:  // same conv, strided same max pool, dilated valid conv, average pool, Flatten → Dense
      layers = [
        conv("c1", 5, 4, 6, padding: .same, seed: seed),
        MaxPooling1D(name: "p1", poolSize: 3, stride: 2, padding: .same),
        conv("c2", 3, 6, 5, dilation: 2, seed: seed + 2), AveragePooling1D(name: "p2", poolSize: 2),
        Flatten(name: "f"), dense("d1", 7 * 5, 7, activation: .relu, seed: seed + 4),
        dense("d2", 7, 3, seed: seed + 6),
      ]
    case 1:  // strided conv, batch norm, tanh, same conv, global max
      layers = [
        conv("c1", 4, 4, 6, stride: 2, seed: seed), batchNorm(6, seed: seed + 2),
        ActivationLayer(name: "a", activation: .tanh),
        conv("c2", 3, 6, 8, padding: .same, activation: .linear, seed: seed + 6),
        GlobalMaxPooling1D(name: "g"), dense("d", 8, 3, seed: seed + 8),
      ]
    case 2:  // dropout, overlapping max pool, strided same conv, global average
      layers = [
        conv("c1", 3, 4, 5, seed: seed), Dropout(name: "drop", rate: 0.2),
        MaxPooling1D(name: "p", poolSize: 3, stride: 2),
        conv("c2", 5, 5, 9, stride: 3, padding: .same, seed: seed + 2),
        GlobalAveragePooling1D(name: "g"),
        dense("d", 9, 3, activation: .sigmoid, seed: seed + 4),
      ]
    case 3:  // Flatten → Dense on the input itself
      layers = [
        Flatten(name: "f"), dense("d1", 37 * 4, 6, activation: .relu, seed: seed),
        dense("d2", 6, 3, seed: seed + 2),
      ]
    case 4:  // a DeepSEA-like stack: valid convs, max pools of 4, Flatten → Dense → Dense
      layers = [
        conv("c1", 4, 4, 8, seed: seed), MaxPooling1D(name: "p1", poolSize: 2),
        conv("c2", 4, 8, 10, seed: seed + 2),
        MaxPooling1D(name: "p2", poolSize: 2, padding: .same),
        conv("c3", 2, 10, 12, dilation: 2, seed: seed + 4),
        Flatten(name: "f"), dense("d1", 5 * 12, 9, activation: .relu, seed: seed + 6),
        dense("d2", 9, 3, seed: seed + 8),
      ]
    default:  // a single conv to a global max with a linear activation, same padding, stride 2
      layers = [
        conv("c1", 6, 4, 7, stride: 2, padding: .same, activation: .linear, seed: seed),
        ActivationLayer(name: "relu", activation: .relu), GlobalMaxPooling1D(name: "g"),
        dense("d", 7, 3, seed: seed + 2),
      ]
    }
    return try Model(name: "chain-\(index)", inputShape: [37, 4], layers: layers)
  }

  /// Tolerance 1e-5 of the largest delta: both paths sum the same float terms in another order.
  @Test(arguments: 0..<6)
  func matchesNaiveISM(index: Int) throws {
    let model = try Self.model(index)
    guard case .success = FastISMChain.plan(for: model.explained(.logit)) else {
      Issue.record("chain \(index) has no windowed plan")
      return
    }
    var x = TestSupport.oneHotDNA(3, length: 37, seed: UInt64(index) + 11)
    for base in 0..<4 {
      x[0, 4, base] = 0.25  // an N: all four mutants count
      x[1, 36, base] = 0  // an empty position at the end
    }
    let fast = try InSilicoMutagenesis(fast: true).deltas(for: x, in: model)
    let naive = try InSilicoMutagenesis(fast: false).deltas(for: x, in: model)
    #expect(fast.isFast && fast.note == nil)
    #expect(fast.values.shape == [3, 37, 4, 3])
    TestSupport.expectClose(
      fast.values, naive.values, relativeTolerance: 1e-5, "deltas of chain \(index)")
    TestSupport.expectClose(
      fast.outputs, naive.outputs, relativeTolerance: 1e-6, "outputs of chain \(index)")
    for i in 0..<fast.values.scalars.count where x.scalars[i / 3] == 1 {
      #expect(fast.values.scalars[i] == 0, "observed base at \(i / 3)")
    }
  }

  /// A one-position chunk and the default chunk give the same deltas (no mutant skipped or
  /// counted twice at chunk edges).
  @Test func chunkEdges() throws {
    let model = try Self.model(4).explained(.logit)
    guard case .success(let plan) = FastISMChain.plan(for: model) else {
      Issue.record("no plan")
      return
    }
    let x = TestSupport.oneHotDNA(1, length: 37, seed: 3)
    let whole = plan.deltas(for: x).deltas
    let cache = plan.chain.cache(of: x)
    let summary = plan.chain.head.summary(
      of: cache.headInput, length: plan.chain.headLength, channels: plan.chain.headChannels)
    var single = [Float]()
    for position in 0..<37 {
      single += plan.mutantDeltas(
        position..<(position + 1), x: x.scalars, cache: cache, summary: summary, width: 3)
    }
    TestSupport.expectClose(
      whole, Tensor(shape: whole.shape, scalars: single), relativeTolerance: 1e-6, "chunked")
  }

  /// Models the windowed path cannot update say why.
  @Test func saysWhyItFallsBack() throws {
    let model = try Model(
      name: "per-position", inputShape: [12, 4], layers: [Self.conv("c", 3, 4, 2, seed: 1)])
    let result = try InSilicoMutagenesis(fast: true).deltas(
      for: TestSupport.oneHotDNA(1, length: 12, seed: 1), in: model)
    #expect(!result.isFast)
    #expect(result.note?.contains("no pooling or dense layer follows the local layers") == true)
    #expect(InSilicoMutagenesis().fallbackNote(for: model) == result.note)
    #expect(InSilicoMutagenesis().fallbackNote(for: try Self.model(0)) == nil)
  }

  /// The peers' folder: `$SANITY_PEERS_DIR`, else `../shared/peers`.
  static let peers: URL = {
    if let path = ProcessInfo.processInfo.environment["SANITY_PEERS_DIR"] {
      return URL(fileURLWithPath: path)
    }
    return TestSupport.sharedRoot.appendingPathComponent("peers")
  }()

  static var hasDeepSEAGolden: Bool {
    ["deepsea_like.h5", "deepsea_like.fa", "deepsea_like_reference.h5"].allSatisfy {
      FileManager.default.fileExists(atPath: peers.appendingPathComponent("golden/\($0)").path)
    }
  }

  /// The DeepSEA-shaped model from `bench_deepsea.py`: fast ISM of sequence 0 equals torch's
  /// float32 plain ISM for target 0 within 1e-4 of its largest delta.
  @Test(
    .enabled(
      if: hasDeepSEAGolden,
      "needs golden/deepsea_like*.{h5,fa} from bench_deepsea.py in $SANITY_PEERS_DIR"))
  func deepSEAReference() throws {
    let golden = Self.peers.appendingPathComponent("golden")
    let model = try ModelLoader.load(golden.appendingPathComponent("deepsea_like.h5"))
    let data = try InputData.load(golden.appendingPathComponent("deepsea_like.fa")).prefix(1)
    let reference = try HDF5File(
      reading: golden.appendingPathComponent("deepsea_like_reference.h5")
    ).readTensor("ism_delta")
    let attribution = try InSilicoMutagenesis(fast: true).attribution(
      for: data.inputs, targets: [0], in: model)
    TestSupport.expectClose(
      attribution.values, reference.reshaped(attribution.values.shape), relativeTolerance: 1e-4,
      "DeepSEA ISM")
  }
}
