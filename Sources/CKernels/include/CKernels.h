// Single-precision matrix products with micro-kernels chosen at run time by CPUID.
//
// ck_sgemm computes C = alpha * op(A) * op(B) + beta * C on row-major matrices, as
// cblas_sgemm(CblasRowMajor, ...) does, with BLIS-style packing (Van Zee & van de Geijn,
// "BLIS: A Framework for Rapidly Instantiating BLAS Functionality", ACM TOMS 41(3), 2015,
// doi:10.1145/2764454) and register-blocked micro-kernels for AVX-512F and AVX2 + FMA.
//
// Determinism: every C[i][j] is one fused multiply-add chain over k in increasing order,
// cut into blocks of CK_SGEMM_KC that are added to C in order. The value of C[i][j] therefore
// depends only on row i of op(A), column j of op(B), k, alpha, beta and the kernel: not on m,
// n, the position of (i, j) in a tile, or the calling thread.
#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The micro-kernels this library can run.
typedef enum {
  /// No kernel of this library: the caller uses its BLAS.
  CK_KERNEL_NONE = 0,
  /// 6 x 16 tiles of 256-bit AVX2 fused multiply-adds.
  CK_KERNEL_AVX2 = 1,
  /// 8 x 48 tiles of 512-bit AVX-512F fused multiply-adds.
  CK_KERNEL_AVX512 = 2,
} ck_kernel;

/// The k-block length: C[i][j] accumulates one block of this many products at a time.
#define CK_SGEMM_KC 512

/// The widest kernel the processor and the operating system support (CPUID and XGETBV).
ck_kernel ck_best_kernel(void);

/// Whether `kernel` can run on this processor.
int ck_kernel_supported(ck_kernel kernel);

/// C = alpha * op(A) * op(B) + beta * C, row-major, with `kernel`.
///
/// op(A) is m x k (A stored k x m with leading dimension lda when trans_a), op(B) is k x n
/// (B stored n x k when trans_b), C is m x n with leading dimension ldc. When beta is 0, C is
/// not read. Returns 0 when `kernel` is not supported (nothing is written), 1 otherwise.
int ck_sgemm(ck_kernel kernel, int trans_a, int trans_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
             float alpha, const float *a, ptrdiff_t lda, const float *b, ptrdiff_t ldb,
             float beta, float *c, ptrdiff_t ldc);

/// C = alpha * A * op(B) + beta * C, where row i of A is the k floats at rows[i].
///
/// Rows may overlap, which turns a convolution with unit dilation into one product without an
/// im2col copy: row (item, position) points at the first input element of its window. Returns
/// 0 when `kernel` is not supported (nothing is written), 1 otherwise; each C[i][j] equals what
/// ck_sgemm computes from the same row and column.
int ck_sgemm_rows(ck_kernel kernel, int trans_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                  float alpha, const float *const *rows, const float *b, ptrdiff_t ldb,
                  float beta, float *c, ptrdiff_t ldc);

#ifdef __cplusplus
}
#endif

#endif
