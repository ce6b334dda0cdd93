import Testing

@testable import SanityChecker

/// The `CKernels` products against a Double reference, and their determinism properties.
///
/// Shapes cover the micro-tiles' edges (8 × 48 for AVX-512, 6 × 16 for AVX2), the 512-long
/// k-blocks and the 256-row blocks above which B is packed instead of read in place.
@Suite struct GEMMKernelTests {
  /// The kernels this processor runs, besides OpenBLAS.
  static let kernels = GEMMKernel.allCases.filter { $0 != .openBLAS && $0.isSupported }

  struct Case: CustomStringConvertible, Sendable {
    let m: Int
    let n: Int
    let k: Int
    let transposeA: Bool
    let transposeB: Bool
    let alpha: Float
    let beta: Float
    var description: String {
      "\(m)x\(n)x\(k) tA=\(transposeA) tB=\(transposeB) alpha=\(alpha) beta=\(beta)"
    }
  }

  static let cases: [Case] = {
    let shapes = [
      (1, 1, 1), (7, 33, 5), (8, 48, 8), (9, 47, 17), (13, 49, 511), (6, 16, 512), (5, 17, 513),
      (300, 70, 40), (17, 925, 600), (257, 97, 1030), (40, 3, 1000),
    ]
    var cases: [Case] = []
    for (index, (m, n, k)) in shapes.enumerated() {
      for transposeA in [false, true] {
        for transposeB in [false, true] {
          let alpha: Float = index % 3 == 0 ? 1 : -0.75
          let beta: Float = [0, 1, 0.5][(index + (transposeA ? 1 : 0)) % 3]
          cases.append(
            Case(
              m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
              alpha: alpha, beta: beta))
        }
      }
    }
    return cases
  }()

  static func random(_ count: Int, seed: UInt64) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in generator.uniform(-1, 1) }
  }

  /// Runs one product with `kernel` into a copy of `c`.
  static func product(
    _ kernel: GEMMKernel, _ shape: Case, a: [Float], b: [Float], c: [Float]
  ) -> [Float] {
    var result = c
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        result.withUnsafeMutableBufferPointer { c in
          BLAS.gemm(
            kernel: kernel, transposeA: shape.transposeA, transposeB: shape.transposeB,
            m: shape.m, n: shape.n, k: shape.k, alpha: shape.alpha, a: a, b: b, beta: shape.beta,
            c: c)
        }
      }
    }
    return result
  }

  /// Every entry within `k · 2⁻²² · Σ|a·b|` of the Double product (plus the beta term), with
  /// NaN in `C` when beta is 0 (BLAS semantics: `C` is not read).
  @Test(arguments: kernels, cases)
  func matchesDoubleReference(kernel: GEMMKernel, shape: Case) {
    let (m, n, k) = (shape.m, shape.n, shape.k)
    let a = Self.random(m * k, seed: 1)
    let b = Self.random(k * n, seed: 2)
    let c = shape.beta == 0 ? [Float](repeating: .nan, count: m * n) : Self.random(m * n, seed: 3)
    let result = Self.product(kernel, shape, a: a, b: b, c: c)
    var worst = (error: 0.0, index: -1)
    for i in 0..<m {
      for j in 0..<n {
        var sum = 0.0
        var magnitude = 0.0
        for p in 0..<k {
          let x = Double(shape.transposeA ? a[p * m + i] : a[i * k + p])
          let y = Double(shape.transposeB ? b[j * k + p] : b[p * n + j])
          sum += x * y
          magnitude += abs(x * y)
        }
        var expected = Double(shape.alpha) * sum
        if shape.beta != 0 { expected += Double(shape.beta) * Double(c[i * n + j]) }
        let old = shape.beta == 0 ? 0 : abs(Double(c[i * n + j]))
        let tolerance = Double(k + 2) * 0x1p-22 * (magnitude + old + 1)
        let error = abs(Double(result[i * n + j]) - expected)
        if !(error <= tolerance) || error.isNaN { worst = (error, i * n + j) }
      }
    }
    #expect(worst.index == -1, "\(kernel) \(shape): error \(worst.error) at \(worst.index)")
  }

  /// A row of `C` is the same bit for bit whether computed alone, in a small product (B read in
  /// place) or in a large one (B packed), and at any offset in the micro-tile.
  @Test(arguments: kernels)
  func rowsIndependentOfBatch(kernel: GEMMKernel) {
    let (m, n, k) = (300, 45, 520)
    let a = Self.random(m * k, seed: 4)
    let b = Self.random(k * n, seed: 5)
    for transposeB in [false, true] {
      let whole = Case(
        m: m, n: n, k: k, transposeA: false, transposeB: transposeB, alpha: 1, beta: 0)
      let full = Self.product(kernel, whole, a: a, b: b, c: [Float](repeating: 0, count: m * n))
      for (start, count) in [(0, 1), (3, 5), (131, 16), (290, 10)] {
        let part = Case(
          m: count, n: n, k: k, transposeA: false, transposeB: transposeB, alpha: 1, beta: 0)
        let rows = Array(a[(start * k)..<((start + count) * k)])
        let partial = Self.product(
          kernel, part, a: rows, b: b, c: [Float](repeating: 0, count: count * n))
        #expect(
          partial == Array(full[(start * n)..<((start + count) * n)]),
          "\(kernel) rows \(start)..<\(start + count), transposeB \(transposeB)")
      }
    }
  }

  /// An empty inner dimension scales `C` by beta (and zeroes it for beta 0).
  @Test(arguments: kernels)
  func emptyInnerDimension(kernel: GEMMKernel) {
    let shape = Case(m: 3, n: 4, k: 0, transposeA: false, transposeB: false, alpha: 1, beta: 0)
    let result = Self.product(
      kernel, shape, a: [], b: [], c: [Float](repeating: .nan, count: 12))
    #expect(result == [Float](repeating: 0, count: 12))
  }
}
