/// How a position's attribution `[4]` becomes the one number a track or a summary shows.
///
/// ```
/// observed-base:  s[n, l] = Σ_b x[n, l, b] · a[n, l, b]
/// sum:            s[n, l] = Σ_b a[n, l, b]
/// ```
/// with `x` the one-hot sequence and `a` the map. For a one-hot base, `observed-base` is the
/// attribution at the observed base (the "actual" contribution TF-MoDISco and genome-browser
/// tracks show); an `N` encoded as 0.25 each gives the mean over the four bases, an `N` encoded as
/// zeros gives 0. `sum` adds all four channels, which suits maps already zero off the observed
/// base (Gradient × Input, DeepLIFT, IG with a zero baseline) and shows the net effect of all
/// four for the others.
///
/// **ISM.** Its maps are raw deltas `Δ[l, b]`, 0 at the observed base, so `a` is taken as the
/// mean-centred delta `Δ[l, b] − mean_c Δ[l, c]` (tangermeme's view, as the checks compare it):
/// `observed-base` then gives `−mean_c Δ[l, c]`, how much the observed base beats the average
/// substitution; `sum` gives 0.
public enum AttributionScore: String, Sendable, CaseIterable {
  /// The attribution at the observed base, `Σ_b x·a`.
  case observedBase = "observed-base"
  /// The sum over the four channels, `Σ_b a`.
  case sum

  /// What the score is, for track headers and table notes.
  public var explanation: String {
    switch self {
    case .observedBase:
      return "attribution at the observed base (sum over bases of one-hot x times map)"
    case .sum: return "attribution summed over the four bases"
    }
  }

  /// The score of every position.
  /// - Parameter explained: Sequences `[N, L, 4]` with maps `[N, L, 4]`.
  /// - Returns: `[N, L]`.
  public func scores(_ explained: ExplainedSequences) -> Tensor {
    scores(
      sequences: explained.sequences, maps: explained.attributions, method: explained.method)
  }

  /// The score of every position of some sequences' maps.
  /// - Parameters:
  ///   - sequences: One-hot `[N, L, 4]`.
  ///   - maps: Their maps `[N, L, 4]`.
  ///   - method: The method's identifier (ISM's raw deltas are centred first).
  /// - Returns: `[N, L]`.
  public func scores(sequences: Tensor, maps: Tensor, method: String) -> Tensor {
    let (count, length) = (maps.shape[0], maps.shape[1])
    let observed = self == .observedBase
    let isCentred = method == InSilicoMutagenesis.identifier
    return Tensor(shape: [count, length]) { out in
      maps.withUnsafeBufferPointer { a in
        sequences.withUnsafeBufferPointer { x in
          for cell in 0..<(count * length) {
            let first = cell * 4
            let mean = isCentred ? (a[first] + a[first + 1] + a[first + 2] + a[first + 3]) / 4 : 0
            var total: Float = 0
            for channel in first..<(first + 4) {
              total += observed ? x[channel] * (a[channel] - mean) : a[channel] - mean
            }
            out[cell] = total
          }
        }
      }
    }
  }
}
