// The blocked sgemm driver: loops over NC column blocks, KC k-blocks and MC row blocks, packs
// the blocks (B is read in place when it is not transposed and one row block covers C), and
// calls the micro-kernel on every MR x NR tile.
#include <stdlib.h>
#include <string.h>

#include "CKernels.h"
#include "sgemm_internal.h"

// mc x kc blocks of A are packed per row block and kc x nc blocks of B per column block. With
// a_panel_outer, each A micro-panel (mr x kc, in L1) meets every B micro-panel of the packed
// block (kc x nc, sized for L2); otherwise each B micro-panel meets every A micro-panel. The
// order changes which cache holds what, never the value of any entry of C.
typedef struct {
  int mr, nr;
  ptrdiff_t mc, nc;
  int a_panel_outer;
  ck_micro_kernel micro;
  ck_pack_a pack_a;
  ck_pack_b pack_b;
} ck_blocking;

static int blocking_for(ck_kernel kernel, ck_blocking *out) {
#if defined(__x86_64__)
  switch (kernel) {
    case CK_KERNEL_AVX512:
      *out = (ck_blocking){8, 48, 256, 1008, 1, ck_micro_avx512_8x48, ck_pack_a_avx2,
                           ck_pack_b_avx2};
      return 1;
    case CK_KERNEL_AVX2:
      *out = (ck_blocking){6, 16, 264, 2048, 0, ck_micro_avx2_6x16, ck_pack_a_scalar,
                           ck_pack_b_avx2};
      return 1;
    case CK_KERNEL_NONE:
      return 0;
  }
#endif
  (void)kernel;
  (void)out;
  return 0;
}

static void scale(ptrdiff_t m, ptrdiff_t n, float beta, float *c, ptrdiff_t ldc) {
  for (ptrdiff_t i = 0; i < m; i++) {
    float *row = c + i * ldc;
    if (beta == 0) {
      memset(row, 0, sizeof(float) * (size_t)n);
    } else if (beta != 1) {
      for (ptrdiff_t j = 0; j < n; j++) row[j] *= beta;
    }
  }
}

static ptrdiff_t round_up(ptrdiff_t value, ptrdiff_t step) {
  return (value + step - 1) / step * step;
}

static int sgemm(ck_kernel kernel, const ck_a_source *source, int trans_b, ptrdiff_t m,
                 ptrdiff_t n, ptrdiff_t k, float alpha, const float *b, ptrdiff_t ldb,
                 float beta, float *c, ptrdiff_t ldc) {
  ck_blocking blocking;
  if (!ck_kernel_supported(kernel) || !blocking_for(kernel, &blocking)) return 0;
  if (m <= 0 || n <= 0) return 1;
  if (k <= 0 || alpha == 0) {
    scale(m, n, beta, c, ldc);
    return 1;
  }
  const ptrdiff_t kc_max = k < CK_SGEMM_KC ? k : CK_SGEMM_KC;
  const ptrdiff_t mc_max = m < blocking.mc ? round_up(m, blocking.mr) : blocking.mc;
  const ptrdiff_t nc_max = n < blocking.nc ? round_up(n, blocking.nr) : blocking.nc;
  // B in place: one row block reuses each B panel only once, so packing it would cost a copy.
  const int b_in_place = !trans_b && m <= blocking.mc;
  float *packed_a = aligned_alloc(64, (size_t)round_up(sizeof(float) * mc_max * kc_max, 64));
  float *packed_b = b_in_place ? NULL
                               : aligned_alloc(64, (size_t)round_up(
                                                       sizeof(float) * nc_max * kc_max, 64));
  if (!packed_a || (!b_in_place && !packed_b)) {
    free(packed_a);
    free(packed_b);
    return 0;
  }
  for (ptrdiff_t jc = 0; jc < n; jc += blocking.nc) {
    const ptrdiff_t nc = n - jc < blocking.nc ? n - jc : blocking.nc;
    for (ptrdiff_t pc = 0; pc < k; pc += CK_SGEMM_KC) {
      const ptrdiff_t kc = k - pc < CK_SGEMM_KC ? k - pc : CK_SGEMM_KC;
      const int first = pc == 0;
      const float *b_block = trans_b ? b + jc * ldb + pc : b + pc * ldb + jc;
      if (!b_in_place) blocking.pack_b(trans_b, kc, nc, b_block, ldb, packed_b, blocking.nr);
      for (ptrdiff_t ic = 0; ic < m; ic += blocking.mc) {
        const ptrdiff_t mc = m - ic < blocking.mc ? m - ic : blocking.mc;
        blocking.pack_a(source, ic, pc, mc, kc, packed_a, blocking.mr);
        const ptrdiff_t b_stride = b_in_place ? ldb : blocking.nr;
        if (blocking.a_panel_outer && !b_in_place) {
          for (ptrdiff_t ir = 0; ir < mc; ir += blocking.mr) {
            const int mr = (int)(mc - ir < blocking.mr ? mc - ir : blocking.mr);
            for (ptrdiff_t jr = 0; jr < nc; jr += blocking.nr) {
              const int nr = (int)(nc - jr < blocking.nr ? nc - jr : blocking.nr);
              blocking.micro(kc, packed_a + ir * kc, packed_b + jr * kc, b_stride,
                             c + (ic + ir) * ldc + jc + jr, ldc, mr, nr, alpha, beta, first);
            }
          }
          continue;
        }
        for (ptrdiff_t jr = 0; jr < nc; jr += blocking.nr) {
          const int nr = (int)(nc - jr < blocking.nr ? nc - jr : blocking.nr);
          const float *b_panel = b_in_place ? b_block + jr : packed_b + jr * kc;
          for (ptrdiff_t ir = 0; ir < mc; ir += blocking.mr) {
            const int mr = (int)(mc - ir < blocking.mr ? mc - ir : blocking.mr);
            blocking.micro(kc, packed_a + ir * kc, b_panel, b_stride,
                           c + (ic + ir) * ldc + jc + jr, ldc, mr, nr, alpha, beta, first);
          }
        }
      }
    }
  }
  free(packed_a);
  free(packed_b);
  return 1;
}

int ck_sgemm(ck_kernel kernel, int trans_a, int trans_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
             float alpha, const float *a, ptrdiff_t lda, const float *b, ptrdiff_t ldb,
             float beta, float *c, ptrdiff_t ldc) {
  const ck_a_source source = {trans_a, a, lda, NULL};
  return sgemm(kernel, &source, trans_b, m, n, k, alpha, b, ldb, beta, c, ldc);
}

int ck_sgemm_rows(ck_kernel kernel, int trans_b, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                  float alpha, const float *const *rows, const float *b, ptrdiff_t ldb,
                  float beta, float *c, ptrdiff_t ldc) {
  const ck_a_source source = {0, NULL, 0, rows};
  return sgemm(kernel, &source, trans_b, m, n, k, alpha, b, ldb, beta, c, ldc);
}
