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

  /// The extents an image-like metric compares: ``spatialExtents(of:)``, or `[H, W]` for a
  /// multi-channel image `[H, W, C]`, whose channels ``planar(_:isAbsolute:)`` reduces.
  /// - Parameter shape: The map's shape.
  /// - Returns: One or two extents, or `nil` for a shape no image-like metric reads.
  static func planarExtents(of shape: Shape) -> [Int]? {
    if shape.rank == 3, shape[2] > 1 { return [shape[0], shape[1]] }
    return spatialExtents(of: shape)
  }

  /// The map as SSIM and HOG read it, min-max scaled to [0, 1]; an RGB map is first reduced
  /// over its channels, as Adebayo et al. (arXiv:1810.03292) reduce Inception maps before
  /// comparing them (their `VisualizeImageDiverging` and `VisualizeImageGrayscale`):
  /// ```
  /// signed      v[h, w] = Σ_c A[h, w, c]
  /// isAbsolute  v[h, w] = Σ_c |A[h, w, c]|
  /// ```
  /// - Parameters:
  ///   - map: `[L]`, `[H, W]`, `[H, W, 1]` or `[H, W, C]`.
  ///   - isAbsolute: Whether magnitudes are compared.
  /// - Returns: The scaled values (row-major) and their extents, or `nil` for another shape.
  static func planar(_ map: Tensor, isAbsolute: Bool) -> (values: [Double], extents: [Int])? {
    guard let extents = planarExtents(of: map.shape) else { return nil }
    guard map.shape.rank == 3, map.shape[2] > 1 else {
      return (minMaxScaled(map, isAbsolute: isAbsolute), extents)
    }
    let channels = map.shape[2]
    let pixels = extents[0] * extents[1]
    let reduced = Tensor(shape: [pixels]) { out in
      map.withUnsafeBufferPointer { values in
        for pixel in 0..<pixels {
          var sum: Float = 0
          for channel in 0..<channels {
            let value = values[pixel * channels + channel]
            sum += isAbsolute ? abs(value) : value
          }
          out[pixel] = sum
        }
      }
    }
    return (minMaxScaled(reduced, isAbsolute: false), extents)
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
