import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// `Exp`, `Softplus`, `Elu` (alpha 1) and `Gelu` (both forms) map onto the engine's activations,
/// fused into the preceding Dense; the Basset-style export's `/relu3/Relu` is replaced by each.
@Suite struct ONNXActivationTests {
  static let cases: [(op: String, approximate: String?, expected: Activation)] = [
    ("Exp", nil, .exponential), ("Softplus", nil, .softplus), ("Elu", nil, .elu),
    ("Gelu", nil, .gelu), ("Gelu", "tanh", .geluTanh),
  ]

  @Test(arguments: cases.indices)
  func activationIsFusedIntoDense(index: Int) throws {
    let (op, approximate, expected) = Self.cases[index]
    var model = try Onnx_ModelProto(
      serializedBytes: try Data(contentsOf: TestSupport.fixture("ONNX/basset.torchscript.onnx")))
    let node = try #require(model.graph.node.firstIndex { $0.name == "/relu3/Relu" })
    model.graph.node[node].opType = op
    if let approximate {
      var attribute = Onnx_AttributeProto()
      attribute.name = "approximate"
      attribute.type = .string
      attribute.s = Data(approximate.utf8)
      model.graph.node[node].attribute.append(attribute)
    }
    let folder = try TemporaryDirectory()
    let url = folder.file("activation.onnx")
    let bytes: Data = try model.serializedBytes()
    try bytes.write(to: url)
    let imported = try ONNXImport(contentsOf: url)
    let dense = try #require(imported.model.layers.first { $0.name == "/fc1/Gemm" } as? Dense)
    #expect(dense.activation == expected)
  }
}
