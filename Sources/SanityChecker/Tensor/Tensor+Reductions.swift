extension Tensor {
  /// The sum of each item's scalars.
  /// - Returns: One sum per item along the leading axis.
  public func itemSums() -> [Float] {
    let width = itemCount
    return withUnsafeBufferPointer { x in
      (0..<batchSize).map { item in
        var total: Float = 0
        for j in 0..<width { total += x[item * width + j] }
        return total
      }
    }
  }
}
