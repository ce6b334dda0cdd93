extension Tensor {
  /// The sum over the leading (batch) axis.
  /// - Returns: A tensor of shape `shape.item`.
  public func sumOverBatch() -> Tensor {
    let width = itemCount
    let batch = batchSize
    return Tensor(shape: shape.item) { out in
      withUnsafeBufferPointer { x in
        for j in 0..<width { out[j] = 0 }
        for item in 0..<batch {
          let base = item * width
          for j in 0..<width { out[j] += x[base + j] }
        }
      }
    }
  }

  /// Elementwise `self ⊙ other`.
  /// - Parameter other: A tensor of the same shape.
  /// - Returns: The elementwise product.
  public func multiplied(by other: Tensor) -> Tensor {
    precondition(shape == other.shape, "multiplied(by:): \(shape) != \(other.shape)")
    return Tensor(shape: shape) { out in
      withUnsafeBufferPointer { a in
        other.withUnsafeBufferPointer { b in
          for i in 0..<a.count { out[i] = a[i] * b[i] }
        }
      }
    }
  }

  /// `self · factor + other · otherFactor`, elementwise.
  /// - Parameters:
  ///   - factor: The scale of `self`.
  ///   - other: A tensor of the same shape.
  ///   - otherFactor: The scale of `other`.
  /// - Returns: The linear combination.
  public func linearCombination(_ factor: Float, _ other: Tensor, _ otherFactor: Float) -> Tensor {
    precondition(shape == other.shape, "linearCombination: \(shape) != \(other.shape)")
    return Tensor(shape: shape) { out in
      withUnsafeBufferPointer { a in
        other.withUnsafeBufferPointer { b in
          for i in 0..<a.count { out[i] = a[i] * factor + b[i] * otherFactor }
        }
      }
    }
  }

  /// Every scalar multiplied by `factor`.
  /// - Parameter factor: The scale.
  /// - Returns: The scaled tensor.
  public func scaled(by factor: Float) -> Tensor {
    Tensor(shape: shape) { out in
      withUnsafeBufferPointer { a in for i in 0..<a.count { out[i] = a[i] * factor } }
    }
  }

  /// The largest absolute value (0 for an empty tensor).
  public var maximumMagnitude: Float {
    withUnsafeBufferPointer { $0.reduce(0) { Swift.max($0, abs($1)) } }
  }
}
