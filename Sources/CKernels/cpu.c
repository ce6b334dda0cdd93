// Run-time detection of the micro-kernels the processor and the operating system support.
#include "CKernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

// XCR0 through XGETBV: which register states the operating system saves on a context switch.
static unsigned long long read_xcr0(void) {
  unsigned int eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return ((unsigned long long)edx << 32) | eax;
}

static ck_kernel detect(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return CK_KERNEL_NONE;
  const int has_fma = (ecx >> 12) & 1, has_osxsave = (ecx >> 27) & 1, has_avx = (ecx >> 28) & 1;
  if (!has_fma || !has_osxsave || !has_avx) return CK_KERNEL_NONE;
  const unsigned long long xcr0 = read_xcr0();
  if ((xcr0 & 0x6) != 0x6) return CK_KERNEL_NONE;  // XMM and YMM state
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return CK_KERNEL_NONE;
  const int has_avx2 = (ebx >> 5) & 1, has_avx512f = (ebx >> 16) & 1;
  if (!has_avx2) return CK_KERNEL_NONE;
  if (has_avx512f && (xcr0 & 0xE6) == 0xE6) return CK_KERNEL_AVX512;  // opmask, ZMM state
  return CK_KERNEL_AVX2;
}
#else
static ck_kernel detect(void) { return CK_KERNEL_NONE; }
#endif

ck_kernel ck_best_kernel(void) {
  static ck_kernel best = (ck_kernel)-1;
  ck_kernel value = __atomic_load_n(&best, __ATOMIC_RELAXED);
  if (value == (ck_kernel)-1) {
    value = detect();
    __atomic_store_n(&best, value, __ATOMIC_RELAXED);
  }
  return value;
}

int ck_kernel_supported(ck_kernel kernel) {
  switch (kernel) {
    case CK_KERNEL_NONE: return 0;
    case CK_KERNEL_AVX2: return ck_best_kernel() >= CK_KERNEL_AVX2;
    case CK_KERNEL_AVX512: return ck_best_kernel() >= CK_KERNEL_AVX512;
  }
  return 0;
}
