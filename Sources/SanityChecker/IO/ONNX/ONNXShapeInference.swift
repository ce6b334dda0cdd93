/// A tensor during static evaluation: known, computed from the input with a static shape, or
/// an omitted optional input.
enum ONNXValue: Sendable {
  case constant(ONNXConstant)
  case computed(shape: [Int])
  case absent

  /// The constant, or `nil`.
  var constant: ONNXConstant? {
    if case .constant(let value) = self { return value }
    return nil
  }
}

/// Turns a node that computes on the model's input into an ``ONNXOperation``: resolves its
/// constant operands and attributes and infers its output's static shape.
enum ONNXShapeInference {
  /// The operators shape inference maps (constant-only operators fold instead).
  static let supported = [
    "Conv", "ConvTranspose", "Gather", "MaxPool", "AveragePool", "GlobalMaxPool",
    "GlobalAveragePool", "ReduceMean",
    "ReduceMax", "ReduceSum", "Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Max", "Min", "Sum",
    "Mean", "Concat", "BatchNormalization", "Flatten", "Reshape", "Squeeze", "Unsqueeze",
    "Transpose", "Slice", "Pad", "Relu", "Sigmoid", "Tanh", "Exp", "Softplus", "Elu", "Gelu",
    "Softmax", "Identity", "Dropout", "Cast", "Shape", "Constant",
  ]

