/// Index arithmetic on row-major ONNX shapes, shared by constant folding and shape inference.
enum ONNXShapeMath {
  /// Row-major strides of `shape`.
  static func strides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var running = 1
    for axis in shape.indices.reversed() {
      strides[axis] = running
      running *= shape[axis]
    }
    return strides
  }

  /// The product of the extents (1 for a scalar).
  static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

  /// A possibly negative axis made non-negative for a tensor of `rank`, or `nil` if out of range.
  static func axis(_ axis: Int, rank: Int) -> Int? {
    let resolved = axis < 0 ? axis + rank : axis
    return (0..<max(rank, 1)).contains(resolved) ? resolved : nil
  }

  /// The numpy-broadcast shape of `a` and `b`, or `nil` when they do not broadcast.
  static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
    let rank = max(a.count, b.count)
    let paddedA = [Int](repeating: 1, count: rank - a.count) + a
    let paddedB = [Int](repeating: 1, count: rank - b.count) + b
    var result: [Int] = []
    for (x, y) in zip(paddedA, paddedB) {
      guard x == y || x == 1 || y == 1 else { return nil }
      result.append(x == 1 ? y : x)
    }
    return result
  }

  /// For every element of `target` (row-major), the index of the element of `shape` that
  /// broadcasting reads (`shape` must broadcast to `target`).
  static func broadcastIndices(_ shape: [Int], to target: [Int]) -> [Int] {
    let padded = [Int](repeating: 1, count: target.count - shape.count) + shape
    let sourceStrides = strides(padded)
    let targetStrides = strides(target)
    return (0..<count(target)).map { flat in
      var index = 0
      for axis in target.indices where padded[axis] != 1 {
        index += (flat / targetStrides[axis] % target[axis]) * sourceStrides[axis]
      }
      return index
    }
  }

  /// For every element of the transposed tensor (row-major), its index in the original, where
  /// output axis `i` is input axis `permutation[i]`.
  static func transposeIndices(_ shape: [Int], permutation: [Int]) -> [Int] {
    let sourceStrides = strides(shape)
    let target = permutation.map { shape[$0] }
    let targetStrides = strides(target)
    return (0..<count(target)).map { flat in
      var index = 0
      for axis in target.indices {
        index += (flat / targetStrides[axis] % target[axis]) * sourceStrides[permutation[axis]]
      }
      return index
    }
  }

  /// Resolves a `Reshape` target: `0` copies the input extent (unless `allowZero`), one `-1`
  /// takes what is left.
  ///
  /// Returns `nil` when the element counts cannot agree.
  static func reshape(_ input: [Int], to target: [Int], allowZero: Bool) -> [Int]? {
    var resolved = target
    for (axis, extent) in target.enumerated() where extent == 0 && !allowZero {
      guard axis < input.count else { return nil }
      resolved[axis] = input[axis]
    }
    let total = count(input)
    let unknown = resolved.indices.filter { resolved[$0] == -1 }
    guard unknown.count <= 1, resolved.allSatisfy({ $0 >= -1 }) else { return nil }
    if let axis = unknown.first {
      let known = resolved.enumerated().filter { $0.offset != axis }.reduce(1) { $0 * $1.element }
      guard known > 0, total % known == 0 else { return nil }
      resolved[axis] = total / known
    }
    return count(resolved) == total ? resolved : nil
  }

  /// Resolves `Slice` bounds for one axis of `extent`: the clamped start and the output extent.
  static func slice(extent: Int, start: Int, end: Int, step: Int) -> (start: Int, count: Int) {
    func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }
    var first = start < 0 ? start + extent : start
    var last = end < 0 ? end + extent : end
    if step > 0 {
      first = clamp(first, 0, extent)
      last = clamp(last, 0, extent)
      return (first, max(0, (last - first + step - 1) / step))
    }
    first = clamp(first, -1, extent - 1)
    last = clamp(last, -1, extent - 1)
    return (first, max(0, (first - last + (-step) - 1) / (-step)))
  }
}
