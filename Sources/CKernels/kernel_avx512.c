// The AVX-512F micro-kernel: an 8 x 48 tile of C in 24 zmm accumulators.
//
// Per k: three 16-float rows of the B panel, eight broadcasts of the A panel's column,
// twenty-four fused multiply-adds. Each C entry is one FMA chain over k in order (see CKernels.h).
// The k loops are unrolled twice, which leaves every chain's order as it is (measured a few percent
// faster on the Intel host, docs/benchmarks.md).
#include "sgemm_internal.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define CK_AVX512 __attribute__((target("avx512f,fma")))

CK_AVX512 static inline void store_row(float *c, __m512 acc, __mmask16 mask, __m512 alpha,
                                       float beta, int first) {
  if (!first) {
    _mm512_mask_storeu_ps(c, mask, _mm512_fmadd_ps(acc, alpha, _mm512_maskz_loadu_ps(mask, c)));
  } else if (beta == 0) {
    _mm512_mask_storeu_ps(c, mask, _mm512_mul_ps(acc, alpha));
  } else {
    __m512 old = _mm512_maskz_loadu_ps(mask, c);
    _mm512_mask_storeu_ps(c, mask, _mm512_fmadd_ps(old, _mm512_set1_ps(beta),
                                                   _mm512_mul_ps(acc, alpha)));
  }
}

#define CK_ROW(i)                                          \
  {                                                        \
    const __m512 ai = _mm512_set1_ps(a[i]);                \
    c##i##0 = _mm512_fmadd_ps(ai, b0, c##i##0);            \
    c##i##1 = _mm512_fmadd_ps(ai, b1, c##i##1);            \
    c##i##2 = _mm512_fmadd_ps(ai, b2, c##i##2);            \
  }

CK_AVX512 void ck_micro_avx512_8x48(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb,
                                    float *c, ptrdiff_t ldc, int mr, int nr, float alpha,
                                    float beta, int first) {
  const __mmask16 m0 = nr >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << nr) - 1);
  const __mmask16 m1 = nr >= 32   ? (__mmask16)0xFFFF
                       : nr > 16 ? (__mmask16)((1u << (nr - 16)) - 1)
                                 : (__mmask16)0;
  const __mmask16 m2 = nr >= 48   ? (__mmask16)0xFFFF
                       : nr > 32 ? (__mmask16)((1u << (nr - 32)) - 1)
                                 : (__mmask16)0;
  __m512 c00 = _mm512_setzero_ps(), c01 = _mm512_setzero_ps(), c02 = _mm512_setzero_ps();
  __m512 c10 = _mm512_setzero_ps(), c11 = _mm512_setzero_ps(), c12 = _mm512_setzero_ps();
  __m512 c20 = _mm512_setzero_ps(), c21 = _mm512_setzero_ps(), c22 = _mm512_setzero_ps();
  __m512 c30 = _mm512_setzero_ps(), c31 = _mm512_setzero_ps(), c32 = _mm512_setzero_ps();
  __m512 c40 = _mm512_setzero_ps(), c41 = _mm512_setzero_ps(), c42 = _mm512_setzero_ps();
  __m512 c50 = _mm512_setzero_ps(), c51 = _mm512_setzero_ps(), c52 = _mm512_setzero_ps();
  __m512 c60 = _mm512_setzero_ps(), c61 = _mm512_setzero_ps(), c62 = _mm512_setzero_ps();
  __m512 c70 = _mm512_setzero_ps(), c71 = _mm512_setzero_ps(), c72 = _mm512_setzero_ps();
  if (nr == 48 && ldb != 48) {
    // B read in place from rows ldb apart (a Dense kernel at a few rows per product): each row
    // is on another page, where the hardware prefetcher does not follow, so fetch 8 rows ahead.
#pragma clang loop unroll_count(2)
    for (ptrdiff_t p = 0; p < kc; p++) {
      const float *ahead = b + 8 * ldb;
      _mm_prefetch((const char *)ahead, _MM_HINT_T0);
      _mm_prefetch((const char *)(ahead + 16), _MM_HINT_T0);
      _mm_prefetch((const char *)(ahead + 32), _MM_HINT_T0);
      _mm_prefetch((const char *)(ahead + 47), _MM_HINT_T0);
      const __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16), b2 = _mm512_loadu_ps(b + 32);
      CK_ROW(0) CK_ROW(1) CK_ROW(2) CK_ROW(3) CK_ROW(4) CK_ROW(5) CK_ROW(6) CK_ROW(7)
      a += 8;
      b += ldb;
    }
  } else if (nr == 48) {
#pragma clang loop unroll_count(2)
    for (ptrdiff_t p = 0; p < kc; p++) {
      const __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16), b2 = _mm512_loadu_ps(b + 32);
      CK_ROW(0) CK_ROW(1) CK_ROW(2) CK_ROW(3) CK_ROW(4) CK_ROW(5) CK_ROW(6) CK_ROW(7)
      a += 8;
      b += ldb;
    }
  } else {
#pragma clang loop unroll_count(2)
    for (ptrdiff_t p = 0; p < kc; p++) {
      const __m512 b0 = _mm512_maskz_loadu_ps(m0, b), b1 = _mm512_maskz_loadu_ps(m1, b + 16);
      const __m512 b2 = _mm512_maskz_loadu_ps(m2, b + 32);
      CK_ROW(0) CK_ROW(1) CK_ROW(2) CK_ROW(3) CK_ROW(4) CK_ROW(5) CK_ROW(6) CK_ROW(7)
      a += 8;
      b += ldb;
    }
  }
  const __m512 va = _mm512_set1_ps(alpha);
  const __m512 rows[8][3] = {{c00, c01, c02}, {c10, c11, c12}, {c20, c21, c22},
                             {c30, c31, c32}, {c40, c41, c42}, {c50, c51, c52},
                             {c60, c61, c62}, {c70, c71, c72}};
  for (int i = 0; i < mr; i++) {
    store_row(c + i * ldc, rows[i][0], m0, va, beta, first);
    if (m1) store_row(c + i * ldc + 16, rows[i][1], m1, va, beta, first);
    if (m2) store_row(c + i * ldc + 32, rows[i][2], m2, va, beta, first);
  }
}
#endif
