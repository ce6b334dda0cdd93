// Shared declarations of the sgemm driver, its packing routines and its micro-kernels.
//
// Legend: m, n, k the product's sizes; mr x nr the live part of an MR x NR tile; kc the
// k-block length; a packed A micro-panel is [kc][MR] (row i of the tile at offset i of each
// k), a B micro-panel is [kc][NR] with row stride ldb (NR when packed, the matrix's leading
// dimension when B is read in place).
#ifndef CKERNELS_SGEMM_INTERNAL_H
#define CKERNELS_SGEMM_INTERNAL_H

#include <stddef.h>

/// Where op(A) comes from: a stored matrix (transposed or not) or one pointer per row.
typedef struct {
  int trans;
  const float *a;
  ptrdiff_t lda;
  const float *const *rows;
} ck_a_source;

/// One micro-kernel call: acc = A_panel * B_panel over kc, then C = alpha * acc + beta * C
/// when `first` (C not read when beta is 0), else C = alpha * acc + C; only the top-left
/// mr x nr entries of C are touched.
typedef void (*ck_micro_kernel)(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb,
                                float *c, ptrdiff_t ldc, int mr, int nr, float alpha,
                                float beta, int first);

/// Packs rows [ic, ic + mc) and columns [pc, pc + kc) of op(A) into micro-panels of [kc][MR],
/// zero-padded.
typedef void (*ck_pack_a)(const ck_a_source *source, ptrdiff_t ic, ptrdiff_t pc, ptrdiff_t mc,
                          ptrdiff_t kc, float *packed, int mr_tile);

/// Packs a kc x nc block of op(B) into [nc / NR] micro-panels of [kc][NR], zero-padded.
typedef void (*ck_pack_b)(int trans, ptrdiff_t kc, ptrdiff_t nc, const float *b, ptrdiff_t ldb,
                          float *packed, int nr_tile);

void ck_micro_avx512_8x48(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c,
                          ptrdiff_t ldc, int mr, int nr, float alpha, float beta, int first);
void ck_micro_avx2_6x16(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c,
                        ptrdiff_t ldc, int mr, int nr, float alpha, float beta, int first);

void ck_pack_a_scalar(const ck_a_source *source, ptrdiff_t ic, ptrdiff_t pc, ptrdiff_t mc,
                      ptrdiff_t kc, float *packed, int mr_tile);
void ck_pack_b_scalar(int trans, ptrdiff_t kc, ptrdiff_t nc, const float *b, ptrdiff_t ldb,
                      float *packed, int nr_tile);
void ck_pack_a_avx2(const ck_a_source *source, ptrdiff_t ic, ptrdiff_t pc, ptrdiff_t mc,
                    ptrdiff_t kc, float *packed, int mr_tile);
void ck_pack_b_avx2(int trans, ptrdiff_t kc, ptrdiff_t nc, const float *b, ptrdiff_t ldb,
                    float *packed, int nr_tile);

#endif
