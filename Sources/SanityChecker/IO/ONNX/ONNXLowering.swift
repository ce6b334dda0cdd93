/// Maps an ``ONNXGraph`` onto the engine's layers and wires them as ``Model``'s graph.
///
/// Operations are lowered in the graph's (topological) order. Every ONNX tensor the lowering
/// has seen is a ``Value``: the engine node that holds it and its ``ONNXLayout`` (which ONNX axis
/// each engine axis is). Each operation becomes zero or more layers reading its inputs' nodes:
/// `Conv`, pools, `BatchNormalization`, `Gemm`/`MatMul` (+ `Add` of a constant bias),
/// `Flatten`, activations, merges of computed tensors (`Add`, `Sub`, `Mul`, `Max`, `Min`,
/// `Sum`, `Mean`, `Concat`), `Slice` (cropping, reversal) and `Pad` (zero padding);
/// `Transpose`/`Squeeze`/`Unsqueeze`/`Identity`/`Dropout` emit nothing. A `Pad` read only by a
/// convolution is folded into it, an activation (or a bias `Add`) is fused into the Conv/Dense
/// before it when nothing else reads that layer's output, `Add` of K tensors followed by a
/// multiplication by `1/K` is an average, and a `Softmax` that is a graph output is dropped
/// (recorded) so that targets refer to the logits before it. The graph's outputs become the
/// model's heads, in the file's order.
struct ONNXLowering {
  /// An ONNX tensor as the engine holds it.
  struct Value {
    /// The engine node (0 the input, `i + 1` the output of layer `i`).
    var node: Int
    /// The layout of the tensor at that node.
    var layout: ONNXLayout
    /// Zero padding not yet applied (a `Pad` waiting for the convolution that reads it).
    var pads: (node: ONNXNode, begin: [Int], end: [Int])?
  }

  /// The graph.
  let graph: ONNXGraph
  /// The layers so far, in topological order.
  var layers: [any Layer] = []
  /// For each layer, the nodes it reads.
  var inputNodes: [[Int]] = []
  /// The engine node of the operation being lowered (updated as its layers are appended).
  var source = 0
  /// The layout of the tensor at ``source``.
  var layout: ONNXLayout
  /// Zero padding of a `Pad` node waiting for the next convolution: begin and end per spatial axis.
  var pendingPads: (node: ONNXNode, begin: [Int], end: [Int])?
  /// Every tensor seen so far.
  private var values: [String: Value] = [:]
  /// How many operations not yet lowered read each tensor (a graph output counts as one more
  /// reader, never consumed).
  private var readers: [String: Int]
  /// Whether the engine's input is the ONNX input with its channels moved last.
  let isChannelsFirst: Bool
  /// The `Softmax` nodes dropped at the outputs.
  private(set) var droppedSoftmax: [String] = []
  /// The engine node of each graph output, in the file's order.
  private(set) var outputNodes: [Int] = []

  /// Lowers the graph.
  /// - Parameter graph: The graph.
  /// - Throws: ``ONNXError`` naming the node that does not fit.
  init(_ graph: ONNXGraph) throws(ONNXError) {
    self.graph = graph
    guard !graph.operations.isEmpty else {
      throw .invalidGraph(
        file: graph.file, reason: "the graph has no node that computes on its input")
    }
    let shape = Array(graph.inputShape.dropFirst())
    let first = graph.operations.first { op in
      if case .passThrough = op.kind { return false }
      return true
    }
    var isTransposedFirst = false
    if let first, case .transpose = first.kind { isTransposedFirst = true }
    isChannelsFirst = shape.count >= 2 && !isTransposedFirst
    layout = isChannelsFirst ? .channelsLast(shape) : .asGiven(shape)
    var readers: [String: Int] = [:]
    for operation in graph.operations {
      for input in operation.inputs { readers[input, default: 0] += 1 }
    }
    for output in graph.outputs { readers[output, default: 0] += 1 }
    self.readers = readers
    values[graph.input] = Value(node: 0, layout: layout)
    for operation in graph.operations {
      try lower(operation)
    }
    for output in graph.outputs {
      outputNodes.append(try head(output))
    }
  }

  /// The engine's input shape.
  var inputShape: [Int] {
    let shape = Array(graph.inputShape.dropFirst())
    return isChannelsFirst ? ONNXLayout.channelsLast(shape).engineShape : shape
  }

  /// A layer name: the node's, made unique.
  func layerName(_ node: ONNXNode) -> String { uniqueName(node.name) }

  /// `base`, or `base_2`, `base_3`, … when a layer already has that name.
  func uniqueName(_ base: String) -> String {
    var name = base
    var suffix = 2
    while layers.contains(where: { $0.name == name }) {
      name = "\(base)_\(suffix)"
      suffix += 1
    }
    return name
  }

  /// Appends a layer reading ``source``; it becomes the source.
  mutating func append(_ layer: any Layer, layout newLayout: ONNXLayout) {
    layers.append(layer)
    inputNodes.append([source])
    source = layers.count
    layout = newLayout
  }

