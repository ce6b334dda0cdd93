/// `ConvTranspose` (upsampling) and `Gather` of constant indices on a computed tensor.
extension ONNXLowering {
  /// `ConvTranspose` on `[N, C, L]` as ``TransposedConvolution1D``: weight `[I, O, k]` becomes
  /// the kernel `[k, O, I]`, `pads` crop the full output and `output_padding` extends it.
  /// - Throws: ``ONNXError`` for `group > 1`, two spatial axes or a tensor that is not
  ///   channels-first.
  mutating func lowerTransposedConvolution(
    _ node: ONNXNode, window: ONNXWindow, weight: ONNXConstant, bias: ONNXConstant?, group: Int,
    outputPadding: [Int], output: [Int]
  ) throws(ONNXError) {
    try requireChannelsLast(node, spatialAxes: 1...2)
    guard group == 1 else {
      throw node.unsupported(
        "group", "\(group)", "only ConvTranspose with group = 1 is supported")
    }
    guard window.kernel.count == 1 else {
      throw node.unsupported(
        "kernel_shape", "\(window.kernel)",
        "only 1-D ConvTranspose ([N, C, L], nn.ConvTranspose1d) is supported")
    }
    let kernel = weight.gathered(
      ONNXShapeMath.transposeIndices(weight.shape, permutation: [2, 1, 0]),
      shape: [weight.shape[2], weight.shape[1], weight.shape[0]])
    append(
      TransposedConvolution1D(
        name: layerName(node), kernel: kernel.tensor(), bias: bias.map { $0.tensor([$0.count]) },
        stride: window.strides[0], dilation: window.dilations[0],
        cropping: (window.padsBegin[0], window.padsEnd[0]), outputPadding: outputPadding[0]),
      layout: .channelsLast(output))
  }

  /// `Gather` along ONNX item axis `axis` as the ``Gather`` layer on the engine axis that holds
  /// it; a flattened tensor gathers the engine entries that hold the ONNX indices.
  /// - Parameters:
  ///   - node: The node.
  ///   - axis: The ONNX item axis (without the batch axis).
  ///   - indices: The selected entries (non-negative).
  ///   - keepsAxis: Whether the axis stays (a list of indices) or goes (a scalar index).
  ///   - output: The output shape without the batch axis.
  /// - Throws: ``ONNXError/unsupportedOperator(_:reason:)`` when the result would be one value
  ///   per item.
  mutating func lowerGather(
    _ node: ONNXNode, axis: Int, indices: [Int], keepsAxis: Bool, output: [Int]
  ) throws(ONNXError) {
    guard !output.isEmpty, keepsAxis || layout.engineShape.count > 1 else {
      throw node.unsupported(
        "selecting one value per item is not supported; keep the axis (x[:, i:i + 1]) or "
          + "select from a tensor with more axes")
    }
    if let order = layout.order {
      var engineIndices: [Int] = []
      for index in indices {
        guard let position = order.firstIndex(of: index) else {
          throw node.invalid("index \(index) is not an entry of \(layout.shape)")
        }
        engineIndices.append(position)
      }
      append(
        Gather(name: layerName(node), axis: 0, indices: engineIndices), layout: .asGiven(output))
      return
    }
    let remapped = { (axes: [Int]) in
      keepsAxis ? axes : axes.filter { $0 != axis }.map { $0 > axis ? $0 - 1 : $0 }
    }
    guard let engineAxis = layout.axes.firstIndex(of: axis) else {
      // An axis of extent 1 the engine does not hold: index 0, nothing moves.
      guard indices.count == 1 else {
        throw node.unsupported("repeating entries of an axis of extent 1 is not supported")
      }
      layout = ONNXLayout(shape: output, axes: remapped(layout.axes))
      return
    }
    append(
      Gather(name: layerName(node), axis: engineAxis, indices: indices, keepsAxis: keepsAxis),
      layout: ONNXLayout(shape: output, axes: remapped(layout.axes)))
  }
}
