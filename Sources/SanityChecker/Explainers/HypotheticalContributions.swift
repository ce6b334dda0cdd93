/// Hypothetical contributions of one-hot DNA: what each base would contribute at each position.
///
/// For a reference `r` and DeepLIFT multipliers `m` (both `[N, L, 4]`):
///
/// ```
/// hyp[n, l, b] = m[n, l, b] − Σ_c r[n, l, c] · m[n, l, c]
/// ```
/// that is, the contribution `Σ_c (e_b − r)[c]·m[c]` had base `b` been present (`e_b` one-hot),
/// averaged over references by the callers. This is the definition of the DeepLIFT and SHAP
/// genomics examples (`combine_mult_and_diffref`), and what TF-MoDISco consumes.
///
/// Property: for one-hot `x`, `hyp[n, l, observed] = Σ_c (x − r)[n, l, c]·m[n, l, c]`, the
/// actual contribution of position `l`; so `hyp ⊙ x` is the DeepLIFT map summed over bases.
enum HypotheticalContributions {
  /// The hypothetical contributions for one reference.
  /// - Parameters:
  ///   - multipliers: DeepLIFT multipliers at the input, `[N, L, 4]`.
  ///   - reference: The reference, `[N, L, 4]`.
  /// - Returns: `[N, L, 4]`.
  static func of(multipliers: Tensor, reference: Tensor) -> Tensor {
    precondition(
      multipliers.shape == reference.shape && reference.shape.rank == 3 && reference.shape[2] == 4,
      "HypotheticalContributions: multipliers \(multipliers.shape) and reference \(reference.shape) must be one [N, L, 4]"
    )
    return Tensor(shape: multipliers.shape) { hyp in
      multipliers.withUnsafeBufferPointer { m in
        reference.withUnsafeBufferPointer { r in
          for row in stride(from: 0, to: hyp.count, by: 4) {
            var expected: Float = 0
            for channel in row..<(row + 4) { expected += r[channel] * m[channel] }
            for channel in row..<(row + 4) { hyp[channel] = m[channel] - expected }
          }
        }
      }
    }
  }
}
