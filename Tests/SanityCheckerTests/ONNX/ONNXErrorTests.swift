import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// Damaged and unsupported ONNX files give typed errors naming the file, the node, the operator
/// and the opset (or the tensor); none traps.
///
/// The variants are made by editing the decoded TorchScript export of the Basset-style fixture
/// (opset 13) and writing it back.
@Suite struct ONNXErrorTests {
  static let source = TestSupport.fixture("ONNX/basset.torchscript.onnx")

  /// Writes `bytes` to a fresh file and imports it.
  private func importing(_ bytes: Data, name: String = "model.onnx") throws -> (
    String, Result<ONNXImport, ONNXError>
  ) {
    let folder = try TemporaryDirectory()
    let url = folder.url.appendingPathComponent(name)
    try bytes.write(to: url)
    do throws(ONNXError) {
      return (url.path, .success(try ONNXImport(contentsOf: url)))
    } catch {
      return (url.path, .failure(error))
    }
  }

  /// The source model edited by `edit`, imported.
  private func importing(editing edit: (inout Onnx_ModelProto) throws -> Void) throws -> (
    String, Result<ONNXImport, ONNXError>
  ) {
    var model = try Onnx_ModelProto(serializedBytes: try Data(contentsOf: Self.source))
    try edit(&model)
    return try importing(try model.serializedBytes())
  }

  private func failure(
    _ result: Result<ONNXImport, ONNXError>, sourceLocation: SourceLocation = #_sourceLocation
  ) -> ONNXError? {
    guard case .failure(let error) = result else {
      Issue.record("the import succeeded", sourceLocation: sourceLocation)
      return nil
    }
    return error
  }

  @Test(arguments: [0.1, 0.5, 0.9, 0.999])
  func truncatedProtobufIsMalformed(fraction: Double) throws {
    let bytes = try Data(contentsOf: Self.source)
    let (file, result) = try importing(bytes.prefix(Int(Double(bytes.count) * fraction)))
    let error = try #require(failure(result))
    guard case .malformed(let named, _) = error else {
      Issue.record("expected .malformed, got \(error)")
      return
    }
    #expect(named == file)
    #expect(error.description.hasPrefix("\(file): not a readable ONNX model"))
  }

  @Test func bytesThatAreNotProtobufAreMalformed() throws {
    let (_, result) = try importing(Data([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00, 0x12]))
    let error = try #require(failure(result))
    if case .malformed = error {} else { Issue.record("expected .malformed, got \(error)") }
    let (_, empty) = try importing(Data())
    if case .failure(.malformed) = empty {} else { Issue.record("an empty file: \(empty)") }
  }

