import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// Inputs, targets and stage models that do not fit a model are typed errors at every entry
/// point (explainers, ISM, checks, loading for data), never a trap inside a forward pass.
@Suite struct ModelValidationTests {
  static let explainers: [any Explainer] = [
    Saliency(), GradientTimesInput(), GuidedBackprop(), IntegratedGradients(),
    EpsilonLRPExplainer(), SmoothGrad(),
    GradCAM(), InSilicoMutagenesis(),
  ]

  /// 50-bp sequences given to a 101-bp model: every explainer refuses them with the shapes.
  @Test func wrongSequenceLengthIsAnErrorForEveryExplainer() throws {
    let model = try TestSupport.deepBindNetwork(length: 101)
    let input = TestSupport.oneHotDNA(2, length: 50, seed: 3)
    let expected = ModelError.inputShape(
      model: "deepbind-net", expected: [101, 4], actual: [50, 4])
    for explainer in Self.explainers {
      let error = try #require(throws: ModelError.self, "\(type(of: explainer))") {
        _ = try explainer.attribution(for: input, targets: [0, 0], in: model)
      }
      #expect(error == expected)
    }
    #expect(
      expected.description.contains("[101, 4]")
        && expected.description.contains("--lengths crop:101"))
    #expect(throws: expected) { _ = try InSilicoMutagenesis().deltas(for: input, in: model) }
  }

  /// 20 × 20 images given to a 28 × 28 model.
  @Test func wrongImageSizeIsAnError() throws {
    let model = try Model(
      name: "mnist", inputShape: [28, 28, 1],
      layers: [
        Flatten(name: "flatten"),
        Dense(name: "dense", kernel: TestSupport.uniform([784, 10], seed: 1), bias: nil),
      ])
    let images = TestSupport.uniform([3, 20, 20, 1], seed: 2)
    let error = try #require(throws: ModelError.self) {
      _ = try Saliency().attribution(for: images, targets: [0, 1, 2], in: model)
    }
    #expect(error == .inputShape(model: "mnist", expected: [28, 28, 1], actual: [20, 20, 1]))
    #expect(error.description.contains("images of 28×28 pixels"))
    let check = ModelRandomizationCheck(.init(seeds: [0], metrics: [SpearmanRankCorrelation()]))
    #expect(throws: ModelError.self) {
      _ = try check.run(model: model, input: images, explainers: [Saliency()])
    }
    #expect(throws: ModelError.self) {
      _ = try ClassSensitivityCheck(metrics: [SpearmanRankCorrelation()]).run(
        model: model, input: images, explainers: [Saliency()])
    }
  }

  @Test func targetsOutsideTheOutputsAreErrors() throws {
    let model = try TestSupport.denseNetwork(outputs: 2)
    let input = TestSupport.uniform([2, 6], seed: 4)
    #expect(throws: ModelError.target(model: "dense-net", target: 99, outputs: 2)) {
      _ = try Saliency().attribution(for: input, targets: [0, 99], in: model)
    }
    #expect(throws: ModelError.targetCount(model: "dense-net", targets: 1, items: 2)) {
      _ = try Saliency().attribution(for: input, targets: [0], in: model)
    }
    let check = ClassSensitivityCheck(metrics: [SpearmanRankCorrelation()], other: .unit(99))
    let error = try #require(throws: ModelError.self) {
      _ = try check.run(model: model, input: input, explainers: [Saliency()])
    }
    #expect(
      error.description.contains("target 99 is outside the 2 outputs")
        && error.description.contains("0...1"))
  }

  /// Stage models of another architecture are refused, naming the layer that differs.
  @Test func stagesOfAnotherArchitectureAreErrors() throws {
    let model = try TestSupport.denseNetwork(hidden: 5)
    let other = try TestSupport.denseNetwork(hidden: 7)
    let error = try #require(throws: ModelError.self) {
      try model.validateArchitecture(of: other, named: "stage.h5")
    }
    #expect(
      error
        == .architecture(
          model: "dense-net", other: "stage.h5", layer: "dense_1",
          difference: "gives [7], expected [5]"))
    try model.validateArchitecture(
      of: try TestSupport.denseNetwork(hidden: 5, seed: 9), named: "same.h5")
    let check = ModelRandomizationCheck(.init(seeds: [0], metrics: [SpearmanRankCorrelation()]))
    let stage = RandomizationStage(name: "stage", randomizedLayers: [], model: other)
    #expect(throws: ModelError.self) {
      _ = try check.run(
        model: model, stagesPerSeed: [("given", [stage])],
        input: TestSupport.uniform([2, 6], seed: 5), targets: nil,
        explainers: [Saliency()])
    }
  }

  /// Loading a model for data names the model file and the shapes; given the data's file, the
  /// error names it first.
  ///
  /// Sequences shorter than the convolution's window fit no length.
  @Test func loadingForDataNamesTheModelFile() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("net.h5")
    try TestSupport.deepBindNetwork(length: 101, width: 5).writeKeras(to: url)
    let data = InputData(
      inputs: TestSupport.oneHotDNA(2, length: 3, seed: 6), ids: ["a", "b"], labels: nil,
      kind: .sequences)
    let error = try #require(throws: ModelFileError.self) {
      _ = try ModelLoader.load(url, fitting: data)
    }
    #expect(error.file == url.path)
    #expect(error.description.hasPrefix("\(url.path): model '"))
    #expect(
      error.description.contains("takes inputs of shape [101, 4], but the inputs are [3, 4]"))
    let named = try #require(throws: ModelFileError.self) {
      _ = try ModelLoader.load(url, fitting: data, from: "peaks.fa")
    }
    #expect(
      named.description.hasPrefix("peaks.fa: the inputs do not fit the model \(url.path): model '"))
  }

  /// A model ending in global pooling takes the data's length when loaded for it.
  @Test func globalPoolingModelTakesTheDataLength() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("net.h5")
    let original = try TestSupport.deepBindNetwork(length: 101, width: 5)
    try original.writeKeras(to: url)
    let inputs = TestSupport.oneHotDNA(2, length: 50, seed: 6)
    let data = InputData(inputs: inputs, ids: ["a", "b"], labels: nil, kind: .sequences)
    let model = try ModelLoader.load(url, fitting: data)
    #expect(model.inputShape == [50, 4])
    #expect(model.forward(inputs) == original.adapted(toSequenceLength: 50).forward(inputs))
  }
}
