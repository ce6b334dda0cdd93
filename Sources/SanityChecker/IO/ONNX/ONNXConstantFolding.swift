/// Evaluates nodes whose inputs are all constant, as exporters leave them around reshapes:
/// `Shape → Gather → Unsqueeze → Concat → Reshape` chains, `Cast`s, and arithmetic on shapes.
///
/// Only the operators listed in ``foldable`` are evaluated; a node of another operator with
/// constant inputs is handed on to shape inference like any other. Every result's size is
/// checked against the memory budget before it is allocated.
enum ONNXConstantFolding {
  /// The operators evaluated on constants.
  static let foldable: Set<String> = [
    "Identity", "Cast", "Gather", "Concat", "Unsqueeze", "Squeeze", "Reshape", "Flatten", "Slice",
    "Add", "Sub", "Mul", "Div", "Neg", "ConstantOfShape", "Transpose", "Range", "Dropout",
  ]

  /// The node's output, or `nil` when its operator is not folded.
  /// - Parameters:
  ///   - node: The node.
  ///   - inputs: Its inputs, `nil` for an omitted optional input.
  /// - Returns: The value of the node's first output.
  /// - Throws: ``ONNXError`` naming the node when the inputs contradict the operator.
  static func fold(_ node: ONNXNode, _ inputs: [ONNXConstant?]) throws(ONNXError) -> ONNXConstant? {
    guard foldable.contains(node.op) else { return nil }
    func input(_ index: Int) throws(ONNXError) -> ONNXConstant {
      guard index < inputs.count, let value = inputs[index] else {
        throw node.invalid("input \(index) is missing")
      }
      return value
    }
    func reserve(_ shape: [Int]) throws(ONNXError) {
      guard let count = SizeCheck.product(shape) else {
        throw node.invalid("result shape \(shape) is negative or overflows")
      }
      do throws(MemoryBudgetError) {
        try MemoryBudget.current.reserve(
          count, of: 8, for: "constant '\(node.name)' \(Shape(shape))")
      } catch {
        throw .exceedsBudget(file: node.location.file, error)
      }
    }
    let first = try input(0)
    switch node.op {
    case "Identity", "Dropout":
      return first
    case "Cast":
      let target = try node.int("to", default: 1)
      let isFloat = target == 1 || target == 10 || target == 11 || target == 16
      return ONNXConstant(
        shape: first.shape, values: isFloat ? .floats(first.floats) : .integers(first.integers))
    case "Neg":
      switch first.values {
      case .floats(let values):
        return ONNXConstant(shape: first.shape, values: .floats(values.map { -$0 }))
      case .integers(let values):
        return ONNXConstant(shape: first.shape, values: .integers(values.map { 0 &- $0 }))
      }
    case "Reshape", "Flatten", "Squeeze", "Unsqueeze":
      let shape = try ONNXShapeInference.reshapedShape(
        node, input: first.shape, operands: Array(inputs.dropFirst()))
      return first.reshaped(shape)
    case "Transpose":
      let permutation = try ONNXShapeInference.permutation(node, rank: first.shape.count)
      try reserve(first.shape)
      return first.gathered(
        ONNXShapeMath.transposeIndices(first.shape, permutation: permutation),
        shape: permutation.map { first.shape[$0] })
    case "Gather":
      return try gather(node, first, try input(1), reserve: reserve)
    case "Concat":
      let values = try inputs.indices.map { (index: Int) throws(ONNXError) -> ONNXConstant in
        try input(index)
      }
      return try concatenate(node, values, reserve: reserve)
    case "Slice":
      let slicing = try ONNXShapeInference.slicing(
        node, input: first.shape, operands: Array(inputs.dropFirst()))
      try reserve(slicing.shape)
      return first.gathered(slicing.indices(first.shape), shape: slicing.shape)
    case "Add", "Sub", "Mul", "Div":
      return try arithmetic(node, first, try input(1), reserve: reserve)
    case "ConstantOfShape":
      let shape = first.ints
      try reserve(shape)
      let count = ONNXShapeMath.count(shape)
      guard let value = inputs.count > 1 ? inputs[1] : nil else {
        return ONNXConstant(shape: shape, values: .floats([Float](repeating: 0, count: count)))
      }
      return ONNXConstant(shape: shape, values: value.values).gathered(
        [Int](repeating: 0, count: count), shape: shape)
    case "Range":
      let (start, limit, delta) = (
        first.integers.first ?? 0, try input(1).integers.first ?? 0,
        try input(2).integers.first ?? 0
      )
      guard delta != 0 else { throw node.invalid("delta is 0") }
      let count = max(0, Int((Double(limit - start) / Double(delta)).rounded(.up)))
      try reserve([count])
      return ONNXConstant(
        shape: [count], values: .integers((0..<count).map { start + Int64($0) * delta }))
    default:
      return nil
    }
  }

