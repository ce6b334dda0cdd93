import CBLAS
import CKernels
import Synchronization

/// Matrix products on row-major `Float` buffers: the `CKernels` micro-kernels where the processor
/// has AVX-512F or AVX2 + FMA (``GEMMKernel``), the system's CBLAS (OpenBLAS) otherwise.
///
/// Products run single-threaded here: SanityChecker parallelizes over fixed-size chunks of the
/// batch instead, which keeps every result independent of the thread count.
public enum BLAS {
  /// Makes OpenBLAS single-threaded; idempotent and cheap.
  static let singleThreaded: Void = { openblas_set_num_threads(1) }()

  /// `C = alpha · op(A) · op(B) + beta · C`, row-major.
  ///
  /// Products with fewer than ``GEMMKernel/narrowColumns`` columns go to OpenBLAS: they would
  /// fill a fraction of the `CKernels` tiles (DeepBind's 16 filters, a third of 48 columns), and
  /// OpenBLAS was 33% faster on the DeepBind example's forward pass.
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
    gemm(
      kernel: n < GEMMKernel.narrowColumns ? .openBLAS : .preferred, transposeA: transposeA,
      transposeB: transposeB, m: m, n: n, k: k,
      alpha: alpha, a: a, b: b, beta: beta, c: c)
  }

  /// `C = alpha · op(A) · op(B) + beta · C`, row-major, with a given kernel (an unsupported
  /// kernel falls back to OpenBLAS).
  ///
  /// `ldb` is the distance between rows of `B` as stored (default: its column count), so a
  /// block of columns of a wider matrix is read in place.
  static func gemm(
    kernel: GEMMKernel, transposeA: Bool = false, transposeB: Bool = false,
    m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafeBufferPointer<Float>, b: UnsafeBufferPointer<Float>, ldb: Int? = nil,
    beta: Float = 0, c: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(c.count >= m * n, "gemm: C holds \(c.count) scalars, needs \(m * n)")
    guard m > 0, n > 0, let c = c.baseAddress else { return }
    guard k > 0, let a = a.baseAddress, let b = b.baseAddress else {
      if beta == 0 { c.update(repeating: 0, count: m * n) }
      return
    }
    let (lda, ldb) = (transposeA ? m : k, ldb ?? (transposeB ? k : n))
    // A block takes OpenBLAS when the kernel is unsupported or `CKernels` cannot allocate.
    let identifier = kernel.isSupported ? kernel.identifier : nil
    let operands = Operands(a: a, b: b, c: c)
    let block: @Sendable (Range<Int>, Range<Int>) -> Bool = { rows, columns in
      let a = operands.a + (transposeA ? rows.lowerBound : rows.lowerBound * lda)
      let b = operands.b + (transposeB ? columns.lowerBound * ldb : columns.lowerBound)
      let c = operands.c + rows.lowerBound * n + columns.lowerBound
      if let identifier,
        ck_sgemm(
          identifier, transposeA ? 1 : 0, transposeB ? 1 : 0, rows.count, columns.count, k, alpha,
          a, lda, b, ldb, beta, c, n) != 0
      {
        return true
      }
      _ = singleThreaded
      cblas_sgemm(
        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
        transposeB ? CblasTrans : CblasNoTrans, Int32(rows.count), Int32(columns.count),
        Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(n))
      return true
    }
    _ = identifier == nil ? block(0..<m, 0..<n) : inBlocks(m: m, n: n, k: k, block)
  }

  /// `C = alpha · A · op(B) + beta · C` where row `i` of `A` is the `k` scalars of `a` from
  /// `rowStarts[i]` on, through the `CKernels` kernel; rows may overlap.
  ///
  /// A convolution with unit dilation reads its windows this way without an im2col copy. Each
  /// entry of `C` equals what ``gemm(transposeA:transposeB:m:n:k:alpha:a:b:beta:c:)`` computes
  /// with the same kernel from the same row written out.
  /// - Parameters:
  ///   - a: The scalars the rows are read from.
  ///   - rowStarts: The offset of each row of `A` in `a`; `m` is their count.
  ///   - transposeB: Whether `B` is stored as its transpose (`N × K`).
  ///   - n: Columns of `op(B)` and `C`.
  ///   - k: Columns of `A`, rows of `op(B)`.
  ///   - alpha: The product's scale.
  ///   - b: `B`, `K × N` (or `N × K` when transposed).
  ///   - beta: The scale of the existing `C` (0 overwrites it).
  ///   - c: `C`, `M × N`.
  /// - Returns: `false` when the processor has no `CKernels` kernel (nothing written).
  static func gemm(
    rowsOf a: UnsafeBufferPointer<Float>, rowStarts: [Int], transposeB: Bool = false,
    n: Int, k: Int, alpha: Float = 1, b: UnsafeBufferPointer<Float>,
    beta: Float = 0, c: UnsafeMutableBufferPointer<Float>
  ) -> Bool {
    let m = rowStarts.count
    guard let identifier = GEMMKernel.preferred.identifier else { return false }
    precondition(c.count >= m * n, "gemm: C holds \(c.count) scalars, needs \(m * n)")
    guard m > 0, n > 0, k > 0, let base = a.baseAddress, let b = b.baseAddress,
      let c = c.baseAddress
    else { return false }
    let rows = rowStarts.map { start -> UnsafePointer<Float>? in
      precondition(
        start >= 0 && start + k <= a.count, "gemm: row at \(start) + \(k) outside \(a.count)")
      return base + start
    }
    let ldb = transposeB ? k : n
    return rows.withUnsafeBufferPointer { rows in
      guard let first = rows.baseAddress else { return false }
      let operands = Operands(a: first, b: b, c: c)
      return inBlocks(m: m, n: n, k: k) { block, columns in
        ck_sgemm_rows(
          identifier, transposeB ? 1 : 0, block.count, columns.count, k, alpha,
          operands.a + block.lowerBound,
          operands.b + (transposeB ? columns.lowerBound * ldb : columns.lowerBound), ldb, beta,
          operands.c + block.lowerBound * n + columns.lowerBound, n) != 0
      }
    }
  }

  /// Calls `part(rows, columns)` on blocks that cover a `CKernels` product's `m × n` entries.
  ///
  /// The whole product is one block, unless threads of the enclosing chunked call have no chunk
  /// left (``IdleWorkers``) and the product has at least 2²² multiply-adds: then blocks of
  /// ``blockRows`` rows (``blockColumns`` columns for products of fewer rows) are computed by
  /// this thread and those. Each entry is the same whatever block computes it (``GEMMKernel``).
  /// - Returns: Whether every call of `part` returned `true`.
  private static func inBlocks(
    m: Int, n: Int, k: Int, _ part: @escaping @Sendable (Range<Int>, Range<Int>) -> Bool
  ) -> Bool {
    guard let idle = IdleWorkers.current, m * n * k >= 1 << 22, idle.hasHelpers else {
      return part(0..<m, 0..<n)
    }
    let byRows = m >= 2 * blockRows
    guard byRows || n >= 2 * blockColumns else { return part(0..<m, 0..<n) }
    let (extent, step) = byRows ? (m, blockRows) : (n, blockColumns)
    let outcome = BlockOutcome()
    idle.run(blocks: (extent + step - 1) / step) { block in
      let span = (block * step)..<min(extent, (block + 1) * step)
      if !part(byRows ? span : 0..<m, byRows ? 0..<n : span) {
        outcome.failed.store(true, ordering: .relaxed)
      }
    }
    return !outcome.failed.load(ordering: .relaxed)
  }

  /// Rows per block of a shared product: two of the AVX-512 kernel's 256-row packed blocks.
  static let blockRows = 512

  /// Columns per block of a shared product of few rows: four 48-column tiles.
  static let blockColumns = 192
}

/// The operands of one product, shared by the threads computing its blocks: each block writes
/// only its own entries of `c`, and the product's caller keeps all three alive until every
/// block has run.
private struct Operands<A>: @unchecked Sendable {
  let a: UnsafePointer<A>
  let b: UnsafePointer<Float>
  let c: UnsafeMutablePointer<Float>
}

/// Whether some block of a shared product failed (`CKernels` could not allocate its buffers).
private final class BlockOutcome: Sendable {
  let failed = Atomic<Bool>(false)
}
