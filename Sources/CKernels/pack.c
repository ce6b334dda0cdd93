// Packing of A and B blocks into micro-panels, with 8 x 8 AVX2 transposes where the source
// must be transposed (A stored row-major, B stored transposed) and plain copies otherwise.
//
// Legend: op(A)[i][p] is a[p * lda + i] when trans, rows[i][p] when given row pointers,
// a[i * lda + p] otherwise; op(B)[p][j] is
// b[j * ldb + p] when trans, b[p * ldb + j] otherwise. A panel q holds rows q*MR ... of the
// block as [kc][MR]; a B panel q holds columns q*NR ... as [kc][NR]; missing rows and
// columns are zeros.
#include <string.h>

#include "sgemm_internal.h"

// The first element of row i of op(A) at column p, for a source that is not transposed.
static inline const float *a_row(const ck_a_source *source, ptrdiff_t i, ptrdiff_t p) {
  return (source->rows ? source->rows[i] : source->a + i * source->lda) + p;
}

static inline float a_at(const ck_a_source *source, ptrdiff_t i, ptrdiff_t p) {
  return source->trans ? source->a[p * source->lda + i] : *a_row(source, i, p);
}

static inline float b_at(int trans, const float *b, ptrdiff_t ldb, ptrdiff_t p, ptrdiff_t j) {
  return trans ? b[j * ldb + p] : b[p * ldb + j];
}

// Fills panel entries [p0, kc) x [0, mr_tile) of one A panel whose first row is i0 and first
// column pc.
static void pack_a_panel_scalar(const ck_a_source *source, ptrdiff_t rows, ptrdiff_t p0,
                                ptrdiff_t kc, ptrdiff_t i0, ptrdiff_t pc, float *panel,
                                int mr_tile) {
  for (ptrdiff_t p = p0; p < kc; p++) {
    float *out = panel + p * mr_tile;
    for (int ii = 0; ii < mr_tile; ii++) {
      out[ii] = ii < rows ? a_at(source, i0 + ii, pc + p) : 0.0f;
    }
  }
}

// Fills panel entries [p0, kc) x [j_begin, nr_tile) of one B panel whose first column is j0.
static void pack_b_panel_scalar(int trans, ptrdiff_t columns, ptrdiff_t p0, ptrdiff_t kc,
                                const float *b, ptrdiff_t ldb, ptrdiff_t j0, int j_begin,
                                float *panel, int nr_tile) {
  for (ptrdiff_t p = p0; p < kc; p++) {
    float *out = panel + p * nr_tile;
    for (int jj = j_begin; jj < nr_tile; jj++) {
      out[jj] = jj < columns ? b_at(trans, b, ldb, p, j0 + jj) : 0.0f;
    }
  }
}

void ck_pack_a_scalar(const ck_a_source *source, ptrdiff_t ic, ptrdiff_t pc, ptrdiff_t mc,
                      ptrdiff_t kc, float *packed, int mr_tile) {
  for (ptrdiff_t i0 = 0; i0 < mc; i0 += mr_tile) {
    const ptrdiff_t rows = mc - i0 < mr_tile ? mc - i0 : mr_tile;
    pack_a_panel_scalar(source, rows, 0, kc, ic + i0, pc, packed + i0 * kc, mr_tile);
  }
}

void ck_pack_b_scalar(int trans, ptrdiff_t kc, ptrdiff_t nc, const float *b, ptrdiff_t ldb,
                      float *packed, int nr_tile) {
  for (ptrdiff_t j0 = 0; j0 < nc; j0 += nr_tile) {
    const ptrdiff_t columns = nc - j0 < nr_tile ? nc - j0 : nr_tile;
    if (!trans && columns == nr_tile) {
      for (ptrdiff_t p = 0; p < kc; p++) {
        memcpy(packed + j0 * kc + p * nr_tile, b + p * ldb + j0, sizeof(float) * nr_tile);
      }
    } else {
      pack_b_panel_scalar(trans, columns, 0, kc, b, ldb, j0, 0, packed + j0 * kc, nr_tile);
    }
  }
}

#if defined(__x86_64__)
#include <immintrin.h>

#define CK_AVX2 __attribute__((target("avx2,fma")))

