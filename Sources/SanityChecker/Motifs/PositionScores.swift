/// The per-position score that seqlets are called on, and the per-base contributions that
/// motifs are built from.
///
/// For a DNA map `a` `[L, 4]` and its input `x` `[L, 4]`:
/// ```
/// s_l    = Σ_b x_l,b · a_l,b − (1/4) Σ_b a_l,b        (attribution at the observed base, mean-centred)
/// c_l,b  = x_l,b · s_l                                (the contribution matrix)
/// ```
/// Centring over the four bases (the gradient correction of Majdandzic et al. 2023,
/// doi:10.1186/s13059-023-02956-3) makes one rule serve every method: a map that is non-zero only
/// at observed bases (Gradient × Input, DeepLIFT) is scaled by 3/4; Saliency's raw gradients lose
/// the part shared by the four bases; ISM's raw delta (0 at the observed base) becomes minus the
/// mean effect of mutating the position, which is positive where mutations lower the output.
/// An unknown base (all channels equal) scores 0. A map with one value per position (`[L]`,
/// Grad-CAM) is used as it is.
public enum PositionScores {
  /// The scores of every item.
  /// - Parameters:
  ///   - maps: `[N, L, 4]` or `[N, L]`.
  ///   - input: The one-hot inputs `[N, L, 4]`.
  /// - Returns: N rows of L scores.
  /// - Throws: ``MotifDiscoveryError/mapShape(expected:actual:)`` for any other shape.
  public static func scores(_ maps: Tensor, input: Tensor) throws(MotifDiscoveryError) -> [[Float]]
  {
    let shape = input.shape
    guard shape.rank == 3, shape[2] == 4 else {
      throw .mapShape(expected: "[N, L, 4] one-hot DNA input", actual: shape.description)
    }
    let (count, length) = (shape[0], shape[1])
    if maps.shape == Shape([count, length]) {
      return (0..<count).map { Array(maps.scalars[($0 * length)..<(($0 + 1) * length)]) }
    }
    guard maps.shape == shape else {
      throw .mapShape(expected: "\(shape) or [\(count), \(length)]", actual: maps.shape.description)
    }
    return maps.withUnsafeBufferPointer { map in
      input.withUnsafeBufferPointer { onehot in
        (0..<count).map { item in
          (0..<length).map { position in
            let base = (item * length + position) * 4
            var observed: Float = 0
            var total: Float = 0
            for channel in 0..<4 {
              observed += onehot[base + channel] * map[base + channel]
              total += map[base + channel]
            }
            return observed - total / 4
          }
        }
      }
    }
  }
}
