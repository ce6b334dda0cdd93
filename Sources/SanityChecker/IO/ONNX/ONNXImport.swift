import Foundation

/// A model read from an ONNX file (as `torch.onnx.export` writes, with either of PyTorch's
/// exporters), mapped onto the engine's layers, with what the mapping changed.
///
/// Reading goes parse → constant-fold → shape-infer (``ONNXGraph``) → lower onto layers
/// (``ONNXLowering``); see `docs/development.md` for the operators and their mapping.
///
/// - Layout: a `[N, C, L]` or `[N, C, H, W]` input (PyTorch's) becomes the engine's channels-last
///   `[N, L, C]` / `[N, H, W, C]`, kernels are transposed to match, and a `Flatten` of
///   channel-major maps is followed by a `Dense` whose kernel rows are permuted so the function
///   is unchanged. Attributions therefore come out channels-last, in the project's convention.
///   An input the graph transposes itself first (`x.permute(0, 2, 1)` on `[N, L, 4]`) is taken
///   as given.
/// - A `Softmax` at an output is dropped: targets and explanations refer to the logits before it
///   (``droppedSoftmax`` names the node).
/// - Graphs map onto ``Model``'s graph: merges of computed tensors become merge layers, a tensor
///   read by several nodes feeds several layers, and the graph's outputs become the model's
///   heads in the file's order (``Model/outputHeadNames`` names each by its last layer).
public struct ONNXImport: Sendable {
  /// The mapped model; its input shape is channels-last without the batch axis.
  public let model: Model
  /// Whether the ONNX input was channels-first and its channels were moved last.
  public let isChannelsFirst: Bool
  /// The name of the (first) `Softmax` node dropped at an output, if there was one.
  public let droppedSoftmax: String?
  /// The model's default-domain opset.
  public let opset: Int
  /// The ONNX input's shape, batch axis first (a symbolic batch is given as 1).
  public let onnxInputShape: [Int]

  /// Reads an `.onnx` file and maps it onto the engine's layers.
  /// - Parameter url: The file.
  /// - Throws: ``ONNXError`` naming the file and, where there is one, the node, its operator and
  ///   the opset, or the tensor.
  public init(contentsOf url: URL) throws(ONNXError) {
    let graph = try ONNXGraph(contentsOf: url)
    let lowering = try ONNXLowering(graph)
    do throws(ModelError) {
      model = try Model(
        name: graph.name, inputShape: Shape(lowering.inputShape), layers: lowering.layers,
        inputNodes: lowering.inputNodes, outputNodes: lowering.outputNodes)
    } catch {
      throw .invalidModel(file: graph.file, error)
    }
    isChannelsFirst = lowering.isChannelsFirst
    droppedSoftmax = lowering.droppedSoftmax.first
    opset = graph.opset
    onnxInputShape = graph.inputShape
  }

  /// Whether `url` names an ONNX file: its extension is `.onnx`, or (any other extension but
  /// `.h5`/`.txt`) its first byte is a protobuf tag of `ModelProto.ir_version` (`0x08`).
  /// - Parameter url: The file.
  /// - Returns: Whether to read it as ONNX.
  public static func isONNX(_ url: URL) -> Bool {
    let pathExtension = url.pathExtension.lowercased()
    if pathExtension == "onnx" { return true }
    if ["h5", "hdf5", "keras", "txt"].contains(pathExtension) { return false }
    guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: 1))?.first == 0x08
  }
}
