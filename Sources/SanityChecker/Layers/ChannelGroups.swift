/// Splitting the last axis of a channels-last tensor into equal groups and joining them back:
/// the data movement of grouped convolutions.
///
/// Legend: `R` rows (every axis but the last, batch included), `C` channels, `G` groups,
/// `c = C / G` channels per group. Group `g` holds channels `g·c ..< (g + 1)·c` of every row:
///
/// ```
/// split:  part_g[r, j] = x[r, g·c + j]
/// join:   x[r, g·c + j] = part_g[r, j]      (the adjoint and the inverse of split)
/// ```
enum ChannelGroups {
  /// The `groups` parts of `tensor` along its last axis.
  /// - Parameters:
  ///   - tensor: `[…, C]` with `C` divisible by `groups`.
  ///   - groups: `G`, ≥ 1.
  /// - Returns: `G` tensors `[…, C / G]`.
  static func split(_ tensor: Tensor, groups: Int) -> [Tensor] {
    let dimensions = tensor.shape.dimensions
    let channels = dimensions.last ?? 1
    precondition(
      groups >= 1 && channels % groups == 0,
      "ChannelGroups: \(channels) channels do not split into \(groups) groups")
    if groups == 1 { return [tensor] }
    let width = channels / groups
    let rows = channels == 0 ? 0 : tensor.shape.count / channels
    let shape = Shape(Array(dimensions.dropLast()) + [width])
    return tensor.withUnsafeBufferPointer { x in
      (0..<groups).map { g in
        Tensor(shape: shape) { out in
          for r in 0..<rows {
            let source = r * channels + g * width
            for j in 0..<width { out[r * width + j] = x[source + j] }
          }
        }
      }
    }
  }

  /// The parts joined along the last axis, in order.
  /// - Parameter parts: `G` tensors `[…, c]` of one shape.
  /// - Returns: `[…, G·c]`.
  static func join(_ parts: [Tensor]) -> Tensor {
    guard let first = parts.first else { return Tensor(shape: [0]) }
    if parts.count == 1 { return first }
    let dimensions = first.shape.dimensions
    let width = dimensions.last ?? 1
    let channels = width * parts.count
    let rows = width == 0 ? 0 : first.shape.count / width
    var output = Tensor(shape: Shape(Array(dimensions.dropLast()) + [channels]))
    output.withUnsafeMutableBufferPointer { out in
      for (g, part) in parts.enumerated() {
        precondition(
          part.shape == first.shape,
          "ChannelGroups: part \(g) has shape \(part.shape), expected \(first.shape)")
        part.withUnsafeBufferPointer { x in
          for r in 0..<rows {
            let target = r * channels + g * width
            for j in 0..<width { out[target + j] = x[r * width + j] }
          }
        }
      }
    }
    return output
  }
}
