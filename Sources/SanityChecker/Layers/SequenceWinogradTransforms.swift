/// The matrices of Winograd's F(4, 4) at the points 0, 1, −1, 2, −2, −½ and ∞ (see
/// ``SequenceWinograd``), from Toom–Cook interpolation (Lavin and Gray, CVPR 2016, §4):
/// `Aᵀ = V₄ᵀ`, `G = D⁻¹ V₄` and `Bᵀ = D V₇⁻ᵀ`, with `V_k` the points' `7 × k` Vandermonde
/// matrix (the row of ∞ picks the leading coefficient) and `D` the diagonal scaling that makes
/// `Bᵀ` integral. For a window `d` of 7 inputs and 4 taps `g`:
///
/// ```
/// y[i] = Σ_k d[i + k] · g[k] = (Aᵀ ((G g) ⊙ (Bᵀ d)))[i],   i < 4
/// ```
enum SequenceWinogradTransforms {
  /// `G`, `7 × 4`, applied to the kernel once, in `Double`.
  static let g: [[Double]] = [
    [1.0 / 4, 0, 0, 0],
    [1.0 / 18, 1.0 / 18, 1.0 / 18, 1.0 / 18],
    [1.0 / 6, -1.0 / 6, 1.0 / 6, -1.0 / 6],
    [1.0 / 120, 1.0 / 60, 1.0 / 30, 1.0 / 15],
    [1.0 / 72, -1.0 / 36, 1.0 / 18, -1.0 / 9],
    [-32.0 / 45, 16.0 / 45, -8.0 / 45, 4.0 / 45],
    [0, 0, 0, 1.0 / 2],
  ]

  /// Writes `Bᵀ d` of `count` channels as 7 rows `stride` apart.
  ///
  /// Row `t` of `d` is at `d + t·channels`:
  ///
  /// ```
  ///      ⎡ 4   8  −5 −10   1   2   0 ⎤
  ///      ⎢ 0   4  12   7  −3  −2   0 ⎥
  ///      ⎢ 0   4   4  −9  −1   2   0 ⎥
  /// Bᵀ = ⎢ 0  −2  −5   0   5   2   0 ⎥
  ///      ⎢ 0  −2  −3   4   3  −2   0 ⎥
  ///      ⎢ 0   4   0  −5   0   1   0 ⎥
  ///      ⎣ 0   4   8  −5 −10   1   2 ⎦
  /// ```
  @inline(__always)
  static func input<L: SIMD>(
    _: L.Type, _ d: UnsafePointer<Float>, channels: Int, count: Int,
    into v: UnsafeMutablePointer<Float>, stride: Int
  ) where L.Scalar == Float {
    let d0: L = WinogradTransforms.load(d, count)
    let d1: L = WinogradTransforms.load(d + channels, count)
    let d2: L = WinogradTransforms.load(d + 2 * channels, count)
    let d3: L = WinogradTransforms.load(d + 3 * channels, count)
    let d4: L = WinogradTransforms.load(d + 4 * channels, count)
    let d5: L = WinogradTransforms.load(d + 5 * channels, count)
    let d6: L = WinogradTransforms.load(d + 6 * channels, count)
    var v0: L = d0 * 4
    v0 += d1 * 8
    v0 -= d2 * 5
    v0 -= d3 * 10
    v0 += d4
    v0 += d5 * 2
    var v1: L = d1 * 4
    v1 += d2 * 12
    v1 += d3 * 7
    v1 -= d4 * 3
    v1 -= d5 * 2
    var v2: L = d1 * 4
    v2 += d2 * 4
    v2 -= d3 * 9
    v2 -= d4
    v2 += d5 * 2
    var v3: L = d1 * -2
    v3 -= d2 * 5
    v3 += d4 * 5
    v3 += d5 * 2
    var v4: L = d1 * -2
    v4 -= d2 * 3
    v4 += d3 * 4
    v4 += d4 * 3
    v4 -= d5 * 2
    var v5: L = d1 * 4
    v5 -= d3 * 5
    v5 += d5
    var v6: L = d1 * 4
    v6 += d2 * 8
    v6 -= d3 * 5
    v6 -= d4 * 10
    v6 += d5
    v6 += d6 * 2
    WinogradTransforms.store(v0, v, count)
    WinogradTransforms.store(v1, v + stride, count)
    WinogradTransforms.store(v2, v + 2 * stride, count)
    WinogradTransforms.store(v3, v + 3 * stride, count)
    WinogradTransforms.store(v4, v + 4 * stride, count)
    WinogradTransforms.store(v5, v + 5 * stride, count)
    WinogradTransforms.store(v6, v + 6 * stride, count)
  }

  /// Writes `b + Aᵀ m` of `count` channels to the first `positions` of 4 output rows.
  ///
  /// `m_ξ` is at `m + ξ·stride`; output rows are `channels` apart:
  ///
  /// ```
  ///      ⎡ 1   1   1   1   1   1    0 ⎤
  /// Aᵀ = ⎢ 0   1  −1   2  −2  −1/2  0 ⎥
  ///      ⎢ 0   1   1   4   4   1/4  0 ⎥
  ///      ⎣ 0   1  −1   8  −8  −1/8  1 ⎦
  /// ```
  @inline(__always)
  static func output<L: SIMD>(
    _: L.Type, _ m: UnsafePointer<Float>, stride: Int, bias: UnsafePointer<Float>, count: Int,
    into y: UnsafeMutablePointer<Float>, channels: Int, positions: Int
  ) where L.Scalar == Float {
    let b: L = WinogradTransforms.load(bias, count)
    let m0: L = WinogradTransforms.load(m, count)
    let m1: L = WinogradTransforms.load(m + stride, count)
    let m2: L = WinogradTransforms.load(m + 2 * stride, count)
    let m3: L = WinogradTransforms.load(m + 3 * stride, count)
    let m4: L = WinogradTransforms.load(m + 4 * stride, count)
    let m5: L = WinogradTransforms.load(m + 5 * stride, count)
    let m6: L = WinogradTransforms.load(m + 6 * stride, count)
    let (sum12, difference12): (L, L) = (m1 + m2, m1 - m2)
    let (sum34, difference34): (L, L) = (m3 + m4, m3 - m4)
    var y0: L = b + m0
    y0 += sum12 + sum34
    y0 += m5
    WinogradTransforms.store(y0, y, count)
    guard positions > 1 else { return }
    var y1: L = b + difference12
    y1 += difference34 * 2
    y1 -= m5 * 0.5
    WinogradTransforms.store(y1, y + channels, count)
    guard positions > 2 else { return }
    var y2: L = b + sum12
    y2 += sum34 * 4
    y2 += m5 * 0.25
    WinogradTransforms.store(y2, y + 2 * channels, count)
    guard positions > 3 else { return }
    var y3: L = b + difference12
    y3 += difference34 * 8
    y3 -= m5 * 0.125
    y3 += m6
    WinogradTransforms.store(y3, y + 3 * channels, count)
  }
}
