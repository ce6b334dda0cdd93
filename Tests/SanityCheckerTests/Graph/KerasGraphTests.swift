import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Keras functional models (Keras 3 files and their tf.keras 2.x rewrites) against Keras's own
/// outputs and JAX input gradients (`scripts/fixtures/make_graph_fixtures.py`,
/// `Tests/Fixtures/Graph/README.md`).
@Suite struct KerasGraphTests {
  /// One model's reference: input, and per head its outputs and the input gradient of unit 0
  /// summed over the batch.
  struct Reference {
    let input: Tensor
    let heads: [(name: String, outputs: Tensor, gradient: Tensor)]
  }

  static func reference(_ model: String) throws -> Reference {
    let data = try Data(contentsOf: TestSupport.fixture("Graph/reference.json"))
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let models = try #require(root["models"] as? [String: Any])
    let entry = try #require(models[model] as? [String: Any])
    let shape = Shape(try #require(entry["input_shape"] as? [Int]))
    let floats: (Any?) throws -> [Float] = { try #require($0 as? [Double]).map(Float.init) }
    let input = Tensor(shape: shape, scalars: try floats(entry["input"]))
    let heads = try #require(entry["heads"] as? [[String: Any]]).map { head in
      (
        name: try #require(head["name"] as? String),
        outputs: Tensor(
          shape: Shape(try #require(head["shape"] as? [Int])), scalars: try floats(head["outputs"])),
        gradient: Tensor(shape: shape, scalars: try floats(head["gradient_of_unit_0"]))
      )
    }
    return Reference(input: input, heads: heads)
  }

  /// Every head's outputs to 1e-5 of its largest value, and the input gradient of its first
  /// unit to 1e-4 (JAX computes it in float32), for both spellings of both models.
  @Test(arguments: ["bpnet_keras3", "bpnet_keras2", "two_branch_keras3", "two_branch_keras2"])
  func headsMatchKeras(file: String) throws {
    let model = try Model.loadKeras(TestSupport.fixture("Graph/\(file).h5"))
    let reference = try Self.reference(String(file.dropLast("_keras3".count)))
    #expect(!model.isChain)
    #expect(model.outputHeadNames == reference.heads.map(\.name))
    let outputs = model.forwardHeads(reference.input)
    for (head, expected) in reference.heads.enumerated() {
      TestSupport.expectClose(
        outputs[head].reshaped(expected.outputs.shape), expected.outputs, relativeTolerance: 1e-5,
        "\(file) \(expected.name)")
      let chosen = try model.selectingOutputHead(expected.name)
      let trace = chosen.trace(reference.input)
      let gradient = chosen.backward(
        trace, seed: chosen.targetSeed(Array(repeating: 0, count: reference.input.batchSize)),
        rule: .gradient)
      TestSupport.expectClose(
        gradient, expected.gradient, relativeTolerance: 1e-4, "\(file) ∂\(expected.name)[0]/∂x")
    }
  }

  /// The BPNet model's wiring: two residual Adds, each reading the stem's or the previous
  /// block's node twice over (directly and through the dilated convolution).
  @Test func bpnetWiring() throws {
    let model = try Model.loadKeras(TestSupport.fixture("Graph/bpnet_keras3.h5"))
    #expect(
      model.layerNames == [
        "stem", "dil2", "res2", "dil4", "res4", "profile_conv", "crop", "gap", "profile", "counts",
      ])
    #expect(model.inputNodes == [[0], [1], [1, 2], [3], [3, 4], [5], [6], [5], [7], [8]])
    #expect(model.outputNodes == [9, 10])
    #expect(model.layers[1] is Conv1D && (model.layers[1] as? Conv1D)?.dilation == 2)
  }

  /// A model with two inputs is refused, naming the file and both inputs.
  @Test func severalInputsAreRefusedByName() throws {
    let url = TestSupport.fixture("Graph/two_inputs.json")
    #expect(
      throws: ModelFileError.invalidConfiguration(
        file: url.path, location: "model_config.input_layers",
        reason: "lists 2 inputs (sequence, control); only models with one input are supported")
    ) {
      try Model.initializedKeras(architecture: url, seed: 1)
    }
  }
}