  /// The index of the layer that produced the current input, when the operation being lowered
  /// is the only reader of that layer's output, under any of the tensor names it goes by (so the
  /// layer may absorb the operation).
  var fusableLayer: Int? {
    guard source > 0, inputNodes.allSatisfy({ !$0.contains(source) }) else { return nil }
    for (name, value) in values where value.node == source && readers[name, default: 0] > 0 {
      return nil
    }
    return source - 1
  }

  private mutating func lower(_ operation: ONNXOperation) throws(ONNXError) {
    let node = operation.node
    let outputShape = Array(operation.outputShape.dropFirst())
    guard operation.outputShape.first == operation.inputShapes[0].first else {
      throw node.unsupported(
        "it changes the batch axis (\(operation.inputShapes[0]) → \(operation.outputShape))")
    }
    var inputs: [Value] = []
    for name in operation.inputs {
      guard let value = values[name] else {
        throw .unknownTensor(node.location, tensor: name)
      }
      inputs.append(value)
      readers[name, default: 1] -= 1
    }
    if case .merge = operation.kind {
      values[operation.output] = try lowerMerge(operation, inputs: inputs)
      return
    }
    source = inputs[0].node
    layout = inputs[0].layout
    pendingPads = inputs[0].pads
    let isSoleReader = readers[operation.inputs[0]] == 0
    if pendingPads != nil, !(isConvolution(operation) && isSoleReader) {
      try materializePads(node)
    }
    try lower(operation, node: node, outputShape: outputShape)
    values[operation.output] = Value(node: source, layout: layout, pads: pendingPads)
  }

  private mutating func lower(_ operation: ONNXOperation, node: ONNXNode, outputShape: [Int])
    throws(ONNXError)
  {
    switch operation.kind {
    case .passThrough, .merge:
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
      guard axes == Array(2..<operation.inputShapes[0].count) else {
        throw node.unsupported(
          "only ReduceMean, ReduceMax and ReduceSum over every spatial axis (global pooling) are "
            + "supported; this reduces axes \(axes) of \(operation.inputShapes[0])")
      }
      if reduction == .sum {
        try requireChannelsLast(node, spatialAxes: 1...2)
        append(
          GlobalSumPooling(name: layerName(node)), layout: ONNXLayout(shape: outputShape, axes: [0])
        )
      } else {
        try lowerGlobalPooling(node, isMax: reduction == .max, output: outputShape)
      }
    case .transposedConvolution(let window, let weight, let bias, let group, let outputPadding):
      try lowerTransposedConvolution(
        node, window: window, weight: weight, bias: bias, group: group,
        outputPadding: outputPadding, output: outputShape)
    case .gather(let axis, let indices, let keepsAxis):
      try lowerGather(
        node, axis: axis - 1, indices: indices, keepsAxis: keepsAxis, output: outputShape)
    case .dense(let kernel, let bias):
      try lowerDense(node, kernel: kernel, bias: bias, output: outputShape)
    case .matMul(let weight):
      try lowerDense(node, kernel: weight, bias: nil, output: outputShape)
    case .constantArithmetic(let constant):
      try lowerConstantArithmetic(node, constant, output: outputShape)
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
    case .slice(let starts, let steps):
      try lowerSlice(
        node, starts: Array(starts.dropFirst()), steps: Array(steps.dropFirst()),
        output: outputShape)
    case .pad(let begin, let end):
      guard begin.contains(where: { $0 != 0 }) || end.contains(where: { $0 != 0 }) else { return }
      guard begin[0] == 0, end[0] == 0, begin[1] == 0, end[1] == 0 else {
        throw node.unsupported("pads", "\(begin + end)", "only spatial axes may be padded")
      }
      pendingPads = (node, Array(begin.dropFirst(2)), Array(end.dropFirst(2)))
      layout = ONNXLayout(shape: outputShape, axes: layout.axes, order: layout.order)
    case .activation(let activation):
      try lowerActivation(node, activation)
    case .softmax(let axis):
      guard layout.engineShape.count == 1, layout.order == nil,
        axis == operation.outputShape.count - 1
      else {
        throw node.unsupported("Softmax is supported over the last axis of a flat tensor only")
      }
      if graph.outputs.contains(operation.output), readers[operation.output] == 1 {
        droppedSoftmax.append(node.name)
      } else {
        append(ActivationLayer(name: layerName(node), activation: .softmax), layout: layout)
      }
    }
  }

  private func isConvolution(_ operation: ONNXOperation) -> Bool {
    if case .convolution = operation.kind { return true }
    if case .pad = operation.kind { return true }
    return false
  }

  /// The engine node of a graph output, checked to hold its values in ONNX's order.
  private func head(_ output: String) throws(ONNXError) -> Int {
    guard let value = values[output] else {
      throw .invalidGraph(file: graph.file, reason: "output '\(output)' is never computed")
    }
    let producer = graph.operations.last { $0.output == output } ?? graph.operations[0]
    if value.pads != nil {
      throw producer.node.unsupported(
        "zero padding at an output is not supported; crop or pool the tensor before the output")
    }
    let layout = value.layout
    if layout.order != nil
      || (layout.engineShape.count > 1 && !layout.axes.elementsEqual(layout.axes.sorted()))
    {
      throw producer.node.unsupported(
        "the output \(layout.shape) would come out in another order than ONNX's; "
          + "flatten it in channels-last order or pool it before the output")
    }
    return value.node
  }
}
