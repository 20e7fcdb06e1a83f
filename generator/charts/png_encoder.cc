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

inline void Rgb(uint32_t pixel, unsigned char* out) {
  out[0] = static_cast<unsigned char>(pixel >> 16);
  out[1] = static_cast<unsigned char>(pixel >> 8);
  out[2] = static_cast<unsigned char>(pixel);
}

// One row as filter byte + RGB. "Up" (2) suits charts: most rows repeat the one above (bars,
// plot background), and its output is long runs of zeros that deflate removes cheaply.
void FilterRow(const uint32_t* row, const uint32_t* above, int width, unsigned char* out) {
  *out++ = above == nullptr ? 0 : 2;
  for (int x = 0; x < width; ++x, out += 3) {
    Rgb(row[x], out);
    if (above == nullptr) continue;
    unsigned char up[3];
    Rgb(above[x], up);
    for (int c = 0; c < 3; ++c) out[c] = static_cast<unsigned char>(out[c] - up[c]);
  }
}

}  // namespace

std::string EncodeOpaquePng(const unsigned char* data, int width, int height, int stride) {
  // Buffers are kept per thread: a 2× chart is several megabytes, and fresh zeroed pages for
  // every chart cost more than the encoding itself.
  thread_local std::vector<unsigned char> raw;
  thread_local std::vector<Bytef> compressed;
  size_t row_size = static_cast<size_t>(width) * 3 + 1;
  raw.resize(row_size * static_cast<size_t>(height));
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    const auto* above = y == 0 ? nullptr : reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y - 1) * stride);
    FilterRow(row, above, width, raw.data() + row_size * static_cast<size_t>(y));
  }
  uLong bound = compressBound(static_cast<uLong>(raw.size()));
  if (compressed.size() < bound) compressed.resize(bound);
  // Z_RLE only looks for runs, which is what "Up"-filtered chart rows are (long runs of zeros):
  // it compresses them almost as well as the default search, several times faster.
  z_stream stream{};
  deflateInit2(&stream, 6, Z_DEFLATED, 15, 8, Z_RLE);
  stream.next_in = raw.data();
  stream.avail_in = static_cast<uInt>(raw.size());
  stream.next_out = compressed.data();
  stream.avail_out = static_cast<uInt>(bound);
  deflate(&stream, Z_FINISH);
  size_t size = stream.total_out;
  deflateEnd(&stream);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  PutU32(&header, static_cast<uint32_t>(width));
  PutU32(&header, static_cast<uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit, RGB, deflate, adaptive, no interlace
  PutChunk(&png, "IHDR", header);
  PutChunk(&png, "IDAT", std::string(reinterpret_cast<const char*>(compressed.data()), size));
  PutChunk(&png, "IEND", "");
  return png;
}

}  // namespace jv::charts
