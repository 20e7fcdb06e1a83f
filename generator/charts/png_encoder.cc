#include "charts/png_encoder.h"

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace jv::charts {
namespace {

void PutU32(std::string* out, uint32_t v) {
  const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                         static_cast<char>(v >> 8), static_cast<char>(v)};
  out->append(bytes, 4);
}

void PutChunk(std::string* out, const char type[4], const std::string& payload) {
  PutU32(out, static_cast<uint32_t>(payload.size()));
  std::string typed(type, 4);
  typed += payload;
  out->append(typed);
  PutU32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(typed.data()),
                                          static_cast<uInt>(typed.size()))));
}

// One row as filter byte + RGB. "Up" (2) suits charts: most rows repeat the one above (bars,
// plot background), and its output is long runs of zeros that deflate removes cheaply.
void FilterRow(const uint32_t* row, const uint32_t* above, int width, std::vector<unsigned char>* out,
               std::vector<unsigned char>* rgb_above) {
  out->push_back(above == nullptr ? 0 : 2);
  for (int x = 0; x < width; ++x) {
    uint32_t p = row[x];
    unsigned char rgb[3] = {static_cast<unsigned char>(p >> 16), static_cast<unsigned char>(p >> 8),
                            static_cast<unsigned char>(p)};
    for (int c = 0; c < 3; ++c) {
      unsigned char previous = above == nullptr ? 0 : (*rgb_above)[x * 3 + c];
      out->push_back(static_cast<unsigned char>(rgb[c] - previous));
      (*rgb_above)[x * 3 + c] = rgb[c];
    }
  }
}

}  // namespace

std::string EncodeOpaquePng(const unsigned char* data, int width, int height, int stride) {
  std::vector<unsigned char> raw;
  raw.reserve(static_cast<size_t>(height) * (width * 3 + 1));
  std::vector<unsigned char> rgb_above(static_cast<size_t>(width) * 3);
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    const auto* above = y == 0 ? nullptr : reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y - 1) * stride);
    FilterRow(row, above, width, &raw, &rgb_above);
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string compressed(size, '\0');
  // Level 6 is zlib's default balance; chart rows filtered with "Up" are mostly zeros, so the
  // cost is low and files stay small for the web.
  compress2(reinterpret_cast<Bytef*>(compressed.data()), &size, raw.data(), static_cast<uLong>(raw.size()), 6);
  compressed.resize(size);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  PutU32(&header, static_cast<uint32_t>(width));
  PutU32(&header, static_cast<uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit, RGB, deflate, adaptive, no interlace
  PutChunk(&png, "IHDR", header);
  PutChunk(&png, "IDAT", compressed);
  PutChunk(&png, "IEND", "");
  return png;
}

}  // namespace jv::charts
