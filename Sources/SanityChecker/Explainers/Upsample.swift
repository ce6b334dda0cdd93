/// Resizing of 1-D and 2-D maps `[N, P]` / `[N, H, W]`, as PyTorch's `interpolate`.
enum Upsample {
  /// Resizes every item to `size` (one extent per spatial axis).
  static func resize(_ maps: Tensor, to size: [Int], mode: GradCAM.Upsampling) -> Tensor {
    let source = Array(maps.shape.dimensions.dropFirst())
    precondition(
      source.count == size.count && (1...2).contains(size.count), "Upsample: \(source) → \(size)")
    let (sourceHeight, sourceWidth) = size.count == 2 ? (source[0], source[1]) : (1, source[0])
    let (height, width) = size.count == 2 ? (size[0], size[1]) : (1, size[0])
    let rows = taps(from: sourceHeight, to: height, mode: mode)
    let columns = taps(from: sourceWidth, to: width, mode: mode)
    return Tensor(shape: Shape([maps.batchSize] + size)) { out in
      maps.withUnsafeBufferPointer { m in
        for item in 0..<maps.batchSize {
          let inBase = item * sourceHeight * sourceWidth
          let outBase = item * height * width
          for (i, row) in rows.enumerated() {
            for (j, column) in columns.enumerated() {
              let top =
                (1 - column.fraction) * m[inBase + row.low * sourceWidth + column.low]
                + column.fraction * m[inBase + row.low * sourceWidth + column.high]
              let bottom =
                (1 - column.fraction) * m[inBase + row.high * sourceWidth + column.low]
                + column.fraction * m[inBase + row.high * sourceWidth + column.high]
              out[outBase + i * width + j] = (1 - row.fraction) * top + row.fraction * bottom
            }
          }
        }
      }
    }
  }

  /// For each output index, the two source indices and the weight of the second.
  static func taps(from source: Int, to target: Int, mode: GradCAM.Upsampling) -> [(
    low: Int, high: Int, fraction: Float
  )] {
    (0..<target).map { i in
      switch mode {
      case .nearest:
        let index = min(source - 1, (i * source) / target)
        return (index, index, 0)
      case .linear:
        let position = max(0, (Double(i) + 0.5) * Double(source) / Double(target) - 0.5)
        let low = min(source - 1, Int(position))
        return (low, min(low + 1, source - 1), Float(position - Double(low)))
      }
    }
  }
}
