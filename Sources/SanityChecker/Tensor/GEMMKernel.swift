import CKernels

/// The matrix-product kernels ``BLAS/gemm(transposeA:transposeB:m:n:k:alpha:a:b:beta:c:)`` can
/// run, picked once per process from the processor's CPUID flags.
///
/// The `CKernels` target holds BLIS-style products (Van Zee & van de Geijn, "BLIS: A Framework
/// for Rapidly Instantiating BLAS Functionality", ACM TOMS 41(3), 2015,
/// doi:10.1145/2764454): packed blocks and register-tiled micro-kernels for AVX-512F (8 × 48
/// tiles) and AVX2 + FMA (6 × 16), each compiled for its instruction set with a function
/// attribute, so the package needs no build flags. They replace OpenBLAS where the processor
/// has them, whatever `OPENBLAS_CORETYPE` pins OpenBLAS to.
///
/// Properties:
/// - Every entry of `C` is one fused multiply-add chain over `k` in increasing order, cut into
///   blocks of 512 added to `C` in order, so its value depends on its row of `op(A)`, its column
///   of `op(B)`, `k`, `alpha`, `beta` and the kernel, and not on `m`, `n`, the tile or the thread.
/// - The kernels round differently from OpenBLAS (another summation order), well within the
///   single-precision tolerances of the reference tests.
enum GEMMKernel: CaseIterable, Sendable {
  /// AVX-512F micro-kernels.
  case avx512
  /// AVX2 + FMA micro-kernels.
  case avx2
  /// The system's `cblas_sgemm`.
  case openBLAS

  /// The fewest columns of `C` a product needs to take the `CKernels` kernels.
  static let narrowColumns = 32

  /// The fastest kernel this processor runs.
  static let preferred: GEMMKernel = {
    switch ck_best_kernel() {
    case CK_KERNEL_AVX512: .avx512
    case CK_KERNEL_AVX2: .avx2
    default: .openBLAS
    }
  }()

  /// Whether the processor runs this kernel (OpenBLAS always runs).
  var isSupported: Bool {
    switch self {
    case .avx512: ck_kernel_supported(CK_KERNEL_AVX512) != 0
    case .avx2: ck_kernel_supported(CK_KERNEL_AVX2) != 0
    case .openBLAS: true
    }
  }

  /// The `CKernels` identifier, or `nil` for OpenBLAS.
  var identifier: ck_kernel? {
    switch self {
    case .avx512: CK_KERNEL_AVX512
    case .avx2: CK_KERNEL_AVX2
    case .openBLAS: nil
    }
  }
}
