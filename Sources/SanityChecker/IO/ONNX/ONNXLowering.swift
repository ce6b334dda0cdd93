/// Maps an ``ONNXGraph`` that is a chain onto the engine's layers.
///
/// The chain is checked first: one output, every computed tensor read by at most one node, and
/// every node reading the previous one's output; anything else is
/// ``ONNXError/notAChain(_:reason:)`` naming the node. Then each operation becomes zero or one
/// layer while ``ONNXLayout`` tracks how the engine holds the tensor (channels-last): `Conv`,
/// pools, `BatchNormalization`, `Gemm`/`MatMul` (+ `Add` of a constant bias), `Flatten`,
/// activations; `Transpose`/`Squeeze`/`Unsqueeze`/`Identity`/`Dropout` emit nothing, `Pad` is
/// folded into the next convolution, and a final `Softmax` is dropped (recorded) so that
/// targets refer to the logits before it.
struct ONNXLowering {
  /// The graph.
  let graph: ONNXGraph
  /// The layers so far.
  var layers: [any Layer] = []
  /// The layout of the tensor between the last layer and the next operation.
  var layout: ONNXLayout
  /// Whether the engine's input is the ONNX input with its channels moved last.
  let isChannelsFirst: Bool
  /// The final `Softmax` node dropped, if any.
  private(set) var droppedSoftmax: String?
  /// Zero padding of a `Pad` node waiting for the next convolution: begin and end per spatial axis.
  var pendingPads: (node: ONNXNode, begin: [Int], end: [Int])?

  /// Checks that the graph is a chain and lowers it.
  /// - Parameter graph: The graph.
  /// - Throws: ``ONNXError`` naming the node that does not fit.
  init(_ graph: ONNXGraph) throws(ONNXError) {
    self.graph = graph
    let shape = Array(graph.inputShape.dropFirst())
    let first = graph.operations.first { op in
      if case .passThrough = op.kind { return false }
      return true
    }
    var isTransposedFirst = false
    if let first, case .transpose = first.kind { isTransposedFirst = true }
    isChannelsFirst = shape.count >= 2 && !isTransposedFirst
    layout = isChannelsFirst ? .channelsLast(shape) : .asGiven(shape)
    try checkChain()
    for (index, operation) in graph.operations.enumerated() {
      try lower(operation, isLast: index == graph.operations.count - 1)
    }
    if let pendingPads {
      throw pendingPads.node.unsupported(
        "zero padding that is not followed by a convolution needs a ZeroPadding layer, which the "
          + "engine does not have yet")
    }
  }

  /// The engine's input shape.
  var inputShape: [Int] {
    let shape = Array(graph.inputShape.dropFirst())
    return isChannelsFirst ? ONNXLayout.channelsLast(shape).engineShape : shape
  }

  private func checkChain() throws(ONNXError) {
    guard let last = graph.operations.last else {
      throw .invalidGraph(
        file: graph.file, reason: "the graph has no node that computes on its input")
    }
    if graph.outputs.count != 1 {
      let producer = graph.operations.last { $0.output == graph.outputs[1] } ?? last
      throw .notAChain(
        producer.node.location,
        reason:
          "the graph has \(graph.outputs.count) outputs (\(graph.outputs.joined(separator: ", ")))")
    }
    var current = graph.input
    for operation in graph.operations {
      if case .merge = operation.kind {
        throw .notAChain(
          operation.node.location,
          reason:
            "it takes \(operation.inputs.count) computed inputs (\(operation.inputs.joined(separator: ", ")))"
        )
      }
      guard operation.inputs == [current] else {
        let reader = graph.operations.first {
          $0.inputs.contains(operation.inputs[0]) && $0.output != operation.output
        }
        throw .notAChain(
          operation.node.location,
          reason: "it reads '\(operation.inputs[0])', which "
            + (reader.map { "node '\($0.node.name)' (\($0.node.op)) also reads" }
              ?? "is not the previous node's output"))
      }
      current = operation.output
    }
    guard current == graph.outputs[0] else {
      throw .notAChain(
        last.node.location,
        reason: "the graph's output '\(graph.outputs[0])' is not the last node's output")
    }
  }

  /// A layer name: the node's, made unique.
  func layerName(_ node: ONNXNode) -> String {
    var name = node.name
    var suffix = 2
    while layers.contains(where: { $0.name == name }) {
      name = "\(node.name)_\(suffix)"
      suffix += 1
    }
    return name
  }

  mutating func append(_ layer: any Layer, layout newLayout: ONNXLayout) {
    layers.append(layer)
    layout = newLayout
  }

