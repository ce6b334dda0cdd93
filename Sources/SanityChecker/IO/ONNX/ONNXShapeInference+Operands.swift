/// The operand rules that constant folding and shape inference share: reshape targets, axes,
/// permutations, slices and windows.
extension ONNXShapeInference {
  /// The output shape of `Reshape`, `Flatten`, `Squeeze` or `Unsqueeze`.
  /// - Parameters:
  ///   - node: The node.
  ///   - input: The input's shape.
  ///   - operands: The node's further inputs (`shape`, `axes`), constant or `nil`.
  /// - Returns: The output shape.
  /// - Throws: ``ONNXError/invalidNode(_:reason:)`` when the operands contradict the input.
  static func reshapedShape(_ node: ONNXNode, input: [Int], operands: [ONNXConstant?])
    throws(ONNXError) -> [Int]
  {
    switch node.op {
    case "Reshape":
      guard let target = operands.first ?? nil else {
        throw node.invalid("shape input is not constant")
      }
      let allowZero = try node.int("allowzero", default: 0) != 0
      guard let shape = ONNXShapeMath.reshape(input, to: target.ints, allowZero: allowZero) else {
        throw node.invalid("cannot reshape \(input) to \(target.ints)")
      }
      return shape
    case "Flatten":
      guard let axis = ONNXShapeMath.axis(try node.int("axis", default: 1), rank: input.count + 1)
      else {
        throw node.invalid("axis is out of range for shape \(input)")
      }
      return [
        ONNXShapeMath.count(Array(input[..<axis])), ONNXShapeMath.count(Array(input[axis...])),
      ]
    case "Squeeze":
      let given = try axesOperand(node, operands: operands)
      guard let given else { return input.filter { $0 != 1 } }
      let axes = try normalized(node, given, rank: input.count)
      guard axes.allSatisfy({ input[$0] == 1 }) else {
        throw node.invalid("squeezes axes \(given) of \(input), which are not all 1")
      }
      return input.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
    default:
      guard let given = try axesOperand(node, operands: operands) else {
        throw node.invalid("has no axes")
      }
      let axes = try normalized(node, given, rank: input.count + given.count)
      var shape = input
      for axis in axes.sorted() where axis <= shape.count { shape.insert(1, at: axis) }
      return shape
    }
  }

  /// The `axes` of a node: an attribute before opset 13 (18 for the reductions), else an input.
  static func axesOperand(_ node: ONNXNode, operands: [ONNXConstant?]) throws(ONNXError) -> [Int]? {
    if let axes = try node.ints("axes") { return axes }
    guard let operand = operands.first else { return nil }
    guard let operand else { throw node.invalid("axes input is not constant") }
    return operand.ints
  }

  /// Axes made non-negative and checked against `rank`.
  static func normalized(_ node: ONNXNode, _ axes: [Int], rank: Int) throws(ONNXError) -> [Int] {
    var result: [Int] = []
    for axis in axes {
      guard let resolved = ONNXShapeMath.axis(axis, rank: rank), !result.contains(resolved) else {
        throw node.invalid("axis \(axis) is out of range or repeated for rank \(rank)")
      }
      result.append(resolved)
    }
    return result
  }

  /// A `Transpose` permutation (default: reversed axes), checked.
  static func permutation(_ node: ONNXNode, rank: Int) throws(ONNXError) -> [Int] {
    let permutation = try node.ints("perm") ?? Array((0..<rank).reversed())
    guard permutation.sorted() == Array(0..<rank) else {
      throw node.invalid("perm \(permutation) is not a permutation of \(rank) axes")
    }
    return permutation
  }

  /// A resolved `Slice`: per axis the first index, the step and the output extent.
  struct Slicing {
    var starts: [Int]
    var steps: [Int]
    var shape: [Int]

    /// For every output element, its index in the input of `input` shape.
    func indices(_ input: [Int]) -> [Int] {
      let sourceStrides = ONNXShapeMath.strides(input)
      let targetStrides = ONNXShapeMath.strides(shape)
      return (0..<ONNXShapeMath.count(shape)).map { flat in
        var index = 0
        for axis in shape.indices {
          let position = flat / targetStrides[axis] % shape[axis]
          index += (starts[axis] + position * steps[axis]) * sourceStrides[axis]
        }
        return index
      }
    }
  }

