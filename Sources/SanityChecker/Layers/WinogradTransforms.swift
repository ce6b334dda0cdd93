/// The fixed transforms of Winograd's minimal filtering F(2×2, 3×3) (Lavin & Gray 2016).
///
/// A 2×2 output tile `Y` of a 3×3 correlation is computed from its 4×4 input tile `d` and the
/// 3×3 kernel `g` as
///
/// ```
/// Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A
///
///      ⎡1  0 −1  0⎤        ⎡1    0    0 ⎤        ⎡1  1  1  0⎤
/// Bᵀ = ⎢0  1  1  0⎥    G = ⎢½    ½    ½ ⎥   Aᵀ = ⎣0  1 −1 −1⎦
///      ⎢0 −1  1  0⎥        ⎢½   −½    ½ ⎥
///      ⎣0  1  0 −1⎦        ⎣0    0    1 ⎦
/// ```
///
/// With channels, the elementwise product becomes a sum over input channels, so for each of
/// the 16 transform points `ξ` the products of all tiles are one matrix product
/// `M_ξ[T, O] = V_ξ[T, C] · U_ξ[C, O]`. The transforms here work on channel vectors: `V`,
/// `U` and `M` are stored point-major, `[16, rows, channels]`, so one point's rows are
/// contiguous for `sgemm`.
///
/// Legend: `ξ = 4·a + b` transform point (row `a`, column `b`), `C` input channels, `O` output
/// channels, `T` tiles.
enum WinogradTransforms {
  /// Loads `count ≤ L.scalarCount` scalars (zeros beyond).
  @inline(__always)
  static func load<L: SIMD>(_ pointer: UnsafePointer<Float>, _ count: Int) -> L
  where L.Scalar == Float {
    if count == L.scalarCount { return UnsafeRawPointer(pointer).loadUnaligned(as: L.self) }
    var lanes = L()
    for lane in 0..<count { lanes[lane] = pointer[lane] }
    return lanes
  }