  private mutating func lower(_ operation: ONNXOperation, isLast: Bool) throws(ONNXError) {
    let node = operation.node
    let outputShape = Array(operation.outputShape.dropFirst())
    guard operation.outputShape.first == operation.inputShapes[0].first else {
      throw node.unsupported(
        "it changes the batch axis (\(operation.inputShapes[0]) → \(operation.outputShape))")
    }
    if pendingPads != nil, !isConvolution(operation) {
      throw pendingPads?.node.unsupported(
        "zero padding that is not followed by a convolution needs a ZeroPadding layer, which the "
          + "engine does not have yet") ?? node.invalid("padding")
    }
    switch operation.kind {
    case .passThrough:
      return
    case .convolution(let window, let weight, let bias, let group):
      try lowerConvolution(
        node, window: window, weight: weight, bias: bias, group: group, output: outputShape)
    case .maxPool(let window):
      try lowerPooling(node, window: window, isMax: true, output: outputShape)
    case .averagePool(let window, let countsPadding):
      if countsPadding, (window.padsBegin + window.padsEnd).contains(where: { $0 != 0 }) {
        throw node.unsupported(
          "count_include_pad", "1",
          "padded averages count only real inputs in the engine; export with count_include_pad=False"
        )
      }
      try lowerPooling(node, window: window, isMax: false, output: outputShape)
    case .globalMaxPool, .globalAveragePool:
      let isMax: Bool
      if case .globalMaxPool = operation.kind { isMax = true } else { isMax = false }
      try lowerGlobalPooling(node, isMax: isMax, output: outputShape)
    case .reduce(let reduction, let axes):
      guard reduction != .sum, axes == Array(2..<operation.inputShapes[0].count) else {
        throw node.unsupported(
          "only ReduceMean and ReduceMax over every spatial axis (global pooling) are supported; "
            + "this reduces axes \(axes) of \(operation.inputShapes[0])")
      }
      try lowerGlobalPooling(node, isMax: reduction == .max, output: outputShape)
    case .dense(let kernel, let bias):
      try lowerDense(node, kernel: kernel, bias: bias, output: outputShape)
    case .matMul(let weight):
      try lowerDense(node, kernel: weight, bias: nil, output: outputShape)
    case .constantArithmetic(let constant):
      try lowerBias(node, constant, output: outputShape)
    case .batchNormalization(let scale, let bias, let mean, let variance, let epsilon):
      guard layout.axes.last == 0, layout.order == nil else {
        throw node.unsupported(
          "the engine normalizes the last axis, and here the channels are not last")
      }
      append(
        BatchNormalization(
          name: layerName(node), gamma: scale.tensor([scale.count]),
          beta: bias.tensor([bias.count]),
          movingMean: mean.tensor([mean.count]), movingVariance: variance.tensor([variance.count]),
          epsilon: epsilon),
        layout: layout)
    case .reshape:
      try lowerReshape(node, output: outputShape)
    case .transpose(let permutation):
      guard permutation.first == 0 else {
        throw node.unsupported("perm", "\(permutation)", "the batch axis must stay first")
      }
      layout = layout.transposed(permutation.dropFirst().map { $0 - 1 })
    case .slice:
      guard outputShape == layout.shape else {
        throw node.unsupported(
          "cropping (Slice from \(operation.inputShapes[0]) to \(operation.outputShape)) needs a "
            + "Cropping layer, which the engine does not have yet")
      }
    case .pad(let begin, let end):
      guard begin.contains(where: { $0 != 0 }) || end.contains(where: { $0 != 0 }) else { return }
      guard begin[0] == 0, end[0] == 0, begin[1] == 0, end[1] == 0 else {
        throw node.unsupported("pads", "\(begin + end)", "only spatial axes may be padded")
      }
      pendingPads = (node, Array(begin.dropFirst(2)), Array(end.dropFirst(2)))
    case .activation(let activation):
      try lowerActivation(node, activation)
    case .softmax(let axis):
      guard layout.engineShape.count == 1, layout.order == nil,
        axis == operation.outputShape.count - 1
      else {
        throw node.unsupported("Softmax is supported over the last axis of a flat tensor only")
      }
      if isLast {
        droppedSoftmax = node.name
      } else {
        append(ActivationLayer(name: layerName(node), activation: .softmax), layout: layout)
      }
    case .merge:
      throw .notAChain(node.location, reason: "it merges computed tensors")
    }
  }

  private func isConvolution(_ operation: ONNXOperation) -> Bool {
    if case .convolution = operation.kind { return true }
    if case .pad = operation.kind { return true }
    return false
  }
}
