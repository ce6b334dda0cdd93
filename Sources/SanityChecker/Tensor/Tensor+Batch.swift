extension Tensor {
  /// The items `range` of the leading axis, as a new tensor.
  /// - Parameter range: Item indices along the batch axis.
  /// - Returns: A tensor of shape `[range.count] + shape.item`.
  public func items(_ range: Range<Int>) -> Tensor {
    let stride = itemCount
    return Tensor(
      shape: shape.item.batched(range.count),
      scalars: Array(scalars[(range.lowerBound * stride)..<(range.upperBound * stride)]))
  }

  /// Concatenates tensors along the leading (batch) axis.
  /// - Parameter parts: Tensors with equal item shapes.
  /// - Returns: One tensor holding every part's items in order.
  public static func concatenating(_ parts: [Tensor]) -> Tensor {
    guard let first = parts.first else { return Tensor(shape: [0]) }
    let itemShape = first.shape.item
    var scalars: [Float] = []
    scalars.reserveCapacity(parts.reduce(0) { $0 + $1.scalars.count })
    var batch = 0
    for part in parts {
      precondition(
        part.shape.item == itemShape, "concatenating: \(part.shape.item) != \(itemShape)")
      scalars.append(contentsOf: part.scalars)
      batch += part.batchSize
    }
    return Tensor(shape: itemShape.batched(batch), scalars: scalars)
  }

  /// Whether every scalar is finite (no NaN and no infinity).
  public var isFinite: Bool {
    withUnsafeBufferPointer { buffer in buffer.allSatisfy { $0.isFinite } }
  }
}

extension Tensor {
  /// The items at the given indices of the leading axis, in that order.
  /// - Parameter indices: Item indices.
  /// - Returns: A tensor of shape `[indices.count] + shape.item`.
  public func gathering(_ indices: [Int]) -> Tensor {
    let stride = itemCount
    return Tensor(shape: shape.item.batched(indices.count)) { out in
      withUnsafeBufferPointer { x in
        for (row, index) in indices.enumerated() {
          for j in 0..<stride { out[row * stride + j] = x[index * stride + j] }
        }
      }
    }
  }
}
