import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ModelRandomizationTests {
  @Test func originalIsUnchangedAndSeedsReproduce() throws {
    let model = try TestSupport.denseNetwork()
    let before = model.layers.compactMap { ($0 as? Dense)?.parameters["kernel"] }
    let a = try model.randomized(layers: ["dense_2"], scheme: .fanInUniform, seed: 5)
    let b = try model.randomized(layers: ["dense_2"], scheme: .fanInUniform, seed: 5)
    let c = try model.randomized(layers: ["dense_2"], scheme: .fanInUniform, seed: 6)
    #expect(model.layers.compactMap { ($0 as? Dense)?.parameters["kernel"] } == before)
    let kernel = { (m: Model) in (m.layers[1] as? Dense)?.parameters["kernel"] }
    #expect(kernel(a) == kernel(b))
    #expect(kernel(a) != kernel(c))
    #expect(kernel(a) != kernel(model))
    #expect((a.layers[0] as? Dense)?.parameters == (model.layers[0] as? Dense)?.parameters)
  }

  @Test func fanInUniformStaysInItsBounds() throws {
    let model = try TestSupport.denseNetwork(inputs: 16, hidden: 9)
    let randomized = try model.randomized(layers: ["dense_1"], scheme: .fanInUniform, seed: 1)
    let layer = try #require(randomized.layers[0] as? Dense)
    let limit = 1 / Float(16).squareRoot()
    for key in ["kernel", "bias"] {
      let values = try #require(layer.parameters[key]).scalars
      #expect(values.allSatisfy { abs($0) <= limit })
      #expect(values.contains { abs($0) > limit / 2 })
    }
  }

  @Test func permutationKeepsTheValues() throws {
    let model = try TestSupport.denseNetwork()
    let randomized = try model.randomized(layers: ["dense_1"], scheme: .permutation, seed: 3)
    let original = try #require((model.layers[0] as? Dense)?.parameters["kernel"]).scalars
    let permuted = try #require((randomized.layers[0] as? Dense)?.parameters["kernel"]).scalars
    #expect(original.sorted() == permuted.sorted())
    #expect(original != permuted)
  }

  @Test func stagesFollowTheOrder() throws {
    let model = try TestSupport.denseNetwork()
    let cascade = model.randomizationStages(
      order: .cascadingTopDown, scheme: .uniform(low: -1, high: 1), seed: 9)
    #expect(cascade.map(\.name) == ["dense_2", "dense_1"])
    #expect(cascade.map(\.randomizedLayers) == [["dense_2"], ["dense_2", "dense_1"]])
    let bottomUp = model.randomizationStages(
      order: .bottomUp, scheme: .uniform(low: -1, high: 1), seed: 9)
    #expect(bottomUp.map(\.randomizedLayers) == [["dense_1"], ["dense_1", "dense_2"]])
    let independent = model.randomizationStages(
      order: .independent, scheme: .uniform(low: -1, high: 1), seed: 9)
    // A layer gets the same draw in the cascade and on its own.
    let cascadeTop = (cascade[1].model.layers[1] as? Dense)?.parameters
    let independentTop = (independent[1].model.layers[1] as? Dense)?.parameters
    #expect(cascadeTop == independentTop)
    #expect(
      model.randomizationStages(order: .complete, scheme: .heNormal, seed: 1).map(\.name) == ["all"]
    )
  }

  @Test func schemeNamesParse() {
    #expect(InitializationScheme(name: "uniform") == .uniform(low: -1, high: 1))
    #expect(InitializationScheme(name: "uniform:-2:2") == .uniform(low: -2, high: 2))
    #expect(InitializationScheme(name: "pytorch") == .fanInUniform)
    #expect(InitializationScheme(name: "normal:0.1") == .normal(standardDeviation: 0.1))
    #expect(InitializationScheme(name: "bogus") == nil)
    #expect(InitializationScheme(name: "normal:-1") == nil)
  }
}
