/// The operations that exist only in graphs or move values along the length: merges of
/// computed tensors, `Slice` (cropping and reversal), zero padding that no convolution absorbs,
/// and arithmetic with a constant.
extension ONNXLowering {
  /// A merge of computed tensors of one layout: ``ElementwiseMerge`` for `Add`, `Sub`, `Mul`,
  /// `Max`, `Min`, `Sum`, `Mean`, ``Concatenate`` for `Concat`.
  /// - Parameters:
  ///   - operation: The merge.
  ///   - inputs: Its computed inputs as the engine holds them.
  /// - Returns: The merged tensor.
  /// - Throws: ``ONNXError/unsupportedOperator(_:reason:)`` for broadcasting, inputs held in
  ///   different layouts, or another operator.
  mutating func lowerMerge(_ operation: ONNXOperation, inputs: [Value]) throws(ONNXError)
    -> Value
  {
    let node = operation.node
    var inputs = inputs
    for index in inputs.indices where inputs[index].pads != nil {
      source = inputs[index].node
      layout = inputs[index].layout
      pendingPads = inputs[index].pads
      try materializePads(node)
      inputs[index] = Value(node: source, layout: layout)
    }
    let first = inputs[0].layout
    guard inputs.allSatisfy({ $0.layout.axes == first.axes && $0.layout.order == first.order })
    else {
      throw node.unsupported(
        "its inputs are held in different layouts (\(inputs.map(\.layout.engineShape))); "
          + "merge tensors of the same layout")
    }
    let merge: any MergeLayer
    let outputShape = Array(operation.outputShape.dropFirst())
    if node.op == "Concat" {
      let onnxAxis = outputShape.indices.first { axis in
        inputs.contains { $0.layout.shape[axis] != outputShape[axis] }
      }
      guard first.order == nil, let onnxAxis, let axis = first.axes.firstIndex(of: onnxAxis)
      else {
        throw node.unsupported(
          "concatenating \(operation.inputShapes) along a flattened or squeezed axis is not "
            + "supported")
      }
      merge = Concatenate(name: layerName(node), axis: axis)
    } else {
      let operations: [String: ElementwiseMerge.Operation] = [
        "Add": .add, "Sum": .add, "Sub": .subtract, "Mul": .multiply, "Max": .maximum,
        "Min": .minimum, "Mean": .average,
      ]
      guard let elementwise = operations[node.op] else {
        throw node.unsupported(
          "\(node.op) of computed tensors is not supported; supported: "
            + operations.keys.sorted().joined(separator: ", ") + ", Concat")
      }
      guard operation.inputShapes.allSatisfy({ $0 == operation.outputShape }) else {
        throw node.unsupported(
          "it broadcasts \(operation.inputShapes); merged tensors must have one shape")
      }
      merge = ElementwiseMerge(name: layerName(node), operation: elementwise)
    }
    layers.append(merge)
    inputNodes.append(inputs.map(\.node))
    return Value(
      node: layers.count,
      layout: ONNXLayout(shape: outputShape, axes: first.axes, order: first.order))
  }

  /// `Slice` along spatial axes: steps of 1 crop (``Cropping1D``, ``Cropping2D``), a step of −1
  /// over a whole axis reverses it (``Reverse``, how `torch.flip` exports).
  /// - Parameters:
  ///   - node: The node.
  ///   - starts: The first index per item axis (ONNX order, without the batch axis).
  ///   - steps: The step per item axis.
  ///   - output: The output shape without the batch axis.
  /// - Throws: ``ONNXError`` for other steps, cropping of the channels or of a flat tensor.
  mutating func lowerSlice(_ node: ONNXNode, starts: [Int], steps: [Int], output: [Int])
    throws(ONNXError)
  {
    var cropBegin = [Int](repeating: 0, count: output.count)
    var cropEnd = cropBegin
    var reversed: [Int] = []
    for axis in output.indices {
      let extent = layout.shape[axis]
      switch steps[axis] {
      case 1:
        cropBegin[axis] = starts[axis]
        cropEnd[axis] = extent - starts[axis] - output[axis]
      case -1 where starts[axis] == extent - 1 && output[axis] == extent:
        if extent > 1, let engineAxis = layout.axes.firstIndex(of: axis) {
          reversed.append(engineAxis)
        }
      default:
        throw node.unsupported(
          "steps", "\(steps)",
          "only steps of 1 (cropping) and −1 over a whole axis (flip) are supported")
      }
    }
    let cropped = output.indices.filter { cropBegin[$0] != 0 || cropEnd[$0] != 0 }
    if !cropped.isEmpty {
      guard layout.isChannelsLast, layout.order == nil, !cropped.contains(0),
        (2...3).contains(layout.shape.count)
      else {
        throw node.unsupported(
          "cropping axes \(cropped) of \(layout.shape) held as \(layout.engineShape) is not "
            + "supported; crop the length (or height and width) of a channels-first tensor")
      }
      let name = layerName(node)
      let layer: any Layer =
        layout.shape.count == 2
        ? Cropping1D(name: name, start: cropBegin[1], end: cropEnd[1])
        : Cropping2D(
          name: name, top: cropBegin[1], bottom: cropEnd[1], left: cropBegin[2],
          right: cropEnd[2])
      append(layer, layout: ONNXLayout(shape: output, axes: layout.axes))
    }
    if !reversed.isEmpty {
      guard layout.order == nil else {
        throw node.unsupported("reversing a flattened tensor is not supported")
      }
      append(
        Reverse(name: layerName(node), axes: reversed.sorted()),
        layout: ONNXLayout(shape: output, axes: layout.axes))
    }
    layout = ONNXLayout(shape: output, axes: layout.axes, order: layout.order)
  }

