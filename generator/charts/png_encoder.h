#pragma once
// A PNG writer tuned for charts: flat colours and straight edges compress well with light
// deflate and the "Up"/"Sub" filters, so we trade a few percent of file size for several times
// the speed of Cairo's own writer (libpng at its default, slowest-but-smallest settings).

#include <string>

namespace jv::charts {

/// Encodes an opaque image as 8-bit RGB PNG. `data` holds Cairo ARGB32 pixels (native-endian
/// 32-bit words, `stride` bytes per row); alpha is dropped, so callers must paint an opaque
/// background first. Deterministic: the same pixels give the same bytes.
std::string EncodeOpaquePng(const unsigned char* data, int width, int height, int stride);

}  // namespace jv::charts