// Writes the transpose of the 8 x 8 block whose rows start at src[0...7] to dst (row stride
// dst_stride): dst[c][r] = src[r][c].
CK_AVX2 static inline void transpose8x8(const float *const src[8], float *dst,
                                        ptrdiff_t dst_stride) {
  const __m256 r0 = _mm256_loadu_ps(src[0]), r1 = _mm256_loadu_ps(src[1]);
  const __m256 r2 = _mm256_loadu_ps(src[2]), r3 = _mm256_loadu_ps(src[3]);
  const __m256 r4 = _mm256_loadu_ps(src[4]), r5 = _mm256_loadu_ps(src[5]);
  const __m256 r6 = _mm256_loadu_ps(src[6]), r7 = _mm256_loadu_ps(src[7]);
  const __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
  const __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
  const __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
  const __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
  const __m256 s0 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0));
  const __m256 s1 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
  const __m256 s2 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0));
  const __m256 s3 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2));
  const __m256 s4 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(1, 0, 1, 0));
  const __m256 s5 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(3, 2, 3, 2));
  const __m256 s6 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(1, 0, 1, 0));
  const __m256 s7 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(3, 2, 3, 2));
  _mm256_storeu_ps(dst, _mm256_permute2f128_ps(s0, s4, 0x20));
  _mm256_storeu_ps(dst + dst_stride, _mm256_permute2f128_ps(s1, s5, 0x20));
  _mm256_storeu_ps(dst + 2 * dst_stride, _mm256_permute2f128_ps(s2, s6, 0x20));
  _mm256_storeu_ps(dst + 3 * dst_stride, _mm256_permute2f128_ps(s3, s7, 0x20));
  _mm256_storeu_ps(dst + 4 * dst_stride, _mm256_permute2f128_ps(s0, s4, 0x31));
  _mm256_storeu_ps(dst + 5 * dst_stride, _mm256_permute2f128_ps(s1, s5, 0x31));
  _mm256_storeu_ps(dst + 6 * dst_stride, _mm256_permute2f128_ps(s2, s6, 0x31));
  _mm256_storeu_ps(dst + 7 * dst_stride, _mm256_permute2f128_ps(s3, s7, 0x31));
}

CK_AVX2 void ck_pack_a_avx2(const ck_a_source *source, ptrdiff_t ic, ptrdiff_t pc, ptrdiff_t mc,
                            ptrdiff_t kc, float *packed, int mr_tile) {
  if (source->trans || mr_tile != 8) {
    ck_pack_a_scalar(source, ic, pc, mc, kc, packed, mr_tile);
    return;
  }
  const ptrdiff_t whole_k = kc - kc % 8;
  for (ptrdiff_t i0 = 0; i0 < mc; i0 += 8) {
    float *panel = packed + i0 * kc;
    if (mc - i0 < 8) {
      pack_a_panel_scalar(source, mc - i0, 0, kc, ic + i0, pc, panel, 8);
      continue;
    }
    const float *rows[8];
    for (int r = 0; r < 8; r++) rows[r] = a_row(source, ic + i0 + r, pc);
    for (ptrdiff_t p = 0; p < whole_k; p += 8) {
      transpose8x8(rows, panel + p * 8, 8);
      for (int r = 0; r < 8; r++) rows[r] += 8;
    }
    pack_a_panel_scalar(source, 8, whole_k, kc, ic + i0, pc, panel, 8);
  }
}

CK_AVX2 void ck_pack_b_avx2(int trans, ptrdiff_t kc, ptrdiff_t nc, const float *b, ptrdiff_t ldb,
                            float *packed, int nr_tile) {
  if (!trans || nr_tile % 8 != 0) {
    ck_pack_b_scalar(trans, kc, nc, b, ldb, packed, nr_tile);
    return;
  }
  const ptrdiff_t whole_k = kc - kc % 8;
  for (ptrdiff_t j0 = 0; j0 < nc; j0 += nr_tile) {
    const ptrdiff_t columns = nc - j0 < nr_tile ? nc - j0 : nr_tile;
    float *panel = packed + j0 * kc;
    const int whole_groups = (int)(columns / 8);
    for (int g = 0; g < whole_groups; g++) {
      const float *rows[8];
      for (int r = 0; r < 8; r++) rows[r] = b + (j0 + 8 * g + r) * ldb;
      for (ptrdiff_t p = 0; p < whole_k; p += 8) {
        transpose8x8(rows, panel + p * nr_tile + 8 * g, nr_tile);
        for (int r = 0; r < 8; r++) rows[r] += 8;
      }
    }
    // The k tail of the whole groups, then the columns past them (zeros past nc).
    for (ptrdiff_t p = whole_k; p < kc; p++) {
      for (int jj = 0; jj < 8 * whole_groups; jj++) {
        panel[p * nr_tile + jj] = b[(j0 + jj) * ldb + p];
      }
    }
    pack_b_panel_scalar(1, columns, 0, kc, b, ldb, j0, 8 * whole_groups, panel, nr_tile);
  }
}
#endif
