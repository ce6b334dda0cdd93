/// Which values of a DNA attribution `[L, 4]` a metric compares.
///
/// On one-hot input, methods that multiply by the input (Input×Gradient, IG, LRP) are exactly
/// zero at the three unobserved bases of every position: 303 of 404 values of a 101-bp map.
/// Rank metrics on the full map are then dominated by those ties (the golden references show a
/// `spearman-abs` of about 0.9 even for a fully randomized model). Comparing one value per
/// position avoids this:
/// ```
/// full          v[l, c] = A[l, c]                            shape [L, 4]
/// observedBase  v[l]    = A[l, b(l)]   where x[l, b(l)] = 1   shape [L]
///                         (mean_c A[l, c] when position l is N: not exactly one nonzero base)
/// channelSum    v[l]    = Σ_c A[l, c]                         shape [L]
/// ```
/// For input-multiplied methods `observedBase` and `channelSum` coincide; for gradients,
/// `observedBase` keeps the value at the base the model saw and `channelSum` the total
/// sensitivity of the position.
///
/// Leading axes are kept: a batch `[N, L, 4]` maps to `[N, L, 4]` or `[N, L]`.
public enum AttributionView: String, CaseIterable, Hashable, Sendable {
  /// Every value: `[…, L, 4]` unchanged.
  case full
  /// The attribution at the observed base of each position: `[…, L]`.
  case observedBase = "observed-base"
  /// The sum over the four channels of each position: `[…, L]`.
  case channelSum = "channel-sum"

  /// The values of `attribution` this view compares.
  /// - Parameters:
  ///   - attribution: A DNA attribution `[…, L, 4]` (channels A, C, G, T).
  ///   - input: The one-hot input it explains, of the same shape.
  /// - Returns: `[…, L, 4]` for ``full``, `[…, L]` otherwise.
  public func values(of attribution: Tensor, input: Tensor) -> Tensor {
    precondition(
      attribution.shape == input.shape,
      "AttributionView: attribution \(attribution.shape) and input \(input.shape) differ")
    let rank = attribution.shape.rank
    precondition(
      rank >= 1 && attribution.shape[rank - 1] == 4,
      "AttributionView: shape \(attribution.shape) does not end in 4 channels (A, C, G, T)")
    let positions = attribution.shape.count / 4
    let outputShape = Shape(Array(attribution.shape.dimensions.dropLast()))
    switch self {
    case .full:
      return attribution
    case .channelSum:
      return Tensor(shape: outputShape) { out in
        attribution.withUnsafeBufferPointer { a in
          for position in 0..<positions {
            let base = 4 * position
            out[position] = a[base] + a[base + 1] + a[base + 2] + a[base + 3]
          }
        }
      }
    case .observedBase:
      return Tensor(shape: outputShape) { out in
        attribution.withUnsafeBufferPointer { a in
          input.withUnsafeBufferPointer { x in
            for position in 0..<positions {
              out[position] = Self.observedValue(a, x, at: 4 * position)
            }
          }
        }
      }
    }
  }

  /// `A[l, b]` for the single nonzero input channel `b`, else the channel mean.
  private static func observedValue(
    _ attribution: UnsafeBufferPointer<Float>, _ input: UnsafeBufferPointer<Float>, at base: Int
  ) -> Float {
    var observed = 0
    var nonzeroCount = 0
    for channel in 0..<4 where input[base + channel] != 0 {
      observed = channel
      nonzeroCount += 1
    }
    guard nonzeroCount == 1 else {
      let sum =
        attribution[base] + attribution[base + 1] + attribution[base + 2] + attribution[base + 3]
      return sum / 4
    }
    return attribution[base + observed]
  }
}