  /// The operation of `node`, whose inputs include at least one computed tensor.
  /// - Parameters:
  ///   - node: The node.
  ///   - inputs: Its inputs' values, in order.
  /// - Returns: The operation, with its output shape.
  /// - Throws: ``ONNXError`` naming the node: an unsupported operator or setting, or operands
  ///   that contradict the operator.
  static func operation(_ node: ONNXNode, inputs: [ONNXValue]) throws(ONNXError) -> ONNXOperation {
    let computed = inputs.indices.filter {
      if case .computed = inputs[$0] { return true }
      return false
    }
    let shapes = computed.map { index -> [Int] in
      if case .computed(let shape) = inputs[index] { return shape }
      return []
    }
    let operands = inputs.dropFirst().map(\.constant)
    guard let first = shapes.first, let output = node.outputs.first, !output.isEmpty else {
      throw node.invalid("has no computed input or no output")
    }
    func make(_ kind: ONNXOperation.Kind, _ shape: [Int]) -> ONNXOperation {
      ONNXOperation(
        node: node, inputs: computed.map { node.inputs[$0] }, inputShapes: shapes, output: output,
        outputShape: shape, kind: kind)
    }
    if computed.count > 1 {
      return make(.merge, try mergedShape(node, shapes))
    }
    guard computed == [0] || ["Add", "Mul", "Max", "Min", "Sum", "Mean"].contains(node.op) else {
      throw node.unsupported(
        "its computed input is operand \(computed[0] + 1); only the first operand may be computed "
          + "(the others must be initializers or constants)")
    }
    switch node.op {
    case "Conv", "MaxPool", "AveragePool":
      return try windowed(node, first, operands, make)
    case "ConvTranspose":
      return try transposedConvolution(node, first, operands, make)
    case "Gather":
      return try gather(node, first, operands, make)
    case "GlobalMaxPool", "GlobalAveragePool":
      guard first.count >= 3 else { throw node.invalid("input \(first) has no spatial axis") }
      let shape = Array(first[..<2]) + [Int](repeating: 1, count: first.count - 2)
      return make(node.op == "GlobalMaxPool" ? .globalMaxPool : .globalAveragePool, shape)
    case "ReduceMean", "ReduceMax", "ReduceSum":
      return try reduction(node, first, operands, make)
    case "Gemm", "MatMul":
      return try ONNXShapeInference.dense(node, first, operands, make)
    case "Add", "Sub", "Mul", "Div", "Max", "Min", "Sum", "Mean":
      guard ["Add", "Sub", "Mul", "Div"].contains(node.op), inputs.count == 2 else {
        throw node.unsupported("\(node.op) with a constant operand is not supported")
      }
      let constant = inputs[computed[0] == 0 ? 1 : 0].constant
      guard let constant, let shape = ONNXShapeMath.broadcast(first, constant.shape) else {
        throw node.invalid("operands do not broadcast")
      }
      return make(.constantArithmetic(constant), shape)
    case "BatchNormalization":
      guard try node.int("training_mode", default: 0) == 0 else {
        throw node.unsupported("training_mode", "1", "export the model in eval() mode")
      }
      guard operands.count >= 4, let scale = operands[0], let bias = operands[1],
        let mean = operands[2], let variance = operands[3], first.count >= 2,
        [scale, bias, mean, variance].allSatisfy({ $0.count == first[1] })
      else {
        throw node.invalid(
          "scale, B, mean and var must be constants of \(first.count >= 2 ? first[1] : 0) channels")
      }
      return make(
        .batchNormalization(
          scale: scale, bias: bias, mean: mean, variance: variance,
          epsilon: try node.float("epsilon", default: 1e-5)), first)
    case "Flatten", "Reshape", "Squeeze", "Unsqueeze":
      return make(.reshape, try reshapedShape(node, input: first, operands: operands))
    case "Transpose":
      let permutation = try permutation(node, rank: first.count)
      return make(.transpose(permutation), permutation.map { first[$0] })
    case "Slice":
      let slicing = try slicing(node, input: first, operands: operands)
      return make(.slice(starts: slicing.starts, steps: slicing.steps), slicing.shape)
    case "Pad":
      return try padding(node, first, operands, make)
    case "Relu": return make(.activation(.relu), first)
    case "Sigmoid": return make(.activation(.sigmoid), first)
    case "Tanh": return make(.activation(.tanh), first)
    case "Exp": return make(.activation(.exp), first)
    case "Softplus": return make(.activation(.softplus), first)
    case "Elu": return make(.activation(.elu(alpha: try node.float("alpha", default: 1))), first)
    case "Gelu":
      return make(
        .activation(.gelu(approximate: try node.string("approximate", default: "none"))), first)
    case "Softmax":
      guard let axis = ONNXShapeMath.axis(try node.int("axis", default: -1), rank: first.count)
      else {
        throw node.invalid("axis is out of range for \(first)")
      }
      return make(.softmax(axis: axis), first)
    case "Identity", "Dropout":
      return make(.passThrough, first)
    case "Cast":
      let target = try node.int("to", default: 1)
      guard target == 1 || target == 11 else {
        throw node.unsupported(
          "to", "\(target)", "only casts to float are supported on computed tensors")
      }
      return make(.passThrough, first)
    default:
      throw node.unsupported(
        "operator '\(node.op)' is not supported; supported: \(supported.joined(separator: ", "))")
    }
  }

  private static func mergedShape(_ node: ONNXNode, _ shapes: [[Int]]) throws(ONNXError) -> [Int] {
    if node.op == "Concat" {
      guard let axis = ONNXShapeMath.axis(try node.int("axis", default: 0), rank: shapes[0].count)
      else {
        throw node.invalid("axis is out of range")
      }
      var shape = shapes[0]
      shape[axis] = shapes.reduce(0) { $0 + ($1.count == shape.count ? $1[axis] : 0) }
      return shape
    }
    var shape = shapes[0]
    for other in shapes.dropFirst() {
      guard let merged = ONNXShapeMath.broadcast(shape, other) else {
        throw node.invalid("input shapes \(shapes) do not broadcast")
      }
      shape = merged
    }
    return shape
  }

