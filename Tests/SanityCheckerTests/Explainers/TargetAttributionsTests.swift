@testable import SanityChecker
import SanityTestSupport
import Testing

/// Several targets in one call: each target's maps equal a run at that target alone.
@Suite("Several targets per call")
struct TargetAttributionsTests {
  /// A DeepBind-shaped model with three outputs, 30 bp.
  static func model() throws -> Model {
    try TestSupport.deepBindNetwork(
      length: 30, filters: 6, width: 5, hidden: 7, outputs: 3, seed: 4)
  }

  /// A chain whose first layer is affine but not followed by global max pooling (IG's
  /// pre-activation path): Conv1D (relu) → MaxPooling1D → Flatten → Dense with eight outputs.
  static func pooledChain(length: Int = 30, outputs: Int = 8, seed: UInt64 = 5) throws -> Model {
    let pooled = (length - 4) / 2
    return try Model(
      name: "pooled-chain", inputShape: [length, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: TestSupport.uniform([5, 4, 6], seed: seed),
          bias: TestSupport.uniform([6], seed: seed + 1, low: -0.2, high: 0.2), activation: .relu),
        MaxPooling1D(name: "max_pooling1d_1", poolSize: 2),
        Flatten(name: "flatten_1"),
        Dense(
          name: "dense_1", kernel: TestSupport.uniform([pooled * 6, outputs], seed: seed + 2),
          bias: TestSupport.uniform([outputs], seed: seed + 3, low: -0.2, high: 0.2)),
      ])
  }

  /// A chain whose first layer is not affine (IG's general path, no Grad-CAM layer).
  static func flattenedChain() throws -> Model {
    try Model(
      name: "flattened-chain", inputShape: [30, 4],
      layers: [
        Flatten(name: "flatten_1"),
        Dense(
          name: "dense_1", kernel: TestSupport.uniform([120, 9], seed: 41),
          bias: TestSupport.uniform([9], seed: 42, low: -0.2, high: 0.2), activation: .relu),
        Dense(
          name: "dense_2", kernel: TestSupport.uniform([9, 3], seed: 43),
          bias: TestSupport.uniform([3], seed: 44, low: -0.2, high: 0.2)),
      ])
  }

  @Test(
    "every method's multi-target maps, predictions and gaps equal one run per target, bit for bit",
    arguments: ["deepbind", "pooled", "flattened"], ["zeros", "shuffle:2"])
  func everyMethodEqualsOneRunPerTarget(modelName: String, baseline: String) throws {
    let model =
      switch modelName {
      case "deepbind": try Self.model()
      case "pooled": try Self.pooledChain(outputs: 3)
      default: try Self.flattenedChain()
      }
    let x = TestSupport.oneHotDNA(7, length: 30, seed: 21)
    let selection = try TargetSelection(parsing: "2,0-1", outputCount: 3)
    var settings = MethodSettings()
    (settings.steps, settings.samples, settings.references) = (5, 3, 2)
    settings.baseline = baseline
    for name in MethodSettings.names {
      let explainer = try settings.explainer(name, seed: 3, key: "--method")
        .numberingItems(from: 11)
      let firstTarget = [Int](repeating: selection.indices[0], count: 7)
      guard (try? explainer.attribution(for: x, targets: firstTarget, in: model)) != nil else {
        // Grad-CAM on a model without a spatial layer: refused at several targets too.
        #expect(throws: (any Error).self, "\(name) on \(modelName)") {
          try explainer.attributions(for: x, selection: selection, in: model)
        }
        continue
      }
      let together = try explainer.attributions(for: x, selection: selection, in: model)
      #expect(together.count == 3)
      for (unit, target) in selection.indices.enumerated() {
        let alone = try explainer.attribution(
          for: x, targets: [Int](repeating: target, count: 7), in: model)
        let label = "\(name) on \(modelName), \(baseline), target \(target)"
        #expect(together[unit].values == alone.values, "\(label)")
        #expect(together[unit].predictions == alone.predictions, "\(label)")
        #expect(together[unit].conservationGap == alone.conservationGap, "\(label)")
        #expect(together[unit].targets == alone.targets)
        #expect(together[unit].method == alone.method, "\(label)")
      }
      let stacked = try explainer.targetAttributions(for: x, selection: selection, in: model)
      #expect(stacked.values.shape.dimensions.last == 3)
      #expect(stacked.predictions.shape == [7, 3])
      let width = together[1].values.itemCount
      // Item 4's cell 5 of target 0 (the second unit) sits at [4, …, 1] of the stack.
      #expect(
        stacked.values.scalars[(4 * width + 5) * 3 + 1] == together[1].values.scalars[4 * width + 5]
      )
    }
  }

  @Test("shared passes give each unit its own map for the methods that now share them")
  func sharedMethodsDifferBetweenTargets() throws {
    let model = try Self.pooledChain()
    let x = TestSupport.oneHotDNA(5, length: 30, seed: 24)
    let selection = try TargetSelection(indices: [7, 0, 3], outputCount: 8)
    let explainers: [any Explainer] = [
      IntegratedGradients(steps: 4), SmoothGrad(samples: 2, seed: 1), DeepLIFT(),
      DeepSHAP(referenceCount: 2), GradCAM(),
    ]
    for explainer in explainers {
      let maps = try explainer.attributions(for: x, selection: selection, in: model)
      #expect(maps[0].values != maps[1].values, "\(type(of: explainer).identifier)")
      #expect(maps[1].values != maps[2].values, "\(type(of: explainer).identifier)")
    }
  }

  @Test("shared-trace methods differ between targets, so the equality above is not vacuous")
  func targetsDiffer() throws {
    let model = try Self.model()
    let x = TestSupport.oneHotDNA(4, length: 30, seed: 22)
    let selection = try TargetSelection(indices: [0, 1, 2], outputCount: 3)
    let maps = try Saliency().attributions(for: x, selection: selection, in: model)
    #expect(maps[0].values != maps[1].values && maps[1].values != maps[2].values)
  }

  @Test("a unit outside the outputs is a model error before any work")
  func outOfRangeUnit() throws {
    let model = try Self.model()
    let x = TestSupport.oneHotDNA(2, length: 30, seed: 23)
    let selection = try TargetSelection(indices: [0, 5], outputCount: 6)
    #expect(throws: ModelError.self) {
      try Saliency().attributions(for: x, selection: selection, in: model)
    }
  }
}
