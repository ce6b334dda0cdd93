import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The graph fixtures of `Tests/Fixtures/ONNX/` (made by `scripts/make_onnx_fixtures.py`): the
/// BPNet-style residual model (two `Add` merges, a profile head cropped by `Slice`, a counts
/// head after `ReduceMean`) and the reverse-complement model (a `Slice` flip, one trunk called
/// twice, `Add` then `Mul` by 0.5), each from both of PyTorch's exporters, against Captum 0.9.0
/// in float64.
///
/// Criteria as for the chains: logits to 1e-5 of each item's largest |logit|, maps to 1e-4 of
/// each item's largest |reference value|. The references explain the counts head of `bpnet`.
/// The `upsample` model adds depthwise and grouped convolutions, `ConvTranspose`, `Gather` of a
/// channel and of a position, and `ReduceSum`/`ReduceMean` at opsets 18 and 20.
/// ε-LRP has no Captum map; with ε → 0 on these ReLU networks of linear layers, sums, crops,
/// max selections and proportional average pooling it equals Gradient × Input (at every layer
/// `R = a ⊙ ∂f/∂a`), so it is checked against `input_x_gradient`.
@Suite struct ONNXGraphReferenceTests {
  static let fixtures = ONNXFixtures.bothExporters(["bpnet", "rc", "upsample"])

  static let methods: [(name: String, explainer: any Explainer)] =
    TestSupport.captumMethods + [
      ("input_x_gradient", EpsilonLRPExplainer(epsilon: 1e-9, averagePooling: .proportional)),
      ("deeplift", DeepLIFT()),
      ("ism_delta", InSilicoMutagenesis(fast: false)),
    ]

  @Test(arguments: fixtures)
  func logitsAndAttributionsMatchCaptum(fixture: (model: String, exporter: String)) throws {
    let reference = try ONNXReference(fixture.model)
    let model = try ONNXFixtures.model(fixture)
    let what = "\(fixture.model).\(fixture.exporter)"
    #expect(!model.isChain, "\(what) is a graph")
    TestSupport.expectItemsClose(
      model.forward(reference.inputs), reference.logits, relativeTolerance: 1e-5, "\(what) logits")
    for (name, explainer) in Self.methods where reference.file.exists("attributions/\(name)") {
      let ours = try explainer.attribution(
        for: reference.inputs, targets: reference.targets, in: model)
      let expected = try reference.map(name).reshaped(ours.values.shape)
      let label = "\(what) \(Swift.type(of: explainer).identifier) vs \(name)"
      if name == "ism_delta" {
        Self.expectISMClose(ours.values, expected, logits: reference.logits, label)
      } else {
        TestSupport.expectItemsClose(ours.values, expected, relativeTolerance: 1e-4, label)
      }
    }
  }