  private static func windowed(
    _ node: ONNXNode, _ input: [Int], _ operands: [ONNXConstant?],
    _ make: (ONNXOperation.Kind, [Int]) -> ONNXOperation
  ) throws(ONNXError) -> ONNXOperation {
    guard input.count >= 3 else { throw node.invalid("input \(input) has no spatial axis") }
    let spatial = Array(input[2...])
    var kernel = try node.ints("kernel_shape")
    var weight: ONNXConstant?
    if node.op == "Conv" {
      guard let value = operands.first ?? nil, value.shape.count == input.count else {
        throw node.unsupported("its weight is not a constant of rank \(input.count)")
      }
      weight = value
      kernel = kernel ?? Array(value.shape[2...])
    }
    guard let kernel else { throw node.invalid("has no kernel_shape") }
    let window = try window(node, spatial: spatial, kernel: kernel)
    let outputs = spatial.indices.map { window.output(spatial[$0], axis: $0) }
    guard outputs.allSatisfy({ $0 > 0 }) else {
      throw node.invalid("window \(kernel) does not fit the input \(input)")
    }
    switch node.op {
    case "Conv":
      guard let weight else { throw node.invalid("has no weight") }
      let group = try node.int("group", default: 1)
      let bias = operands.count > 1 ? operands[1] : nil
      guard group >= 1, weight.shape[1] * group == input[1],
        bias.map({ $0.count == weight.shape[0] }) ?? true
      else {
        throw node.invalid(
          "weight \(weight.shape) with group \(group) and bias do not fit the input \(input)")
      }
      return make(
        .convolution(window, weight: weight, bias: bias, group: group),
        [input[0], weight.shape[0]] + outputs)
    case "MaxPool":
      return make(.maxPool(window), Array(input[..<2]) + outputs)
    default:
      let countsPadding = try node.int("count_include_pad", default: 0) != 0
      return make(.averagePool(window, countsPadding: countsPadding), Array(input[..<2]) + outputs)
    }
  }

  private static func reduction(
    _ node: ONNXNode, _ input: [Int], _ operands: [ONNXConstant?],
    _ make: (ONNXOperation.Kind, [Int]) -> ONNXOperation
  ) throws(ONNXError) -> ONNXOperation {
    let keepsDims = try node.int("keepdims", default: 1) != 0
    let given = try axesOperand(node, operands: operands) ?? []
    if given.isEmpty, try node.int("noop_with_empty_axes", default: 0) != 0 {
      return make(.passThrough, input)
    }
    let axes = given.isEmpty ? Array(input.indices) : try normalized(node, given, rank: input.count)
    let shape = input.indices.compactMap { axis -> Int? in
      axes.contains(axis) ? (keepsDims ? 1 : nil) : input[axis]
    }
    let reduction = ONNXReduction(rawValue: node.op) ?? .sum
    return make(.reduce(reduction, axes: axes.sorted()), shape)
  }

  private static func padding(
    _ node: ONNXNode, _ input: [Int], _ operands: [ONNXConstant?],
    _ make: (ONNXOperation.Kind, [Int]) -> ONNXOperation
  ) throws(ONNXError) -> ONNXOperation {
    let mode = try node.string("mode", default: "constant")
    guard mode == "constant" else {
      throw node.unsupported("mode", "'\(mode)'", "only zero (constant) padding is supported")
    }
    guard let pads = (try node.ints("pads")) ?? (operands.first ?? nil)?.ints else {
      throw node.invalid("pads are not constant")
    }
    if operands.count > 1, let value = operands[1], value.floats.contains(where: { $0 != 0 }) {
      throw node.unsupported("constant_value", "\(value.floats)", "only zero padding is supported")
    }
    var axes = Array(input.indices)
    if operands.count > 2, let given = operands[2] {
      axes = try normalized(node, given.ints, rank: input.count)
    }
    guard pads.count == 2 * axes.count, pads.allSatisfy({ $0 >= 0 }) else {
      throw node.unsupported(
        "pads", "\(pads)", "pads must be ≥ 0, one pair per axis (cropping is Slice)")
    }
    var begin = [Int](repeating: 0, count: input.count)
    var end = begin
    for (index, axis) in axes.enumerated() {
      begin[axis] = pads[index]
      end[axis] = pads[index + axes.count]
    }
    let shape = input.indices.map { input[$0] + begin[$0] + end[$0] }
    return make(.pad(begin: begin, end: end), shape)
  }
}
