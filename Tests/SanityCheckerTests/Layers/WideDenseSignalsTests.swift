@testable import SanityChecker
import SanityTestSupport
import Testing

/// ``WideDenseForward/inputSignals(_:units:rule:)`` against the chunk-by-chunk trace and
/// backward pass it replaces, bit for bit.
@Suite struct WideDenseSignalsTests {
  /// Per unit, the chunked signals and outputs: ``Model/trace(_:)`` and
  /// ``Model/backward(_:seed:rule:stoppingAt:)`` one ``Model/chunkSize`` chunk at a time.
  static func chunked(_ model: Model, _ input: Tensor, units: [[Int]], rule: BackwardRule)
    -> [(signal: [Float], outputs: [Float])]
  {
    var results = units.map { _ in (signal: [Float](), outputs: [Float]()) }
    for start in stride(from: 0, to: input.batchSize, by: model.chunkSize) {
      let items = start..<min(input.batchSize, start + model.chunkSize)
      let trace = model.trace(input.items(items))
      for (unit, targets) in units.enumerated() {
        let chunkTargets = Array(targets[items])
        let signal = model.backward(trace, seed: model.targetSeed(chunkTargets), rule: rule)
        results[unit].signal += signal.scalars
        results[unit].outputs += model.values(of: trace.output, at: chunkTargets)
      }
    }
    return results
  }

  @Test(arguments: [(1, 64 << 20), (2, 64 << 20), (3, 1 << 30), (2, 1 << 30)])
  func signalsMatchChunkedPass(threads: Int, budget: Int) throws {
    guard GEMMKernel.preferred != .openBLAS else { return }
    let model = try WideDenseForwardTests.convolutionChain()
    let wide = try #require(WideDenseForward(model: model))
    let input = TestSupport.uniform([61, 1028, 8], seed: 21)
    let units = [(0..<61).map { $0 % 5 }, [Int](repeating: 3, count: 61)]
    for rule in [BackwardRule.gradient, .guidedBackprop, .deconvNet] {
      let signals = try MemoryBudget.$scoped.withValue(try MemoryBudget(bytes: budget)) {
        Parallel.$scopedThreadCount.withValue(threads) {
          wide.inputSignals(input, units: units, rule: rule)
        }
      }
      let expected = Self.chunked(model, input, units: units, rule: rule)
      #expect(signals.count == 2)
      for (result, reference) in zip(signals, expected) {
        #expect(result.signal.shape == [61, 1028, 8])
        #expect(result.signal.scalars == reference.signal)
        #expect(result.outputs == reference.outputs)
      }
      #expect(signals[0].signal.scalars != signals[1].signal.scalars)
    }
  }

  /// The explainers take the block pass for gradient rules and give the chunked maps; ε-LRP
  /// keeps the chunks.
  @Test func explainersTakeBlockPassForGradientRules() throws {
    guard GEMMKernel.preferred != .openBLAS else { return }
    let model = try WideDenseForwardTests.convolutionChain()
    let input = TestSupport.uniform([30, 1028, 8], seed: 22)
    let targets = (0..<30).map { ($0 * 3) % 5 }
    let explained = model.explained(.logit)
    let saliency = try Saliency().attribution(for: input, targets: targets, in: model)
    let reference = Self.chunked(explained, input, units: [targets], rule: .gradient)[0]
    #expect(saliency.values.scalars == reference.signal)
    #expect(saliency.predictions == reference.outputs)
    let units = try Saliency().attributions(
      for: input, selection: TargetSelection(indices: [1, 4], outputCount: 5), in: model)
    for (attribution, unit) in zip(units, [1, 4]) {
      let expected = Self.chunked(
        explained, input, units: [[Int](repeating: unit, count: 30)], rule: .gradient)[0]
      #expect(attribution.values.scalars == expected.signal)
    }
    #expect(WideDenseForward.handles(.guidedBackprop))
    #expect(!WideDenseForward.handles(.epsilonLRP(epsilon: 0.01)))
  }
}
