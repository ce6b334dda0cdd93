import CBLAS

/// Matrix products through the system's CBLAS (OpenBLAS), on row-major `Float` buffers.
///
/// OpenBLAS runs single-threaded here: SanityChecker parallelizes over fixed-size chunks
/// of the batch instead, which keeps every result independent of the thread count.
public enum BLAS {
  /// Makes OpenBLAS single-threaded; idempotent and cheap.
  static let singleThreaded: Void = { openblas_set_num_threads(1) }()

  /// `C = alpha · op(A) · op(B) + beta · C`, row-major.
  ///
  /// - Parameters:
  ///   - transposeA: Whether `A` is stored as its transpose (`K × M`).
  ///   - transposeB: Whether `B` is stored as its transpose (`N × K`).
  ///   - m: Rows of `op(A)` and `C`.
  ///   - n: Columns of `op(B)` and `C`.
  ///   - k: Columns of `op(A)`, rows of `op(B)`.
  ///   - alpha: The product's scale.
  ///   - a: `A`, `M × K` (or `K × M` when transposed).
  ///   - b: `B`, `K × N` (or `N × K` when transposed).
  ///   - beta: The scale of the existing `C` (0 overwrites it).
  ///   - c: `C`, `M × N`.
  public static func gemm(
    transposeA: Bool = false, transposeB: Bool = false,
    m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafeBufferPointer<Float>, b: UnsafeBufferPointer<Float>,
    beta: Float = 0, c: UnsafeMutableBufferPointer<Float>
  ) {
    _ = singleThreaded
    precondition(c.count >= m * n, "gemm: C holds \(c.count) scalars, needs \(m * n)")
    guard m > 0, n > 0, let c = c.baseAddress else { return }
    guard k > 0, let a = a.baseAddress, let b = b.baseAddress else {
      if beta == 0 { c.update(repeating: 0, count: m * n) }
      return
    }
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha,
      a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n), beta, c, Int32(n))
  }
}
