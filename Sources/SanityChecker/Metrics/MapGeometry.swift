/// How the image-like metrics (SSIM, HOG) read a map: spatial extents and min-max scaling.
enum MapGeometry {
  /// The spatial extents of one map.
  ///
  /// `[L]` is a 1-D signal, `[H, W]` a 2-D map (a DNA attribution `[L, 4]` is a `L × 4` image,
  /// as in the golden references), and `[H, W, 1]` an image with one channel.
  /// - Parameter shape: The map's shape.
  /// - Returns: One or two extents, or `nil` for any other shape.
  static func spatialExtents(of shape: Shape) -> [Int]? {
    switch shape.rank {
    case 1, 2: return shape.dimensions
    case 3 where shape[2] == 1: return [shape[0], shape[1]]
    default: return nil
    }
  }

  /// The extents, or a precondition failure naming the metric and the shape.
  static func requireSpatialExtents(of shape: Shape, metric: String) -> [Int] {
    guard let extents = spatialExtents(of: shape) else {
      preconditionFailure(
        "\(metric): map shape \(shape) is not a signal [L], a map [H, W] or an image [H, W, 1]; "
          + "pass one map at a time")
    }
    return extents
  }

  /// The map min-max scaled to [0, 1] in `Double`: `(v - min) / (max - min)`.
  ///
  /// A constant map becomes all zeros. With `isAbsolute`, `|v|` is scaled.
  /// - Parameters:
  ///   - map: The map.
  ///   - isAbsolute: Whether to scale magnitudes.
  /// - Returns: The scaled values, row-major.
  static func minMaxScaled(_ map: Tensor, isAbsolute: Bool) -> [Double] {
    map.withUnsafeBufferPointer { values in
      let count = values.count
      guard count > 0 else { return [] }
      var low = Double.infinity
      var high = -Double.infinity
      for value in values {
        let v = Double(isAbsolute ? abs(value) : value)
        low = min(low, v)
        high = max(high, v)
      }
      guard high > low else { return [Double](repeating: 0, count: count) }
      let range = high - low
      return [Double](unsafeUninitializedCapacity: count) { out, initialized in
        for i in 0..<count {
          let v = Double(isAbsolute ? abs(values[i]) : values[i])
          out[i] = (v - low) / range
        }
        initialized = count
      }
    }
  }
}
