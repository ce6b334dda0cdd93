import Foundation
import SwiftProtobuf

/// An ONNX model read, constant-folded and shape-inferred: the computed input, the operations
/// that compute on it (each with named inputs and a static output shape) and the outputs.
///
/// Reading goes parse → constant-fold → shape-infer in one pass over the nodes in file order
/// (ONNX requires topological order), skipping nodes no output depends on: initializers and `Constant` nodes are constants; a node
/// whose inputs are all constant is evaluated (``ONNXConstantFolding``), `Shape` of a computed
/// tensor becomes its static shape; every other node becomes an ``ONNXOperation``
/// (``ONNXShapeInference``). The result describes any graph; ``ONNXLowering`` maps it onto
/// the engine.
struct ONNXGraph: Sendable {
  /// The opsets of the default domain SanityChecker reads.
  static let supportedOpsets = 13...21

  /// The model file, for errors.
  let file: String
  /// The graph's name (or the file's stem).
  let name: String
  /// The default-domain opset.
  let opset: Int
  /// The computed input's name.
  let input: String
  /// Its static shape, the batch axis first (a symbolic batch is 1).
  let inputShape: [Int]
  /// The graph's outputs.
  let outputs: [String]
  /// The operations, in file order.
  let operations: [ONNXOperation]

  /// Reads an `.onnx` file.
  /// - Parameter url: The file.
  /// - Throws: ``ONNXError`` naming the file and, where there is one, the node or tensor.
  init(contentsOf url: URL) throws(ONNXError) {
    let file = url.path
    let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    do throws(MemoryBudgetError) {
      try MemoryBudget.current.reserve(size, of: 1, for: "ONNX file '\(url.lastPathComponent)'")
    } catch {
      throw .exceedsBudget(file: file, error)
    }
    guard let data = try? Data(contentsOf: url) else {
      throw .malformed(file: file, reason: "it could not be read")
    }
    try self.init(data: data, file: file)
  }

  /// Reads an ONNX model from its bytes.
  /// - Parameters:
  ///   - data: The serialized `ModelProto`.
  ///   - file: The name errors give.
  /// - Throws: ``ONNXError``.
  init(data: Data, file: String) throws(ONNXError) {
    let model: Onnx_ModelProto
    do {
      model = try Onnx_ModelProto(serializedBytes: data)
    } catch {
      throw .malformed(file: file, reason: "protobuf: \(error)")
    }
    guard model.irVersion > 0, model.hasGraph else {
      throw .malformed(file: file, reason: "no IR version or no graph")
    }
    guard
      let opset = model.opsetImport.first(where: { $0.domain.isEmpty || $0.domain == "ai.onnx" })
    else {
      throw .invalidGraph(file: file, reason: "the model imports no default-domain (ai.onnx) opset")
    }
    let version = Int(clamping: opset.version)
    guard Self.supportedOpsets.contains(version) else {
      throw .unsupportedOpset(file: file, version: version, supported: Self.supportedOpsets)
    }
    var evaluation = try Evaluation(graph: model.graph, file: file, opset: version)
    let live = Self.liveNodes(model.graph)
    for (index, proto) in model.graph.node.enumerated() where live.contains(index) {
      try evaluation.evaluate(ONNXNode(proto, index: index, file: file, opset: version))
    }
    self.file = file
    self.name =
      model.graph.name.isEmpty
      ? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent : model.graph.name
    self.opset = version
    self.input = evaluation.input
    self.inputShape = evaluation.inputShape
    self.operations = evaluation.operations
    self.outputs = model.graph.output.map(\.name)
    for output in outputs where evaluation.shapes[output] == nil {
      throw .invalidGraph(
        file: file,
        reason:
          "output '\(output)' is \(evaluation.constants[output] == nil ? "never computed" : "a constant")"
      )
    }
  }
}

extension ONNXGraph {
  /// The indices of the nodes the graph's outputs depend on; the others (an unused `ArgMax`
  /// beside a `ReduceMax`, a `Dropout` mask) are skipped.
  static func liveNodes(_ graph: Onnx_GraphProto) -> Set<Int> {
    var needed = Set(graph.output.map(\.name))
    var live: Set<Int> = []
    for (index, node) in graph.node.enumerated().reversed()
    where node.output.contains(where: needed.contains) {
      live.insert(index)
      needed.formUnion(node.input.filter { !$0.isEmpty })
    }
    return live
  }