  private static func gather(
    _ node: ONNXNode, _ data: ONNXConstant, _ indices: ONNXConstant,
    reserve: ([Int]) throws(ONNXError) -> Void
  ) throws(ONNXError) -> ONNXConstant {
    guard let axis = ONNXShapeMath.axis(try node.int("axis", default: 0), rank: data.shape.count),
      !data.shape.isEmpty
    else { throw node.invalid("axis is out of range for shape \(data.shape)") }
    let extent = data.shape[axis]
    var chosen: [Int] = []
    for index in indices.ints {
      let resolved = index < 0 ? index + extent : index
      guard (0..<extent).contains(resolved) else {
        throw node.invalid("index \(index) is out of range for axis \(axis) of shape \(data.shape)")
      }
      chosen.append(resolved)
    }
    let outer = ONNXShapeMath.count(Array(data.shape[..<axis]))
    let inner = ONNXShapeMath.count(Array(data.shape[(axis + 1)...]))
    let shape = Array(data.shape[..<axis]) + indices.shape + Array(data.shape[(axis + 1)...])
    try reserve(shape)
    var flat: [Int] = []
    for o in 0..<outer {
      for index in chosen {
        for i in 0..<inner { flat.append((o * extent + index) * inner + i) }
      }
    }
    return data.gathered(flat, shape: shape)
  }

  private static func concatenate(
    _ node: ONNXNode, _ values: [ONNXConstant], reserve: ([Int]) throws(ONNXError) -> Void
  ) throws(ONNXError) -> ONNXConstant {
    guard let base = values.first?.shape,
      let axis = ONNXShapeMath.axis(try node.int("axis", default: 0), rank: base.count)
    else { throw node.invalid("has no inputs or its axis is out of range") }
    var shape = base
    shape[axis] = 0
    for value in values {
      var other = value.shape
      guard other.count == base.count else { throw node.invalid("inputs differ in rank") }
      shape[axis] += other[axis]
      other[axis] = base[axis]
      guard other == base else {
        throw node.invalid("input shapes \(values.map(\.shape)) differ off the axis")
      }
    }
    try reserve(shape)
    let outer = ONNXShapeMath.count(Array(base[..<axis]))
    let isInteger = values.allSatisfy(\.isInteger)
    var floats: [Float] = []
    var integers: [Int64] = []
    for o in 0..<outer {
      for value in values {
        let block = ONNXShapeMath.count(Array(value.shape[axis...]))
        let range = (o * block)..<((o + 1) * block)
        if isInteger { integers += value.integers[range] } else { floats += value.floats[range] }
      }
    }
    return ONNXConstant(shape: shape, values: isInteger ? .integers(integers) : .floats(floats))
  }

  private static func arithmetic(
    _ node: ONNXNode, _ a: ONNXConstant, _ b: ONNXConstant,
    reserve: ([Int]) throws(ONNXError) -> Void
  ) throws(ONNXError) -> ONNXConstant {
    guard let shape = ONNXShapeMath.broadcast(a.shape, b.shape) else {
      throw node.invalid("shapes \(a.shape) and \(b.shape) do not broadcast")
    }
    try reserve(shape)
    let left = ONNXShapeMath.broadcastIndices(a.shape, to: shape)
    let right = ONNXShapeMath.broadcastIndices(b.shape, to: shape)
    if a.isInteger && b.isInteger {
      let (x, y) = (a.integers, b.integers)
      var result: [Int64] = []
      result.reserveCapacity(left.count)
      for (i, j) in zip(left, right) {
        switch node.op {
        case "Add": result.append(x[i] &+ y[j])
        case "Sub": result.append(x[i] &- y[j])
        case "Mul": result.append(x[i] &* y[j])
        default:
          guard y[j] != 0 else { throw node.invalid("integer division by zero") }
          result.append(x[i] / y[j])
        }
      }
      return ONNXConstant(shape: shape, values: .integers(result))
    }
    let (x, y) = (a.floats, b.floats)
    let result: [Float] = zip(left, right).map { i, j in
      switch node.op {
      case "Add": return x[i] + y[j]
      case "Sub": return x[i] - y[j]
      case "Mul": return x[i] * y[j]
      default: return x[i] / y[j]
      }
    }
    return ONNXConstant(shape: shape, values: .floats(result))
  }
}