  /// Stores the first `count ≤ L.scalarCount` lanes.
  @inline(__always)
  static func store<L: SIMD>(_ lanes: L, _ pointer: UnsafeMutablePointer<Float>, _ count: Int)
  where L.Scalar == Float {
    if count == L.scalarCount {
      UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: L.self)
      return
    }
    for lane in 0..<count { pointer[lane] = lanes[lane] }
  }

  /// `U = G g Gᵀ` for every (input, output) channel pair of a kernel.
  /// - Parameters:
  ///   - kernel: `[3, 3, C, O]` (Keras layout).
  ///   - inputs: `C`.
  ///   - outputs: `O`.
  /// - Returns: `U`, `[16, C, O]`.
  static func kernel(_ kernel: UnsafeBufferPointer<Float>, inputs: Int, outputs: Int) -> [Float] {
    let plane = inputs * outputs
    precondition(
      kernel.count == 9 * plane,
      "Winograd: kernel holds \(kernel.count) scalars, needs \(9 * plane)")
    let g: [[Float]] = [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]]
    var u = [Float](repeating: 0, count: 16 * plane)
    var taps = [Float](repeating: 0, count: 9)
    for pair in 0..<plane {
      for tap in 0..<9 { taps[tap] = kernel[tap * plane + pair] }
      for a in 0..<4 {
        for b in 0..<4 {
          var sum: Float = 0
          for kh in 0..<3 { for kw in 0..<3 { sum += g[a][kh] * taps[kh * 3 + kw] * g[b][kw] } }
          u[(a * 4 + b) * plane + pair] = sum
        }
      }
    }
    return u
  }

  /// `d B` of one input row: `(d₀ − d₂, d₁ + d₂, d₂ − d₁, d₁ − d₃)`.
  @inline(__always)
  private static func rowTransform<L: SIMD>(
    _ row: UnsafePointer<Float>, _ channels: Int, _ count: Int
  ) -> (L, L, L, L) where L.Scalar == Float {
    let d0: L = load(row, count)
    let d1: L = load(row + channels, count)
    let d2: L = load(row + 2 * channels, count)
    let d3: L = load(row + 3 * channels, count)
    return (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
  }

  /// `V = Bᵀ d B` of one 4×4 input tile, for `count ≤ L.scalarCount` channels.
  /// - Parameters:
  ///   - _: The vector type `L` the channels are transformed in.
  ///   - origin: The tile's top-left input at its first channel; the whole tile is readable.
  ///   - rowStride: Scalars between input rows, `W·C`.
  ///   - channels: Scalars between input columns, `C`.
  ///   - count: The channels.
  ///   - target: `V` at point 0; point `ξ` is at `ξ·stride`.
  ///   - stride: Scalars between transform points, `T·C`.
  @inline(__always)
  static func input<L: SIMD>(
    _: L.Type, _ origin: UnsafePointer<Float>, rowStride: Int, channels: Int, count: Int,
    into target: UnsafeMutablePointer<Float>, stride: Int
  ) where L.Scalar == Float {
    let e0: (L, L, L, L) = rowTransform(origin, channels, count)
    let e1: (L, L, L, L) = rowTransform(origin + rowStride, channels, count)
    let e2: (L, L, L, L) = rowTransform(origin + 2 * rowStride, channels, count)
    let e3: (L, L, L, L) = rowTransform(origin + 3 * rowStride, channels, count)
    store(e0.0 - e2.0, target, count)
    store(e0.1 - e2.1, target + stride, count)
    store(e0.2 - e2.2, target + 2 * stride, count)
    store(e0.3 - e2.3, target + 3 * stride, count)
    store(e1.0 + e2.0, target + 4 * stride, count)
    store(e1.1 + e2.1, target + 5 * stride, count)
    store(e1.2 + e2.2, target + 6 * stride, count)
    store(e1.3 + e2.3, target + 7 * stride, count)
    store(e2.0 - e1.0, target + 8 * stride, count)
    store(e2.1 - e1.1, target + 9 * stride, count)
    store(e2.2 - e1.2, target + 10 * stride, count)
    store(e2.3 - e1.3, target + 11 * stride, count)
    store(e1.0 - e3.0, target + 12 * stride, count)
    store(e1.1 - e3.1, target + 13 * stride, count)
    store(e1.2 - e3.2, target + 14 * stride, count)
    store(e1.3 - e3.3, target + 15 * stride, count)
  }

  /// `Aᵀ` applied to one column of `M`: `(m₀ + m₄ + m₈, m₄ − m₈ − m₁₂)` for column `b`.
  @inline(__always)
  private static func columnTransform<L: SIMD>(
    _ source: UnsafePointer<Float>, _ stride: Int, _ count: Int
  ) -> (L, L) where L.Scalar == Float {
    let m0: L = load(source, count)
    let m1: L = load(source + 4 * stride, count)
    let m2: L = load(source + 8 * stride, count)
    let m3: L = load(source + 12 * stride, count)
    return (m0 + m1 + m2, m1 - m2 - m3)
  }

  /// `Y = Aᵀ M A + b` of one tile, for `count ≤ L.scalarCount` output channels.
  /// - Parameters:
  ///   - source: `M` at point 0; point `ξ` is at `ξ·stride`.
  ///   - stride: Scalars between transform points, `T·O`.
  ///   - bias: The bias lanes (zeros for none).
  ///   - count: The channels.
  /// - Returns: The 2×2 outputs, row-major.
  @inline(__always)
  static func output<L: SIMD>(
    _ source: UnsafePointer<Float>, stride: Int, bias: L, count: Int
  ) -> (L, L, L, L) where L.Scalar == Float {
    let s0: (L, L) = columnTransform(source, stride, count)
    let s1: (L, L) = columnTransform(source + stride, stride, count)
    let s2: (L, L) = columnTransform(source + 2 * stride, stride, count)
    let s3: (L, L) = columnTransform(source + 3 * stride, stride, count)
    return (
      s0.0 + s1.0 + s2.0 + bias, s1.0 - s2.0 - s3.0 + bias,
      s0.1 + s1.1 + s2.1 + bias, s1.1 - s2.1 - s3.1 + bias
    )
  }
}
