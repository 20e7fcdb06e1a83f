#pragma once
// Test-only PNG decoding for the golden tests. The chart stage is the only production code that
// includes Cairo; tests may, to read back what the painters wrote.

#include <cairo.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace jv::charts::testing {

/// Decoded pixels, 4 bytes each in Cairo's native ARGB32 order (premultiplied, which is the
/// same as straight alpha for the opaque charts compared here).
struct Pixels {
  int width = 0, height = 0;
  std::vector<uint8_t> argb;  ///< width * height * 4 bytes, rows without padding
};

namespace internal {
struct PngReader {
  const std::string* bytes;
  size_t offset;
};

inline cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->offset + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, reader->bytes->data() + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}
}  // namespace internal

/// Decodes PNG bytes; false when Cairo cannot read them.
inline bool DecodePng(const std::string& png, Pixels* out) {
  internal::PngReader reader{&png, 0};
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(internal::ReadPng, &reader);
  bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS &&
            cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32;
  if (!ok) {
    // Opaque PNGs decode as RGB24, which is also 4 bytes per pixel.
    ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS &&
         cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24;
  }
  if (ok) {
    cairo_surface_flush(surface);
    out->width = cairo_image_surface_get_width(surface);
    out->height = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    out->argb.resize(static_cast<size_t>(out->width) * out->height * 4);
    for (int y = 0; y < out->height; ++y) {
      std::memcpy(out->argb.data() + static_cast<size_t>(y) * out->width * 4,
                  data + static_cast<size_t>(y) * stride, static_cast<size_t>(out->width) * 4);
    }
  }
  cairo_surface_destroy(surface);
  return ok;
}

/// How many pixels differ by more than `tolerance` in any channel; -1 when the sizes differ.
inline long CountDifferentPixels(const Pixels& a, const Pixels& b, int tolerance) {
  if (a.width != b.width || a.height != b.height) return -1;
  long count = 0;
  for (size_t i = 0; i < a.argb.size(); i += 4) {
    for (size_t c = 0; c < 4; ++c) {
      if (std::abs(int{a.argb[i + c]} - int{b.argb[i + c]}) > tolerance) {
        ++count;
        break;
      }
    }
  }
  return count;
}

}  // namespace jv::charts::testing