  /// The state of the pass over the nodes: constants and computed tensors' shapes so far.
  struct Evaluation {
    let file: String
    var constants: [String: ONNXConstant] = [:]
    var shapes: [String: [Int]] = [:]
    var operations: [ONNXOperation] = []
    let input: String
    let inputShape: [Int]

    init(graph: Onnx_GraphProto, file: String, opset: Int) throws(ONNXError) {
      self.file = file
      if let sparse = graph.sparseInitializer.first {
        throw .invalidTensor(
          file: file, tensor: sparse.values.name, reason: "sparse initializers are not supported")
      }
      var constants: [String: ONNXConstant] = [:]
      for initializer in graph.initializer {
        constants[initializer.name] = try ONNXConstant(
          initializer, name: initializer.name, file: file)
      }
      self.constants = constants
      let computed = graph.input.filter { constants[$0.name] == nil }
      guard computed.count == 1, let input = computed.first else {
        throw .invalidGraph(
          file: file,
          reason:
            "the graph has \(computed.count) inputs (\(computed.map(\.name).joined(separator: ", "))); "
            + "the engine takes exactly one")
      }
      let type = input.type.tensorType
      guard type.elemType == 1 || type.elemType == 11 else {
        throw .invalidGraph(
          file: file, reason: "input '\(input.name)' has element type \(type.elemType), not float")
      }
      let dims = type.shape.dim
      let extents: [Int64?] = dims.map {
        if case .dimValue(let value) = $0.value { return value }
        return nil
      }
      let described =
        "["
        + zip(dims, extents).map { dim, extent in
          extent.map(String.init) ?? (dim.dimParam.isEmpty ? "?" : dim.dimParam)
        }.joined(separator: ", ") + "]"
      var shape: [Int] = []
      for (axis, extent) in extents.enumerated() {
        if let extent, extent > 0, extent <= Int32.max {
          shape.append(Int(extent))
        } else if axis == 0 {
          shape.append(1)
        } else {
          throw .nonStaticShape(file: file, tensor: input.name, shape: described)
        }
      }
      guard type.hasShape, shape.count >= 2 else {
        throw .nonStaticShape(file: file, tensor: input.name, shape: described)
      }
      self.input = input.name
      self.inputShape = shape
      shapes[input.name] = shape
    }

    /// Folds, or infers the shape of, one node.
    mutating func evaluate(_ node: ONNXNode) throws(ONNXError) {
      guard node.proto.domain.isEmpty || node.proto.domain == "ai.onnx" else {
        throw node.unsupported("operators of domain '\(node.proto.domain)' are not supported")
      }
      guard let output = node.outputs.first, !output.isEmpty else {
        throw node.invalid("has no output")
      }
      if node.op == "Constant" {
        constants[output] = try node.constantValue()
        return
      }
      var values: [ONNXValue] = []
      for name in node.inputs {
        if name.isEmpty {
          values.append(.absent)
        } else if let constant = constants[name] {
          values.append(.constant(constant))
        } else if let shape = shapes[name] {
          values.append(.computed(shape: shape))
        } else {
          throw .unknownTensor(node.location, tensor: name)
        }
      }
      if node.op == "Shape", let first = values.first {
        let shape: [Int]
        switch first {
        case .constant(let value): shape = value.shape
        case .computed(let computed): shape = computed
        case .absent: throw node.invalid("input 0 is missing")
        }
        let rank = shape.count
        func clamped(_ axis: Int) -> Int { min(max(axis < 0 ? axis + rank : axis, 0), rank) }
        let start = clamped(try node.int("start", default: 0))
        let end = max(clamped(try node.int("end", default: rank)), start)
        constants[output] = .integers(Array(shape[start..<end]))
        return
      }
      let isConstant = values.allSatisfy {
        if case .computed = $0 { return false }
        return true
      }
      if isConstant {
        guard !values.isEmpty,
          let folded = try ONNXConstantFolding.fold(node, values.map(\.constant))
        else {
          throw node.unsupported(
            "operator '\(node.op)' on constant inputs is not evaluated at load time")
        }
        constants[output] = folded
        return
      }
      let operation = try ONNXShapeInference.operation(node, inputs: values)
      do throws(MemoryBudgetError) {
        try MemoryBudget.current.reserve(
          SizeCheck.product(operation.outputShape) ?? Int.max, of: MemoryLayout<Float>.stride,
          for: "output of node '\(node.name)' \(Shape(operation.outputShape))")
      } catch {
        throw .exceedsBudget(file: file, error)
      }
      shapes[output] = operation.outputShape
      operations.append(operation)
    }
  }
}
