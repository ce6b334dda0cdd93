extension ONNXShapeInference {
  /// `Gemm` (`y = α·x·B + β·C`, `B` transposed when `transB = 1`) or `MatMul` by a constant.
  ///
  /// Gemm's kernel becomes `[I, O]` with α folded in and its bias `β·C` broadcast to `[O]`;
  /// `transA = 1` (the computed input transposed) is refused.
  static func dense(
    _ node: ONNXNode, _ input: [Int], _ operands: [ONNXConstant?],
    _ make: (ONNXOperation.Kind, [Int]) -> ONNXOperation
  ) throws(ONNXError) -> ONNXOperation {
    guard let weight = operands.first ?? nil, weight.shape.count == 2 else {
      throw node.unsupported("its second operand is not a constant matrix")
    }
    if node.op == "MatMul" {
      guard let last = input.last, input.count >= 2, last == weight.shape[0] else {
        throw node.invalid("input \(input) does not fit the weight \(weight.shape)")
      }
      return make(.matMul(weight), Array(input.dropLast()) + [weight.shape[1]])
    }
    if try node.int("transA", default: 0) != 0 {
      throw node.unsupported("transA", "1", "only an untransposed computed input is supported")
    }
    let alpha = try node.float("alpha", default: 1)
    let beta = try node.float("beta", default: 1)
    var kernel = weight
    if try node.int("transB", default: 0) != 0 {
      kernel = weight.gathered(
        ONNXShapeMath.transposeIndices(weight.shape, permutation: [1, 0]),
        shape: [weight.shape[1], weight.shape[0]])
    }
    let (units, outputs) = (kernel.shape[0], kernel.shape[1])
    guard input.count == 2, input[1] == units else {
      throw node.invalid("input \(input) does not fit the weight \(weight.shape)")
    }
    if alpha != 1 {
      kernel = ONNXConstant(shape: kernel.shape, values: .floats(kernel.floats.map { $0 * alpha }))
    }
    var bias: ONNXConstant?
    if operands.count > 1, let c = operands[1] {
      guard ONNXShapeMath.broadcast(c.shape, [1, outputs]) == [1, outputs] else {
        throw node.unsupported("C", "\(c.shape)", "the bias must broadcast to [1, \(outputs)]")
      }
      let indices = ONNXShapeMath.broadcastIndices(c.shape, to: [1, outputs])
      let values = c.floats
      bias = ONNXConstant(shape: [outputs], values: .floats(indices.map { values[$0] * beta }))
    }
    return make(.dense(kernel: kernel, bias: bias), [input[0], outputs])
  }
}
