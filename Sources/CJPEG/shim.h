#include <stdio.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

// JPEG decoding from memory with libjpeg's setjmp/longjmp error handling kept inside C,
// so Swift never sees a longjmp. Corrupt-data warnings (e.g. a truncated file, which libjpeg
// would otherwise fill with gray) are reported as errors.

/// The outcome of shim_jpeg_decode_rgb.
enum shim_jpeg_status {
  SHIM_JPEG_OK = 0,
  SHIM_JPEG_FATAL = 1,        // libjpeg stopped with an error (message set)
  SHIM_JPEG_CORRUPT = 2,      // libjpeg warned about corrupt data (message set)
  SHIM_JPEG_UNSUPPORTED = 3,  // not 1 (gray) or 3 (YCbCr/RGB) components (message set)
  SHIM_JPEG_NO_MEMORY = 4,
  SHIM_JPEG_TOO_LARGE = 5     // the header's width × height exceeds max_pixels (width, height set)
};

/// A decoded image: `pixels` holds height × width × 3 bytes (RGB, row-major), malloc'd;
/// release it with shim_jpeg_free. `components` is the file's component count (1 = gray).
typedef struct {
  unsigned char *pixels;
  int width;
  int height;
  int components;
  char message[JMSG_LENGTH_MAX];
} shim_jpeg_image;

struct shim_jpeg_error_manager {
  struct jpeg_error_mgr base;
  jmp_buf jump;
  int warnings;
  char message[JMSG_LENGTH_MAX];
};

static inline void shim_jpeg_error_exit(j_common_ptr info) {
  struct shim_jpeg_error_manager *manager = (struct shim_jpeg_error_manager *)info->err;
  (*info->err->format_message)(info, manager->message);
  longjmp(manager->jump, 1);
}

static inline void shim_jpeg_emit_message(j_common_ptr info, int level) {
  struct shim_jpeg_error_manager *manager = (struct shim_jpeg_error_manager *)info->err;
  if (level < 0) {
    if (manager->warnings == 0) (*info->err->format_message)(info, manager->message);
    manager->warnings += 1;
  }
}

static inline void shim_jpeg_output_message(j_common_ptr info) { (void)info; }

static inline void shim_jpeg_free(unsigned char *pixels) { free(pixels); }

/// Decodes a baseline or progressive JPEG held in memory into 8-bit RGB (grayscale is
/// expanded to three equal channels). The header is read first: an image of more than
/// `max_pixels` pixels is refused (SHIM_JPEG_TOO_LARGE, with width and height set) before
/// anything is decompressed. Returns a shim_jpeg_status; on failure `image->message` holds
/// libjpeg's message and `image->pixels` is NULL.
static inline int shim_jpeg_decode_rgb(const unsigned char *data, unsigned long size,
                                       unsigned long long max_pixels, shim_jpeg_image *image) {
  struct jpeg_decompress_struct info;
  struct shim_jpeg_error_manager manager;
  unsigned char *volatile pixels = NULL;
  memset(image, 0, sizeof *image);
  info.err = jpeg_std_error(&manager.base);
  manager.base.error_exit = shim_jpeg_error_exit;
  manager.base.emit_message = shim_jpeg_emit_message;
  manager.base.output_message = shim_jpeg_output_message;
  manager.warnings = 0;
  manager.message[0] = 0;
  if (setjmp(manager.jump)) {
    jpeg_destroy_decompress(&info);
    free(pixels);
    memcpy(image->message, manager.message, JMSG_LENGTH_MAX);
    return SHIM_JPEG_FATAL;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, size);
  jpeg_read_header(&info, TRUE);
  image->components = info.num_components;
  if ((unsigned long long)info.image_width * info.image_height > max_pixels) {
    image->width = (int)info.image_width;
    image->height = (int)info.image_height;
    jpeg_destroy_decompress(&info);
    return SHIM_JPEG_TOO_LARGE;
  }
  if (info.num_components != 1 && info.num_components != 3) {
    snprintf(image->message, JMSG_LENGTH_MAX, "%d color components (CMYK or YCCK)",
             info.num_components);
    jpeg_destroy_decompress(&info);
    return SHIM_JPEG_UNSUPPORTED;
  }
  info.out_color_space = JCS_RGB;
  jpeg_start_decompress(&info);
  size_t row_bytes = (size_t)info.output_width * 3;
  pixels = malloc(row_bytes * info.output_height);
  if (pixels == NULL) {
    jpeg_destroy_decompress(&info);
    return SHIM_JPEG_NO_MEMORY;
  }
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = pixels + (size_t)info.output_scanline * row_bytes;
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  image->width = (int)info.output_width;
  image->height = (int)info.output_height;
  jpeg_destroy_decompress(&info);
  if (manager.warnings > 0) {
    free(pixels);
    memcpy(image->message, manager.message, JMSG_LENGTH_MAX);
    return SHIM_JPEG_CORRUPT;
  }
  image->pixels = pixels;
  return SHIM_JPEG_OK;
}
