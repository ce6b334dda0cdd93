/// The pooled detector features of every window of one strand, computed with shared sums.
///
/// DeepBind scores each window of W bases separately, padded with M−1 unknown columns on each
/// side; a window's full cross-correlation has T = W+M−1 positions. Neighbouring windows see
/// the same bases, so instead of one im2col per window (T·M·4 copies each) this kernel forms
///
/// ```
/// G[j, p, d]  = Σ_b x[j, b] · K[p, b, d]                       one sgemm, [L, 4] × [4, M·D]
/// P[r, p, d]  = Σ_{q<p} G[r − (M−1) + q, q, d]                   diagonal prefix sums (Double)
/// z[s, t, d]  = P[s+t, b_t, d] − P[s+t, a_t, d] + c[t, d]        window s, position t
/// ```
/// where kernel offsets `[a_t, b_t)` fall on the window's bases and the rest on padding, and
/// `c[t, d]` is the padding's constant contribution plus the threshold (both independent of s).
/// Features are `max_t relu(z)` and, with average pooling, `mean_t relu(z)`, interleaved.
///
/// Properties: exact up to rounding (sums are accumulated in `Double`); cost
/// O(L·M·D + windows·T·D) per strand instead of O(windows·T·M·4·D).
struct DeepBindWindowScorer {
  /// L, the sequence length.
  let sequenceLength: Int
  /// M, D and the feature count.
  let dimensions: DeepBindDimensions
  /// The window length, `min(L, W)`.
  let windowLength: Int
  /// The number of windows, `L − windowLength + 1`.
  let windowCount: Int
  /// Whether features interleave max and average.
  let hasAveragePooling: Bool
  /// `K` rearranged as `[4, M·D]`.
  private let kernelByBase: [Float]
  /// `c[t, d]`: padding contribution plus threshold at each output position, `[T, D]`.
  private let positionTerms: [Double]
  /// `a_t`, the first kernel offset on a base at position t.
  private let clipLower: [Int]
  /// `b_t`, one past the last kernel offset on a base at position t.
  private let clipUpper: [Int]

  /// T, the length of a window's full cross-correlation.
  var outputLength: Int { windowLength + dimensions.detectorLength - 1 }

  /// Prepares the constants for sequences of one length.
  /// - Parameters:
  ///   - weights: The model's arrays (checked).
  ///   - dimensions: Their sizes.
  ///   - options: The window size and padding value.
  ///   - sequenceLength: L.
  init(
    weights: DeepBindWeights, dimensions: DeepBindDimensions, options: DeepBindOptions,
    sequenceLength: Int
  ) {
    let (m, d) = (dimensions.detectorLength, dimensions.detectorCount)
    let window = min(sequenceLength, max(1, options.windowSize))
    let outputs = window + m - 1
    self.sequenceLength = sequenceLength
    self.dimensions = dimensions
    self.windowLength = window
    self.windowCount = sequenceLength - window + 1
    self.hasAveragePooling = options.hasAveragePooling
    let kernel = weights.detectors.scalars
    var byBase = [Float](repeating: 0, count: 4 * m * d)
    var paddingPrefix = [Double](repeating: 0, count: (m + 1) * d)
    let unknown = Double(options.unknownBaseValue)
    for p in 0..<m {
      for detector in 0..<d {
        var column = 0.0
        for base in 0..<4 {
          let value = kernel[(p * 4 + base) * d + detector]
          byBase[base * m * d + p * d + detector] = value
          column += Double(value)
        }
        paddingPrefix[(p + 1) * d + detector] = paddingPrefix[p * d + detector] + unknown * column
      }
    }
    let thresholds = weights.thresholds.scalars
    var terms = [Double](repeating: 0, count: outputs * d)
    var lower = [Int](repeating: 0, count: outputs)
    var upper = [Int](repeating: 0, count: outputs)
    for t in 0..<outputs {
      lower[t] = max(0, m - 1 - t)
      upper[t] = min(m, window + m - 1 - t)
      for detector in 0..<d {
        let left = paddingPrefix[lower[t] * d + detector]
        let right = paddingPrefix[m * d + detector] - paddingPrefix[upper[t] * d + detector]
        terms[t * d + detector] = left + right + Double(thresholds[detector])
      }
    }
    self.kernelByBase = byBase
    self.positionTerms = terms
    self.clipLower = lower
    self.clipUpper = upper
  }

  /// Scratch memory for one strand, allocated once per batch.
  final class Workspace {
    /// `G`, `[L, M·D]`.
    let products: UnsafeMutableBufferPointer<Float>
    /// `P`, `[L+M−1, M+1, D]`.
    let diagonals: UnsafeMutableBufferPointer<Double>
    /// Running maxima and sums, `[2, D]`.
    let pooled: UnsafeMutableBufferPointer<Double>

    init(_ scorer: DeepBindWindowScorer) {
      let (l, m, d) = (
        scorer.sequenceLength, scorer.dimensions.detectorLength, scorer.dimensions.detectorCount
      )
      products = .allocate(capacity: l * m * d)
      diagonals = .allocate(capacity: (l + m - 1) * (m + 1) * d)
      pooled = .allocate(capacity: 2 * d)
    }

    deinit {
      products.deallocate()
      diagonals.deallocate()
      pooled.deallocate()
    }
  }

  /// Writes the features of every window of one strand.
  /// - Parameters:
  ///   - strand: `[L, 4]` scalars.
  ///   - output: Receives `[windowCount, H1]` features.
  ///   - workspace: Scratch memory from ``Workspace/init(_:)``.
  func features(
    of strand: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>,
    workspace: Workspace
  ) {
    // Legend: l = L, m = M, d = D, t = output position, s = window start, r = s + t.
    let (l, m, d) = (sequenceLength, dimensions.detectorLength, dimensions.detectorCount)
    let g = workspace.products
    kernelByBase.withUnsafeBufferPointer { k in
      BLAS.gemm(m: l, n: m * d, k: 4, a: strand, b: k, c: g)
    }
    let diagonal = workspace.diagonals
    let rowStride = (m + 1) * d
    for r in 0..<(l + m - 1) {
      let base = r * rowStride
      for j in 0..<d { diagonal[base + j] = 0 }
      for p in 0..<m {
        let from = base + p * d
        let position = r - (m - 1) + p
        if position >= 0 && position < l {
          let source = position * m * d + p * d
          for j in 0..<d { diagonal[from + d + j] = diagonal[from + j] + Double(g[source + j]) }
        } else {
          for j in 0..<d { diagonal[from + d + j] = diagonal[from + j] }
        }
      }
    }
    let maxima = workspace.pooled
    let outputs = outputLength
    let width = dimensions.features
    let scale = 1 / Double(outputs)
    positionTerms.withUnsafeBufferPointer { terms in
      for s in 0..<windowCount {
        for j in 0..<(2 * d) { maxima[j] = 0 }
        for t in 0..<outputs {
          let row = (s + t) * rowStride
          let upper = row + clipUpper[t] * d
          let lower = row + clipLower[t] * d
          let term = t * d
          for j in 0..<d {
            let z = diagonal[upper + j] - diagonal[lower + j] + terms[term + j]
            if z > 0 {
              if z > maxima[j] { maxima[j] = z }
              maxima[d + j] += z
            }
          }
        }
        let featureRow = s * width
        for j in 0..<d {
          if hasAveragePooling {
            output[featureRow + 2 * j] = Float(maxima[j])
            output[featureRow + 2 * j + 1] = Float(maxima[d + j] * scale)
          } else {
            output[featureRow + j] = Float(maxima[j])
          }
        }
      }
    }
  }
}
