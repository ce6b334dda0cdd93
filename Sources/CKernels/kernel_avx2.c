// The AVX2 + FMA micro-kernel: a 6 x 16 tile of C in 12 ymm accumulators.
//
// Per k: two 8-float rows of the B panel, six broadcasts of the A panel's column, twelve
// fused multiply-adds. Each C entry is one FMA chain over k in order (see CKernels.h).
#include "sgemm_internal.h"

#if defined(__x86_64__)
#include <immintrin.h>

#define CK_AVX2 __attribute__((target("avx2,fma")))

// The lane mask of the first `count` of 8 lanes (count in 0...8).
CK_AVX2 static inline __m256i lane_mask(int count) {
  const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(count), lanes);
}

CK_AVX2 static inline void store_row(float *c, __m256 acc, __m256i mask, __m256 alpha,
                                     float beta, int first) {
  if (!first) {
    _mm256_maskstore_ps(c, mask, _mm256_fmadd_ps(acc, alpha, _mm256_maskload_ps(c, mask)));
  } else if (beta == 0) {
    _mm256_maskstore_ps(c, mask, _mm256_mul_ps(acc, alpha));
  } else {
    __m256 old = _mm256_maskload_ps(c, mask);
    _mm256_maskstore_ps(c, mask, _mm256_fmadd_ps(old, _mm256_set1_ps(beta),
                                                 _mm256_mul_ps(acc, alpha)));
  }
}

#define CK_ROW(i)                                          \
  {                                                        \
    const __m256 ai = _mm256_broadcast_ss(a + i);          \
    c##i##0 = _mm256_fmadd_ps(ai, b0, c##i##0);            \
    c##i##1 = _mm256_fmadd_ps(ai, b1, c##i##1);            \
  }

CK_AVX2 void ck_micro_avx2_6x16(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb,
                                float *c, ptrdiff_t ldc, int mr, int nr, float alpha,
                                float beta, int first) {
  const __m256i m0 = lane_mask(nr >= 8 ? 8 : nr);
  const __m256i m1 = lane_mask(nr >= 16 ? 8 : nr > 8 ? nr - 8 : 0);
  __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps();
  __m256 c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
  __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps();
  __m256 c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
  __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps();
  __m256 c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
  if (nr == 16) {
    for (ptrdiff_t p = 0; p < kc; p++) {
      const __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
      CK_ROW(0) CK_ROW(1) CK_ROW(2) CK_ROW(3) CK_ROW(4) CK_ROW(5)
      a += 6;
      b += ldb;
    }
  } else {
    for (ptrdiff_t p = 0; p < kc; p++) {
      const __m256 b0 = _mm256_maskload_ps(b, m0), b1 = _mm256_maskload_ps(b + 8, m1);
      CK_ROW(0) CK_ROW(1) CK_ROW(2) CK_ROW(3) CK_ROW(4) CK_ROW(5)
      a += 6;
      b += ldb;
    }
  }
  const __m256 va = _mm256_set1_ps(alpha);
  const __m256 rows[6][2] = {{c00, c01}, {c10, c11}, {c20, c21},
                             {c30, c31}, {c40, c41}, {c50, c51}};
  const int has_high = nr > 8;
  for (int i = 0; i < mr; i++) {
    store_row(c + i * ldc, rows[i][0], m0, va, beta, first);
    if (has_high) store_row(c + i * ldc + 8, rows[i][1], m1, va, beta, first);
  }
}
#endif
