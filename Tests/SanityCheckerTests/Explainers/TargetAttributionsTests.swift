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

  @Test(
    "every method's multi-target maps, predictions and gaps equal one run per target, bit for bit")
  func everyMethodEqualsOneRunPerTarget() throws {
    let model = try Self.model()
    let x = TestSupport.oneHotDNA(7, length: 30, seed: 21)
    let selection = try TargetSelection(parsing: "2,0-1", outputCount: 3)
    var settings = MethodSettings()
    (settings.steps, settings.samples, settings.references) = (5, 3, 2)
    for name in MethodSettings.names {
      let explainer = try settings.explainer(name, seed: 3, key: "--method")
      let together = try explainer.attributions(for: x, selection: selection, in: model)
      #expect(together.count == 3)
      for (unit, target) in selection.indices.enumerated() {
        let alone = try explainer.attribution(
          for: x, targets: [Int](repeating: target, count: 7), in: model)
        #expect(together[unit].values == alone.values, "\(name) target \(target)")
        #expect(together[unit].predictions == alone.predictions, "\(name) target \(target)")
        #expect(together[unit].conservationGap == alone.conservationGap, "\(name) \(target)")
        #expect(together[unit].targets == alone.targets)
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