  /// Applies zero padding that no convolution absorbed as ``ZeroPadding1D``/``ZeroPadding2D``.
  /// - Parameters:
  ///   - reader: The node that needs the padded tensor (for the error).
  ///   - suffix: Appended to the `Pad` node's name for the layer (a convolution's own pads
  ///     that no padding mode expresses become `<conv>_pad`).
  /// - Throws: ``ONNXError/unsupportedOperator(_:reason:)`` when the tensor is not channels-last
  ///   with one or two spatial axes.
  mutating func materializePads(_ reader: ONNXNode, suffix: String = "") throws(ONNXError) {
    guard let pads = pendingPads else { return }
    pendingPads = nil
    guard layout.isChannelsLast, layout.order == nil, (2...3).contains(layout.shape.count) else {
      throw pads.node.unsupported(
        "zero padding of \(layout.shape) held as \(layout.engineShape) (read by '\(reader.name)') "
          + "is supported on channels-first tensors with one or two spatial axes only")
    }
    let name = uniqueName(pads.node.name + suffix)
    let layer: any Layer =
      pads.begin.count == 1
      ? ZeroPadding1D(name: name, start: pads.begin[0], end: pads.end[0])
      : ZeroPadding2D(
        name: name, top: pads.begin[0], bottom: pads.end[0], left: pads.begin[1],
        right: pads.end[1])
    append(layer, layout: layout)
  }

  /// Arithmetic with a constant, absorbed into the layer before it: `Add` of a bias after a
  /// linear Dense (`MatMul` + `Add`); `Mul` (`Div`) by a scalar after a linear Conv or Dense
  /// (scaling its kernel and bias), or by `1/K` (`K`) after an `Add` of K tensors (an average).
  /// - Parameters:
  ///   - node: The node.
  ///   - constant: The constant operand.
  ///   - output: The output shape without the batch axis.
  /// - Throws: ``ONNXError/unsupportedOperator(_:reason:)`` for any other arithmetic.
  mutating func lowerConstantArithmetic(
    _ node: ONNXNode, _ constant: ONNXConstant, output: [Int]
  ) throws(ONNXError) {
    let unsupported = node.unsupported(
      "\(node.op) with a constant is supported only as the bias after a Gemm or MatMul, or as a "
        + "scalar factor after a linear Conv, Dense or an Add of K tensors (1/K: an average)")
    guard let index = fusableLayer, output == layout.shape else { throw unsupported }
    let isScalar = constant.count == 1
    switch node.op {
    case "Add":
      guard var dense = layers[index] as? Dense, dense.activation == .linear,
        layout.shape.count == 1, isScalar || constant.count == output[0]
      else { throw unsupported }
      let values =
        isScalar ? [Float](repeating: constant.floats[0], count: output[0]) : constant.floats
      let previous = dense.parameters["bias"]?.scalars ?? [Float](repeating: 0, count: output[0])
      dense.parameters["bias"] = Tensor(
        shape: [output[0]], scalars: zip(previous, values).map { $0 + $1 })
      layers[index] = dense
    case "Mul", "Div":
      guard isScalar, constant.floats[0] != 0 else { throw unsupported }
      let factor = node.op == "Mul" ? constant.floats[0] : 1 / constant.floats[0]
      if let merge = layers[index] as? ElementwiseMerge, merge.operation == .add,
        abs(factor * Float(inputNodes[index].count) - 1) <= 1e-6
      {
        layers[index] = ElementwiseMerge(name: merge.name, operation: .average)
      } else if var layer = layers[index] as? any FusedActivationLayer & ParameterizedLayer,
        layer.activation == .linear
      {
        for key in ["kernel", "bias"] {
          layer.parameters[key] = layer.parameters[key]?.scaled(by: factor)
        }
        layers[index] = layer
      } else {
        throw unsupported
      }
    default:
      throw unsupported
    }
  }
}
