/// One node of an ONNX graph with typed access to its attributes; every failure names the node.
struct ONNXNode: Sendable {
  /// The node as stored.
  let proto: Onnx_NodeProto
  /// Where the node is, for errors.
  let location: ONNXNodeLocation

  /// Wraps a node.
  /// - Parameters:
  ///   - proto: The node.
  ///   - index: Its position in the graph, naming it when the exporter left its name empty.
  ///   - file: The model file.
  ///   - opset: The default-domain opset.
  init(_ proto: Onnx_NodeProto, index: Int, file: String, opset: Int) {
    self.proto = proto
    let name = proto.name.isEmpty ? "#\(index)" : proto.name
    location = ONNXNodeLocation(file: file, node: name, op: proto.opType, opset: opset)
  }

  /// The node's name.
  var name: String { location.node }
  /// The operator.
  var op: String { proto.opType }
  /// The default-domain opset.
  var opset: Int { location.opset }
  /// The input tensor names; an empty name is an omitted optional input.
  var inputs: [String] { proto.input }
  /// The output tensor names.
  var outputs: [String] { proto.output }

  private func attribute(_ name: String) -> Onnx_AttributeProto? {
    proto.attribute.first { $0.name == name }
  }

  /// Whether the attribute is present.
  func has(_ name: String) -> Bool { attribute(name) != nil }

  /// An `INT` attribute.
  func int(_ name: String, default value: Int) throws(ONNXError) -> Int {
    guard let attribute = attribute(name) else { return value }
    guard attribute.type == .int || (attribute.type == .undefined && attribute.ints.isEmpty) else {
      throw invalid("attribute '\(name)' is not an integer")
    }
    return Int(clamping: attribute.i)
  }

  /// A `FLOAT` attribute.
  func float(_ name: String, default value: Float) throws(ONNXError) -> Float {
    guard let attribute = attribute(name) else { return value }
    guard attribute.type == .float || attribute.type == .undefined else {
      throw invalid("attribute '\(name)' is not a float")
    }
    return attribute.f
  }

  /// An `INTS` attribute, or `nil` when absent.
  func ints(_ name: String) throws(ONNXError) -> [Int]? {
    guard let attribute = attribute(name) else { return nil }
    guard attribute.type == .ints || attribute.type == .undefined else {
      throw invalid("attribute '\(name)' is not a list of integers")
    }
    return attribute.ints.map { Int(clamping: $0) }
  }

  /// A `STRING` attribute, decoded as UTF-8.
  func string(_ name: String, default value: String) throws(ONNXError) -> String {
    guard let attribute = attribute(name) else { return value }
    guard attribute.type == .string || attribute.type == .undefined else {
      throw invalid("attribute '\(name)' is not a string")
    }
    return String(decoding: attribute.s, as: UTF8.self)
  }

  /// The value of a `Constant` node (`value`, `value_float(s)` or `value_int(s)`).
  func constantValue() throws(ONNXError) -> ONNXConstant {
    guard let attribute = proto.attribute.first else { throw invalid("has no value attribute") }
    switch attribute.name {
    case "value":
      return try ONNXConstant(attribute.t, name: outputs.first ?? name, file: location.file)
    case "value_float":
      return ONNXConstant(shape: [], values: .floats([attribute.f]))
    case "value_floats":
      return ONNXConstant(shape: [attribute.floats.count], values: .floats(attribute.floats))
    case "value_int":
      return ONNXConstant(shape: [], values: .integers([attribute.i]))
    case "value_ints":
      return ONNXConstant(shape: [attribute.ints.count], values: .integers(attribute.ints))
    default:
      throw unsupported("value kind '\(attribute.name)' of a Constant node is not supported")
    }
  }

  /// An ``ONNXError/invalidNode(_:reason:)`` naming this node.
  func invalid(_ reason: String) -> ONNXError { .invalidNode(location, reason: reason) }

  /// An ``ONNXError/unsupportedOperator(_:reason:)`` naming this node.
  func unsupported(_ reason: String) -> ONNXError { .unsupportedOperator(location, reason: reason) }

  /// An ``ONNXError/unsupportedSetting(_:setting:value:reason:)`` naming this node.
  func unsupported(_ setting: String, _ value: String, _ reason: String) -> ONNXError {
    .unsupportedSetting(location, setting: setting, value: value, reason: reason)
  }
}
