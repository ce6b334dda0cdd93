import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The chain fixtures of `Tests/Fixtures/ONNX/` (made by `scripts/make_onnx_fixtures.py`: seeded
/// PyTorch models exported by both of PyTorch's ONNX exporters, with Captum 0.9.0 references in
/// float64, stored channels-last) loaded through ``ModelLoader`` and compared with the references.
///
/// Criteria: logits to 1e-5 of each item's largest |logit|; every map to 1e-4 of each item's
/// largest |reference value| (the criterion of `../shared/reference/README.md` §4). DeepLIFT is
/// compared under ``DeepLIFT/MaxPoolingRule/captum`` (Captum's hooks composed with its max-pool
/// rule) on every model; the default difference routing matches where the model has no windowed
/// max pooling (deepbind), and elsewhere its summation-to-delta is checked.
@Suite struct ONNXReferenceTests {
  static let fixtures = ONNXFixtures.bothExporters(["basset", "deepbind", "mnist"])

  static let methods: [(name: String, explainer: any Explainer)] =
    TestSupport.captumMethods + [
      ("deeplift", DeepLIFT(maxPooling: .captum)),
      ("gradcam", GradCAM()),
    ]

  @Test(arguments: fixtures)
  func logitsAndAttributionsMatchCaptum(fixture: (model: String, exporter: String)) throws {
    let reference = try ONNXReference(fixture.model)
    let model = try ONNXFixtures.model(fixture)
    let what = "\(fixture.model).\(fixture.exporter)"
    #expect(
      model.inputShape.dimensions == Array(reference.inputs.shape.dimensions.dropFirst()),
      "\(what) input shape")
    TestSupport.expectItemsClose(
      model.forward(reference.inputs), reference.logits, relativeTolerance: 1e-5, "\(what) logits")
    let hasWindowedMaxPooling = model.layers.contains { $0 is MaxPooling1D || $0 is MaxPooling2D }
    let routed = try DeepLIFT().attribution(
      for: reference.inputs, targets: reference.targets, in: model)
    let routedGaps = try #require(routed.conservationGap)
    #expect(routedGaps.allSatisfy { abs($0) <= 1e-5 }, "\(what) deeplift gaps \(routedGaps)")
    if !hasWindowedMaxPooling {
      TestSupport.expectItemsClose(
        routed.values, try reference.map("deeplift").reshaped(routed.values.shape),
        relativeTolerance: 1e-4, "\(what) deeplift (difference routing)")
    }
    for (name, explainer) in Self.methods {
      let ours = try explainer.attribution(
        for: reference.inputs, targets: reference.targets, in: model)
      if name == "deeplift" {
        // With a zero reference the reference is constant over every pooling window, where
        // Captum's composition conserves too.
        let gaps = try #require(ours.conservationGap)
        #expect(gaps.allSatisfy { abs($0) <= 1e-5 }, "\(what) captum deeplift gaps \(gaps)")
      }
      let expected = try reference.map(name)
      TestSupport.expectItemsClose(
        ours.values, expected.reshaped(ours.values.shape), relativeTolerance: 1e-4,
        "\(what) \(name)")
    }
    let (layerMaps, _) = try GradCAM().layerMaps(
      for: reference.inputs, targets: reference.targets, in: model)
    TestSupport.expectItemsClose(
      layerMaps, try reference.map("gradcam_layer_norelu"), relativeTolerance: 1e-4,
      "\(what) gradcam before ReLU")
    guard reference.file.exists("attributions/ism_delta") else { return }
    for fast in [true, false] {
      let ism = try InSilicoMutagenesis(fast: fast).attribution(
        for: reference.inputs, targets: reference.targets, in: model)
      TestSupport.expectItemsClose(
        ism.values, try reference.map("ism_delta"), relativeTolerance: 1e-4,
        "\(what) ism_delta (fast: \(fast))")
    }
  }

  @Test func importRecordsLayoutAndDroppedSoftmax() throws {
    let mnist = try ONNXImport(contentsOf: TestSupport.fixture("ONNX/mnist.torchscript.onnx"))
    #expect(mnist.isChannelsFirst)
    #expect(mnist.onnxInputShape == [1, 1, 28, 28])
    #expect(mnist.model.inputShape == [28, 28, 1])
    #expect(mnist.droppedSoftmax != nil)
    #expect(mnist.opset == 17)
    let basset = try ONNXImport(contentsOf: TestSupport.fixture("ONNX/basset.torchscript.onnx"))
    #expect(basset.droppedSoftmax == nil)
    #expect(basset.opset == 13)
    #expect(basset.model.inputShape == [64, 4])
    #expect(basset.model.layers.contains { $0 is BatchNormalization })
    let dynamo = try ONNXImport(contentsOf: TestSupport.fixture("ONNX/basset.dynamo.onnx"))
    #expect(dynamo.opset == 20)
    #expect(
      dynamo.model.layers.map { String(describing: type(of: $0)) }
        == basset.model.layers.map { String(describing: type(of: $0)) })
  }
}

/// One `*_reference.h5` file of `Tests/Fixtures/ONNX/`.
struct ONNXReference {
  let file: HDF5File
  let inputs: Tensor
  let targets: [Int]
  let logits: Tensor

  init(_ model: String) throws {
    file = try HDF5File(reading: TestSupport.fixture("ONNX/\(model)_reference.h5"))
    inputs = try file.readTensor("inputs")
    targets = try file.readInt64s("targets").elements.map { Int($0) }
    logits = try file.readTensor("logits")
  }

  /// A stored map.
  func map(_ name: String) throws -> Tensor { try file.readTensor("attributions/\(name)") }
}
