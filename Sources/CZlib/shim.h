#include <zlib.h>
// inflateInit2 is a macro; this wraps it (windowBits 15 + 32 detects gzip or zlib headers).
static inline int shim_inflateInit2(z_streamp stream, int windowBits) {
  return inflateInit2(stream, windowBits);
}
static inline int shim_deflateInit2(z_streamp stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
