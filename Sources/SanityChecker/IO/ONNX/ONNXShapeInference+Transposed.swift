/// Shape inference for `ConvTranspose` and for `Gather` on a computed tensor.
extension ONNXShapeInference {
  /// `ConvTranspose`: the full output `(L − 1)·s + (k − 1)·d + 1 + output_padding` per spatial
  /// axis, cropped by `pads`; `auto_pad` other than `NOTSET`/`VALID` and `output_shape` are
  /// refused with a remedy (PyTorch writes explicit `pads` and `output_padding`).
  static func transposedConvolution(
    _ node: ONNXNode, _ input: [Int], _ operands: [ONNXConstant?],
    _ make: (ONNXOperation.Kind, [Int]) -> ONNXOperation
  ) throws(ONNXError) -> ONNXOperation {
    guard input.count >= 3 else { throw node.invalid("input \(input) has no spatial axis") }
    guard let weight = operands.first ?? nil, weight.shape.count == input.count else {
      throw node.unsupported("its weight is not a constant of rank \(input.count)")
    }
    let spatial = Array(input[2...])
    let autoPad = try node.string("auto_pad", default: "NOTSET")
    guard autoPad == "NOTSET" || autoPad == "VALID" else {
      throw node.unsupported(
        "auto_pad", "'\(autoPad)'", "export with explicit pads (PyTorch's padding argument)")
    }
    if node.has("output_shape") {
      throw node.unsupported(
        "output_shape", "\(try node.ints("output_shape") ?? [])",
        "export with explicit pads and output_padding instead")
    }
    let kernel = try node.ints("kernel_shape") ?? Array(weight.shape[2...])
    var window = try window(node, spatial: spatial, kernel: kernel)
    if autoPad == "VALID" {
      window.padsBegin = [Int](repeating: 0, count: spatial.count)
      window.padsEnd = window.padsBegin
    }
    let outputPadding =
      try node.ints("output_padding") ?? [Int](repeating: 0, count: spatial.count)
    let group = try node.int("group", default: 1)
    let bias = operands.count > 1 ? operands[1] : nil
    guard outputPadding.count == spatial.count, outputPadding.allSatisfy({ $0 >= 0 }),
      kernel == Array(weight.shape[2...]), group >= 1, weight.shape[0] == input[1],
      bias.map({ $0.count == weight.shape[1] * group }) ?? true
    else {
      throw node.invalid(
        "weight \(weight.shape), group \(group), output_padding \(outputPadding) and bias do not "
          + "fit the input \(input)")
    }
    let outputs = spatial.indices.map { axis in
      (spatial[axis] - 1) * window.strides[axis] + (kernel[axis] - 1) * window.dilations[axis] + 1
        + outputPadding[axis] - window.padsBegin[axis] - window.padsEnd[axis]
    }
    guard outputs.allSatisfy({ $0 > 0 }) else {
      throw node.invalid("pads \(window.padsBegin + window.padsEnd) crop the whole output")
    }
    return make(
      .transposedConvolution(
        window, weight: weight, bias: bias, group: group, outputPadding: outputPadding),
      [input[0], weight.shape[1] * group] + outputs)
  }

  /// `Gather` with constant indices (a scalar or a list) along a non-batch axis of a computed
  /// tensor.
  static func gather(
    _ node: ONNXNode, _ input: [Int], _ operands: [ONNXConstant?],
    _ make: (ONNXOperation.Kind, [Int]) -> ONNXOperation
  ) throws(ONNXError) -> ONNXOperation {
    guard let indices = operands.first ?? nil, indices.shape.count <= 1 else {
      throw node.unsupported(
        "only constant indices (a scalar or a list) are supported on a computed tensor")
    }
    guard let axis = ONNXShapeMath.axis(try node.int("axis", default: 0), rank: input.count),
      axis > 0
    else {
      throw node.unsupported(
        "axis", "\(try node.int("axis", default: 0))", "the batch axis (0) cannot be gathered")
    }
    var resolved: [Int] = []
    for index in indices.ints {
      let value = index < 0 ? index + input[axis] : index
      guard (0..<input[axis]).contains(value) else {
        throw node.invalid("index \(index) is out of range for axis \(axis) of \(input)")
      }
      resolved.append(value)
    }
    let keepsAxis = indices.shape.count == 1
    var shape = input
    if keepsAxis { shape[axis] = resolved.count } else { shape.remove(at: axis) }
    return make(.gather(axis: axis, indices: resolved, keepsAxis: keepsAxis), shape)
  }
}