  @Test func unknownOperatorNamesNodeOperatorAndOpset() throws {
    let (file, result) = try importing { model in
      let index = try #require(model.graph.node.firstIndex { $0.opType == "Relu" })
      model.graph.node[index].opType = "Mish"
    }
    let error = try #require(failure(result))
    guard case .unsupportedOperator(let location, _) = error else {
      Issue.record("expected .unsupportedOperator, got \(error)")
      return
    }
    #expect(location == ONNXNodeLocation(file: file, node: "/relu1/Relu", op: "Mish", opset: 13))
    #expect(
      error.description.hasPrefix(
        "\(file): node '/relu1/Relu' (Mish, opset 13): operator 'Mish' is not supported"))
  }

  /// A convolution edited to `group = 2` imports as a ``GroupedConvolution`` of that name.
  @Test func groupedConvolutionImportsAsAGroupedLayer() throws {
    let (_, result) = try importing { model in
      let index = try #require(model.graph.node.firstIndex { $0.name == "/conv2/Conv" })
      let weightName = model.graph.node[index].input[1]
      let weight = try #require(model.graph.initializer.firstIndex { $0.name == weightName })
      // [8, 8, 5] → [8, 4, 5] with group 2: the first half of the values, a valid grouped weight.
      model.graph.initializer[weight].dims = [8, 4, 5]
      model.graph.initializer[weight].rawData = model.graph.initializer[weight].rawData.prefix(
        8 * 4 * 5 * 4)
      let group = try #require(model.graph.node[index].attribute.firstIndex { $0.name == "group" })
      model.graph.node[index].attribute[group].i = 2
    }
    guard case .success(let imported) = result else {
      Issue.record("the import failed: \(result)")
      return
    }
    let grouped = imported.model.layers.compactMap { $0 as? GroupedConvolution }
    #expect(grouped.map(\.name) == ["/conv2/Conv"])
    #expect(grouped.first?.groups == 2 && grouped.first?.kernelShape == [5, 4, 8])
  }

  /// `ConvTranspose` with an `output_shape` attribute is refused naming the node and setting.
  @Test func transposedConvolutionOutputShapeIsRefusedByName() throws {
    var model = try Onnx_ModelProto(
      serializedBytes: try Data(
        contentsOf: TestSupport.fixture("ONNX/upsample.torchscript.onnx")))
    let index = try #require(model.graph.node.firstIndex { $0.opType == "ConvTranspose" })
    var attribute = Onnx_AttributeProto()
    attribute.name = "output_shape"
    attribute.type = .ints
    attribute.ints = [64]
    model.graph.node[index].attribute.append(attribute)
    let (file, result) = try importing(try model.serializedBytes())
    let error = try #require(failure(result))
    guard case .unsupportedSetting(let location, let setting, _, _) = error else {
      Issue.record("expected .unsupportedSetting, got \(error)")
      return
    }
    #expect(
      location
        == ONNXNodeLocation(file: file, node: "/up/ConvTranspose", op: "ConvTranspose", opset: 18))
    #expect(setting == "output_shape")
  }

  @Test func symbolicLengthIsNotStatic() throws {
    let (file, result) = try importing { model in
      model.graph.input[0].type.tensorType.shape.dim[2].dimParam = "length"
    }
    let error = try #require(failure(result))
    #expect(error == .nonStaticShape(file: file, tensor: "input", shape: "[batch, 4, length]"))
  }

  @Test func unknownTensorIsNamed() throws {
    let (file, result) = try importing { model in
      model.graph.node[1].input[0] = "nowhere"
    }
    let error = try #require(failure(result))
    guard case .unknownTensor(let location, let tensor) = error else {
      Issue.record("expected .unknownTensor, got \(error)")
      return
    }
    #expect(location.file == file && location.node == "/relu1/Relu" && tensor == "nowhere")
  }

  @Test func opsetOutsideTheSupportedRangeIsRefused() throws {
    let (file, result) = try importing { model in
      model.opsetImport[0].version = 9
    }
    #expect(failure(result) == .unsupportedOpset(file: file, version: 9, supported: 13...21))
  }

  @Test func initializerWithTooFewBytesNamesTheTensor() throws {
    var name = ""
    let (file, result) = try importing { model in
      name = model.graph.initializer[0].name
      model.graph.initializer[0].rawData = model.graph.initializer[0].rawData.prefix(12)
    }
    let error = try #require(failure(result))
    guard case .invalidTensor(let named, let tensor, _) = error else {
      Issue.record("expected .invalidTensor, got \(error)")
      return
    }
    #expect(named == file && !name.isEmpty && tensor == name)
  }

  @Test func initializerOverTheBudgetIsRefusedBeforeAllocating() throws {
    let (file, result) = try importing { model in
      model.graph.initializer[0].dims = [1 << 30, 1 << 20]
    }
    let error = try #require(failure(result))
    guard case .exceedsBudget(let named, _) = error else {
      Issue.record("expected .exceedsBudget, got \(error)")
      return
    }
    #expect(named == file)
  }

  /// The residual fixture, edited by `edit`, imported.
  private func importingResidual(editing edit: (inout Onnx_ModelProto) throws -> Void) throws -> (
    String, Result<ONNXImport, ONNXError>
  ) {
    let url = TestSupport.fixture("ONNX/bpnet.torchscript.onnx")
    var model = try Onnx_ModelProto(serializedBytes: try Data(contentsOf: url))
    try edit(&model)
    return try importing(try model.serializedBytes())
  }

  /// A merge of computed tensors the engine has no layer for names the node and the operator.
  @Test func unsupportedMergeNamesTheNode() throws {
    let (file, result) = try importingResidual { model in
      let index = try #require(model.graph.node.firstIndex { $0.name == "/Add" })
      model.graph.node[index].opType = "Div"
    }
    let error = try #require(failure(result))
    guard case .unsupportedOperator(let location, let reason) = error else {
      Issue.record("expected .unsupportedOperator, got \(error)")
      return
    }
    #expect(location.file == file && location.node == "/Add" && location.op == "Div")
    #expect(reason.contains("Div of computed tensors"))
  }

  /// A `Slice` with a step other than ±1 (the profile head's crop, made strided) is refused.
  @Test func stridedSliceNamesTheNode() throws {
    let (file, result) = try importingResidual { model in
      let slice = try #require(model.graph.node.first { $0.opType == "Slice" })
      let steps = try #require(model.graph.node.firstIndex { $0.output == [slice.input[4]] })
      var value = model.graph.node[steps].attribute[0].t
      value.rawData = Data([2, 0, 0, 0, 0, 0, 0, 0])
      model.graph.node[steps].attribute[0].t = value
    }
    let error = try #require(failure(result))
    guard case .unsupportedSetting(let location, let setting, _, _) = error else {
      Issue.record("expected .unsupportedSetting, got \(error)")
      return
    }
    #expect(location.file == file && location.op == "Slice" && setting == "steps")
  }
}
