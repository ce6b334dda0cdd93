extension ONNXLowering {
  /// The engine padding (`valid` or Keras `same`) that places windows as `window`'s explicit
  /// pads do on `spatial` inputs, or `nil` when neither does.
  static func padding(_ window: ONNXWindow, spatial: [Int]) -> Padding? {
    var modes: Set<Padding> = []
    for axis in spatial.indices {
      let (begin, end) = (window.padsBegin[axis], window.padsEnd[axis])
      let expected = window.output(spatial[axis], axis: axis)
      let valid = AxisWindow(
        input: spatial[axis], kernel: window.kernel[axis], stride: window.strides[axis],
        dilation: window.dilations[axis], padding: .valid)
      if begin == 0, end == 0, valid.output == expected {
        modes.insert(.valid)
        continue
      }
      let same = AxisWindow(
        input: spatial[axis], kernel: window.kernel[axis], stride: window.strides[axis],
        dilation: window.dilations[axis], padding: .same)
      let total = max((same.output - 1) * window.strides[axis] + same.span - spatial[axis], 0)
      guard same.output == expected, begin == same.padBefore, end == total - same.padBefore else {
        return nil
      }
      modes.insert(.same)
    }
    return modes.count == 1 ? modes.first : (modes.isEmpty ? .valid : nil)
  }

  func requireChannelsLast(_ node: ONNXNode, spatialAxes: ClosedRange<Int>)
    throws(ONNXError)
  {
    guard layout.isChannelsLast, layout.order == nil, spatialAxes.contains(layout.shape.count - 1)
    else {
      throw node.unsupported(
        "it needs a channels-first input [N, C, L] or [N, C, H, W]; here the tensor is "
          + "\(layout.shape) held as \(layout.engineShape)")
    }
  }

  mutating func lowerConvolution(
    _ node: ONNXNode, window original: ONNXWindow, weight: ONNXConstant, bias: ONNXConstant?,
    group: Int, output: [Int]
  ) throws(ONNXError) {
    try requireChannelsLast(node, spatialAxes: 1...2)
    var window = original
    var spatial = Array(layout.shape.dropFirst())
    if let pads = pendingPads {
      for axis in spatial.indices {
        window.padsBegin[axis] += pads.begin[axis]
        window.padsEnd[axis] += pads.end[axis]
        spatial[axis] -= pads.begin[axis] + pads.end[axis]
      }
      pendingPads = nil
    }
    var padding = Self.padding(window, spatial: spatial)
    if padding == nil {
      // Other explicit pads: zero padding, then a valid convolution.
      pendingPads = (node, window.padsBegin, window.padsEnd)
      try materializePads(node, suffix: "_pad")
      padding = .valid
    }
    let name = layerName(node)
    let biasTensor = bias.map { $0.tensor([$0.count]) }
    let permutation = spatial.count == 1 ? [2, 1, 0] : [2, 3, 1, 0]
    let kernel = weight.gathered(
      ONNXShapeMath.transposeIndices(weight.shape, permutation: permutation),
      shape: permutation.map { weight.shape[$0] }
    ).tensor()
    let layer: any Layer
    switch (group, spatial.count) {
    case (1, 1):
      layer = Conv1D(
        name: name, kernel: kernel, bias: biasTensor, stride: window.strides[0],
        padding: padding ?? .valid, dilation: window.dilations[0])
    case (1, _):
      layer = Conv2D(
        name: name, kernel: kernel, bias: biasTensor, strides: window.strides,
        padding: padding ?? .valid, dilation: window.dilations)
    default:
      guard weight.shape[0] % group == 0 else {
        throw node.invalid("\(weight.shape[0]) output channels do not split into \(group) groups")
      }
      layer = GroupedConvolution(
        name: name, kernel: kernel, bias: biasTensor, groups: group, strides: window.strides,
        padding: padding ?? .valid, dilation: window.dilations)
    }
    append(layer, layout: .channelsLast(output))
  }

  mutating func lowerPooling(_ node: ONNXNode, window: ONNXWindow, isMax: Bool, output: [Int])
    throws(ONNXError)
  {
    try requireChannelsLast(node, spatialAxes: 1...2)
    guard window.dilations.allSatisfy({ $0 == 1 }) else {
      throw node.unsupported("dilations", "\(window.dilations)", "dilated pooling is not supported")
    }
    let spatial = Array(layout.shape.dropFirst())
    guard let padding = Self.padding(window, spatial: spatial) else {
      throw node.unsupported(
        "pads", "\(window.padsBegin + window.padsEnd) (ceil_mode \(window.roundsUp ? 1 : 0))",
        "only no padding or Keras 'same' padding is supported")
    }
    let name = layerName(node)
    let layer: any Layer
    switch (spatial.count, isMax) {
    case (1, true):
      layer = MaxPooling1D(
        name: name, poolSize: window.kernel[0], stride: window.strides[0], padding: padding)
    case (1, false):
      layer = AveragePooling1D(
        name: name, poolSize: window.kernel[0], stride: window.strides[0], padding: padding)
    case (_, true):
      layer = MaxPooling2D(
        name: name, poolSize: window.kernel, strides: window.strides, padding: padding)
    case (_, false):
      layer = AveragePooling2D(
        name: name, poolSize: window.kernel, strides: window.strides, padding: padding)
    }
    append(layer, layout: .channelsLast(output))
  }

  mutating func lowerGlobalPooling(_ node: ONNXNode, isMax: Bool, output: [Int]) throws(ONNXError) {
    try requireChannelsLast(node, spatialAxes: 1...2)
    let name = layerName(node)
    let layer: any Layer
    switch (layout.shape.count, isMax) {
    case (2, true): layer = GlobalMaxPooling1D(name: name)
    case (2, false): layer = GlobalAveragePooling1D(name: name)
    case (_, true): layer = GlobalMaxPooling2D(name: name)
    case (_, false): layer = GlobalAveragePooling2D(name: name)
    }
    append(layer, layout: ONNXLayout(shape: output, axes: [0]))
  }

  mutating func lowerDense(
    _ node: ONNXNode, kernel: ONNXConstant, bias: ONNXConstant?, output: [Int]
  )
    throws(ONNXError)
  {
    guard layout.shape.count == 1, output.count == 1 else {
      throw node.unsupported(
        "a matrix product over the last axis of \(layout.shape) (a position-wise dense layer) is not "
          + "supported; flatten or pool first")
    }
    var rows = kernel
    if let order = layout.order {
      let outputs = kernel.shape[1]
      let indices = order.flatMap { row in (0..<outputs).map { row * outputs + $0 } }
      rows = kernel.gathered(indices, shape: kernel.shape)
    }
    append(
      Dense(name: layerName(node), kernel: rows.tensor(), bias: bias.map { $0.tensor([$0.count]) }),
      layout: .asGiven(output))
  }

  mutating func lowerReshape(_ node: ONNXNode, output: [Int]) throws(ONNXError) {
    if let relabeled = layout.relabeled(to: output) {
      layout = relabeled
      return
    }
    guard output.count == 1 else {
      guard layout.order == nil, layout.axes == layout.axes.sorted() else {
        throw node.unsupported(
          "reshaping \(layout.shape), held as \(layout.engineShape), to \(output) would move "
            + "values in another order than ONNX's; transpose to channels-first order first")
      }
      append(Reshape(name: layerName(node), targetShape: output), layout: .asGiven(output))
      return
    }
    let order = layout.flattenedOrder
    let isIdentity = order.enumerated().allSatisfy { $0.offset == $0.element }
    if layout.engineShape.count > 1 {
      append(Flatten(name: layerName(node)), layout: layout)
    }
    layout = ONNXLayout(shape: output, axes: [0], order: isIdentity ? nil : order)
  }

  mutating func lowerActivation(_ node: ONNXNode, _ activation: ONNXActivation) throws(ONNXError) {
    let engine: Activation
    switch activation {
    case .relu: engine = .relu
    case .sigmoid: engine = .sigmoid
    case .tanh: engine = .tanh
    case .exp: engine = .exponential
    case .softplus: engine = .softplus
    case .elu(let alpha):
      guard alpha == 1 else {
        throw node.unsupported("alpha", "\(alpha)", "the engine's ELU has alpha = 1 (Keras' elu)")
      }
      engine = .elu
    case .gelu(let approximate):
      switch approximate {
      case "none": engine = .gelu
      case "tanh": engine = .geluTanh
      default:
        throw node.unsupported(
          "approximate", "'\(approximate)'", "only 'none' and 'tanh' are defined")
      }
    }
    if let index = fusableLayer, var fused = layers[index] as? any FusedActivationLayer,
      fused.activation == .linear,
      fused is Conv1D || fused is Conv2D || fused is Dense || fused is GroupedConvolution
        || fused is TransposedConvolution1D
    {
      fused.activation = engine
      layers[index] = fused
    } else {
      append(ActivationLayer(name: layerName(node), activation: engine), layout: layout)
    }
  }
}
