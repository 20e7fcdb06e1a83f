#pragma once
// A PNG writer tuned for charts: flat colours and straight edges are runs along a row and copies
// of the row above, which its own deflate stream encodes without searching. Files are a few
// percent larger than zlib's best, written many times faster than by Cairo's libpng writer.

#include <string>

namespace jv::charts {

/// Encodes an opaque image as 8-bit RGB PNG. `data` holds Cairo ARGB32 pixels (native-endian
/// 32-bit words, `stride` bytes per row); alpha is dropped, so callers must paint an opaque
/// background first. Deterministic: the same pixels give the same bytes.
std::string EncodeOpaquePng(const unsigned char* data, int width, int height, int stride);

}  // namespace jv::charts