  /// ISM deltas within 1e-4 of each item's largest |delta|, or 8 Float ulps of the item's
  /// largest |logit|, whichever is larger: a delta is the difference of two Float forward
  /// passes, so its error is a few ulps of the logit however small the delta is (the
  /// `upsample` logits are ≈ 2.9 and its deltas ≈ 0.006, below what 1e-4 of them can resolve).
  static func expectISMClose(
    _ actual: Tensor, _ expected: Tensor, logits: Tensor, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let items = actual.shape[0]
    let (width, classes) = (actual.shape.count / items, logits.shape.count / items)
    for item in 0..<items {
      let range = (item * width)..<((item + 1) * width)
      let largest = expected.scalars[range].map(abs).max() ?? 0
      let logit = logits.scalars[(item * classes)..<((item + 1) * classes)].map(abs).max() ?? 0
      let bound = max(1e-4 * largest, 8 * logit.ulp)
      let worst =
        range.max {
          abs(actual.scalars[$0] - expected.scalars[$0])
            < abs(actual.scalars[$1] - expected.scalars[$1])
        } ?? range.lowerBound
      let difference = abs(actual.scalars[worst] - expected.scalars[worst])
      #expect(
        difference <= bound,
        "\(what): item \(item) index \(worst - range.lowerBound): |difference| \(difference) > \(bound)",
        sourceLocation: sourceLocation)
    }
  }

  /// Both heads of the residual model: the profile head (first in the file) and the counts head.
  @Test(arguments: ["torchscript", "dynamo"])
  func residualHeadsMatchPyTorch(exporter: String) throws {
    let reference = try ONNXReference("bpnet")
    let model = try ONNXFixtures.model((model: "bpnet", exporter: exporter))
    #expect(model.outputNodes.count == 2 && model.outputHead == 1)
    let heads = model.forwardHeads(reference.inputs)
    TestSupport.expectItemsClose(
      heads[0], try reference.file.readTensor("profile_logits"), relativeTolerance: 1e-5,
      "bpnet.\(exporter) profile head")
    TestSupport.expectItemsClose(
      heads[1], reference.logits, relativeTolerance: 1e-5, "bpnet.\(exporter) counts head")
    #expect(model.layers.contains { $0 is Cropping1D })
    #expect(model.layers.filter { $0 is ElementwiseMerge }.count == 2)
  }

  /// Grad-CAM on the named layer of the residual trunk (the ReLU after the second dilated
  /// convolution, fused into it), before and after the ReLU and the upsampling.
  @Test(arguments: [("torchscript", "/dil2/Conv"), ("dynamo", "node_conv1d_2")])
  func gradCAMOnANamedLayerMatchesCaptum(exporter: String, layer: String) throws {
    let reference = try ONNXReference("bpnet")
    let model = try ONNXFixtures.model((model: "bpnet", exporter: exporter))
    let gradCAM = GradCAM(layer: layer)
    let (layerMaps, _) = try gradCAM.layerMaps(
      for: reference.inputs, targets: reference.targets, in: model)
    TestSupport.expectItemsClose(
      layerMaps, try reference.map("gradcam_layer_norelu"), relativeTolerance: 1e-4,
      "bpnet.\(exporter) gradcam before ReLU")
    let maps = try gradCAM.attribution(for: reference.inputs, targets: reference.targets, in: model)
    TestSupport.expectItemsClose(
      maps.values, try reference.map("gradcam").reshaped(maps.values.shape),
      relativeTolerance: 1e-4, "bpnet.\(exporter) gradcam")
  }

  /// The reverse-complement model: one `Reverse` of length and channels, two copies of the
  /// trunk, and the `Add` + `Mul` by 0.5 lowered into one average.
  @Test(arguments: ["torchscript", "dynamo"])
  func reverseComplementBranchesAreAveraged(exporter: String) throws {
    let model = try ONNXFixtures.model((model: "rc", exporter: exporter))
    let reversals = model.layers.compactMap { $0 as? Reverse }
    #expect(reversals.map(\.axes) == [[0, 1]])
    let merges = model.layers.compactMap { $0 as? ElementwiseMerge }
    #expect(merges.map(\.operation) == [.average])
    #expect(model.layers.filter { $0 is Conv1D }.count == 2)
  }

  /// Cascading randomization of the residual model names its stages from the heads back to the
  /// input, in reverse graph order (the counts head, the profile convolution, then the trunk).
  @Test func randomizationStagesFollowTheResidualGraph() throws {
    let model = try ONNXFixtures.model((model: "bpnet", exporter: "torchscript"))
    let stages = model.randomizationStages(
      order: .cascadingTopDown, scheme: .normal(standardDeviation: 0.1), seed: 3)
    #expect(
      stages.map(\.name) == [
        "/counts/Gemm", "/profile/Conv", "/dil2/Conv", "/dil1/Conv", "/stem/Conv",
      ])
    #expect(stages.last?.randomizedLayers.count == 5)
    let x = try ONNXReference("bpnet").inputs
    for stage in stages {
      #expect(stage.model.outputNodes == model.outputNodes)
      #expect(stage.model.forward(x) != model.forward(x), "\(stage.name) changes the counts head")
    }
  }

  /// The upsampling model's layers and both heads: the logits (explained) and `x[:, 0]` of the
  /// transposed convolution's output.
  @Test(arguments: ["torchscript", "dynamo"])
  func upsamplingHeadsMatchPyTorch(exporter: String) throws {
    let reference = try ONNXReference("upsample")
    let model = try ONNXFixtures.model((model: "upsample", exporter: exporter))
    let heads = model.forwardHeads(reference.inputs)
    #expect(heads.count == 2)
    TestSupport.expectItemsClose(
      heads[0], reference.logits, relativeTolerance: 1e-5, "upsample.\(exporter) logits")
    TestSupport.expectItemsClose(
      heads[1], try reference.file.readTensor("profile_logits"), relativeTolerance: 1e-5,
      "upsample.\(exporter) profile head")
    #expect(model.layers.compactMap { ($0 as? GroupedConvolution)?.groups } == [8, 2])
    let transposed = model.layers.compactMap { $0 as? TransposedConvolution1D }
    #expect(transposed.count == 1 && transposed.first?.activation == .relu)
    #expect(
      transposed.first.map { ($0.stride, $0.dilation, $0.cropStart, $0.outputPadding) } ?? (
        0, 0, 0, 0
      ) == (2, 2, 1, 1))
    #expect(model.layers.filter { $0 is GlobalSumPooling }.count == 1)
    #expect(
      model.layers.compactMap { $0 as? Gather }.map { "\($0.axis) \($0.indices) \($0.keepsAxis)" }
        .sorted() == ["0 [32] false", "1 [0] false"])
  }

  /// Grad-CAM on the grouped convolution (its ReLU fused into it) matches Captum's
  /// `LayerGradCam` on `relu2`.
  @Test(arguments: [("torchscript", "/grouped/Conv"), ("dynamo", "node_conv1d_2")])
  func gradCAMOnTheGroupedLayerMatchesCaptum(exporter: String, layer: String) throws {
    let reference = try ONNXReference("upsample")
    let model = try ONNXFixtures.model((model: "upsample", exporter: exporter))
    let gradCAM = GradCAM(layer: layer)
    let (layerMaps, _) = try gradCAM.layerMaps(
      for: reference.inputs, targets: reference.targets, in: model)
    TestSupport.expectItemsClose(
      layerMaps, try reference.map("gradcam_layer_norelu"), relativeTolerance: 1e-4,
      "upsample.\(exporter) gradcam before ReLU")
  }
}