  /// Resolves `Slice`'s `starts`, `ends`, `axes` and `steps` inputs (opset ≥ 10).
  static func slicing(_ node: ONNXNode, input: [Int], operands: [ONNXConstant?]) throws(ONNXError)
    -> Slicing
  {
    func operand(_ index: Int) throws(ONNXError) -> [Int]? {
      guard index < operands.count else { return nil }
      guard let value = operands[index] else {
        if index < node.inputs.count - 1, !node.inputs[index + 1].isEmpty {
          throw node.invalid("input \(index + 1) is not constant")
        }
        return nil
      }
      return value.ints
    }
    guard let starts = try operand(0), let ends = try operand(1), starts.count == ends.count else {
      throw node.invalid("starts and ends must be constant and of one length")
    }
    let axes = try normalized(node, try operand(2) ?? Array(0..<starts.count), rank: input.count)
    let steps = try operand(3) ?? [Int](repeating: 1, count: starts.count)
    guard axes.count == starts.count, steps.count == starts.count, !steps.contains(0) else {
      throw node.invalid("axes and steps must match starts and steps must not be 0")
    }
    var slicing = Slicing(
      starts: [Int](repeating: 0, count: input.count),
      steps: [Int](repeating: 1, count: input.count),
      shape: input)
    for (index, axis) in axes.enumerated() {
      let resolved = ONNXShapeMath.slice(
        extent: input[axis], start: starts[index], end: ends[index], step: steps[index])
      slicing.starts[axis] = resolved.start
      slicing.steps[axis] = steps[index]
      slicing.shape[axis] = resolved.count
    }
    return slicing
  }

  /// The window of `Conv`, `MaxPool` or `AveragePool` over `spatial` input extents, with
  /// `auto_pad` resolved into explicit pads.
  static func window(_ node: ONNXNode, spatial: [Int], kernel: [Int]) throws(ONNXError)
    -> ONNXWindow
  {
    let count = spatial.count
    let strides = try node.ints("strides") ?? [Int](repeating: 1, count: count)
    let dilations = try node.ints("dilations") ?? [Int](repeating: 1, count: count)
    guard kernel.count == count, strides.count == count, dilations.count == count,
      (kernel + strides + dilations).allSatisfy({ $0 >= 1 })
    else {
      throw node.invalid(
        "kernel_shape \(kernel), strides \(strides) and dilations \(dilations) must give \(count) "
          + "values ≥ 1")
    }
    var window = ONNXWindow(
      kernel: kernel, strides: strides, dilations: dilations,
      padsBegin: [Int](repeating: 0, count: count), padsEnd: [Int](repeating: 0, count: count),
      roundsUp: try node.int("ceil_mode", default: 0) != 0)
    let autoPad = try node.string("auto_pad", default: "NOTSET")
    switch autoPad {
    case "NOTSET":
      let pads = try node.ints("pads") ?? [Int](repeating: 0, count: 2 * count)
      guard pads.count == 2 * count, pads.allSatisfy({ $0 >= 0 }) else {
        throw node.invalid("pads \(pads) must give \(2 * count) values ≥ 0")
      }
      window.padsBegin = Array(pads[..<count])
      window.padsEnd = Array(pads[count...])
    case "VALID":
      break
    case "SAME_UPPER", "SAME_LOWER":
      for axis in 0..<count {
        let output = (spatial[axis] + strides[axis] - 1) / strides[axis]
        let span = (kernel[axis] - 1) * dilations[axis] + 1
        let total = max((output - 1) * strides[axis] + span - spatial[axis], 0)
        window.padsBegin[axis] = autoPad == "SAME_UPPER" ? total / 2 : (total + 1) / 2
        window.padsEnd[axis] = total - window.padsBegin[axis]
      }
    default:
      throw node.invalid(
        "auto_pad '\(autoPad)' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER")
    }
    return window
  }
}
