/// Where in an ONNX graph an error was found: the file, the node, its operator and the opset.
public struct ONNXNodeLocation: Hashable, Sendable, CustomStringConvertible {
  /// The `.onnx` file.
  public var file: String
  /// The node's name (`/conv1/Conv`), or `#index` when the exporter left it empty.
  public var node: String
  /// The node's operator (`Conv`).
  public var op: String
  /// The default-domain opset the model imports.
  public var opset: Int

  /// Creates a location.
  /// - Parameters:
  ///   - file: The `.onnx` file.
  ///   - node: The node's name.
  ///   - op: The node's operator.
  ///   - opset: The model's default-domain opset.
  public init(file: String, node: String, op: String, opset: Int) {
    self.file = file
    self.node = node
    self.op = op
    self.opset = opset
  }

  /// `model.onnx: node '/conv1/Conv' (Conv, opset 17)`.
  public var description: String { "\(file): node '\(node)' (\(op), opset \(opset))" }
}

/// An error reading an ONNX model: a damaged file, or a graph SanityChecker cannot map onto its
/// layers.
///
/// Every case names the file and, where there is one, the node, its operator and the opset (or
/// the tensor), and its message ends with a remedy, for example:
/// `model.onnx: node '/conv1/Conv' (Conv, opset 17): group 4 is not supported (only 1); …`
public enum ONNXError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file is not a readable ONNX protobuf (truncated, damaged, or another format).
  case malformed(file: String, reason: String)
  /// The model imports a default-domain opset outside the supported range.
  case unsupportedOpset(file: String, version: Int, supported: ClosedRange<Int>)
  /// The graph as a whole does not fit (no input, several inputs, no nodes, nodes out of order).
  case invalidGraph(file: String, reason: String)
  /// A node uses an operator that SanityChecker does not map onto its layers.
  case unsupportedOperator(ONNXNodeLocation, reason: String)
  /// A node has an attribute or input value SanityChecker does not implement.
  case unsupportedSetting(ONNXNodeLocation, setting: String, value: String, reason: String)
  /// A node's inputs, attributes or shapes contradict the operator's definition.
  case invalidNode(ONNXNodeLocation, reason: String)
  /// A node reads a tensor that no initializer, input or earlier node provides.
  case unknownTensor(ONNXNodeLocation, tensor: String)
  /// A tensor's shape is not static (a symbolic extent other than the batch axis).
  case nonStaticShape(file: String, tensor: String, shape: String)
  /// An initializer or constant cannot be read (data type, byte count, external data).
  case invalidTensor(file: String, tensor: String, reason: String)
  /// A size read from the file does not fit the memory budget.
  case exceedsBudget(file: String, MemoryBudgetError)
  /// The mapped layers do not fit together.
  case invalidModel(file: String, ModelError)

  /// The file the error is about.
  public var file: String {
    switch self {
    case .malformed(let file, _), .unsupportedOpset(let file, _, _), .invalidGraph(let file, _),
      .nonStaticShape(let file, _, _), .invalidTensor(let file, _, _),
      .exceedsBudget(let file, _), .invalidModel(let file, _):
      return file
    case .unsupportedOperator(let location, _), .unsupportedSetting(let location, _, _, _),
      .invalidNode(let location, _), .unknownTensor(let location, _):
      return location.file
    }
  }

  /// A compiler-style message, `file: node 'name' (Op, opset N): what is wrong; remedy`.
  public var description: String {
    switch self {
    case .malformed(let file, let reason):
      return "\(file): not a readable ONNX model (\(reason)); the file is truncated, damaged or "
        + "not ONNX, export it again with torch.onnx.export"
    case .unsupportedOpset(let file, let version, let supported):
      return "\(file): opset \(version) is not supported (\(supported.lowerBound)–"
        + "\(supported.upperBound)); export again with opset_version between those"
    case .invalidGraph(let file, let reason):
      return "\(file): \(reason); export the model again with torch.onnx.export"
    case .unsupportedOperator(let location, let reason):
      return "\(location): \(reason)"
    case .unsupportedSetting(let location, let setting, let value, let reason):
      return "\(location): \(setting) \(value) is not supported; \(reason)"
    case .invalidNode(let location, let reason):
      return "\(location): \(reason); the file is damaged or was not written by an ONNX exporter"
    case .unknownTensor(let location, let tensor):
      return "\(location): input tensor '\(tensor)' is not an initializer, a graph input or the "
        + "output of an earlier node; the file is damaged or its nodes are out of order"
    case .nonStaticShape(let file, let tensor, let shape):
      return "\(file): tensor '\(tensor)' has shape \(shape), which is not static apart from the "
        + "batch axis; export with a fixed input length (no dynamic_axes beyond axis 0)"
    case .invalidTensor(let file, let tensor, let reason):
      return "\(file): tensor '\(tensor)': \(reason)"
    case .exceedsBudget(let file, let error):
      return "\(file): \(error)"
    case .invalidModel(let file, let error):
      return "\(file): \(error)"
    }
  }
}
