#include "charts/png_encoder.h"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

// The compressed stream is written here rather than by zlib's deflate: a chart is mostly rows
// that repeat the row above (background, bar bodies) and runs of one colour within a row, and
// LZ77 matches at exactly those two distances — one row up, one pixel left — capture that
// without searching. One fixed-Huffman block (RFC 1951, 3.2.6) keeps the writer small; the files
// are somewhat larger than zlib's best, several times faster to write.

namespace jv::charts {
namespace {

constexpr int kBytesPerPixel = 3;     // 8-bit RGB
constexpr int kMaxMatch = 258;        // deflate's longest match
constexpr size_t kMaxDistance = 32768;

/// `count` bits of `code`, most significant first, as deflate sends Huffman codes.
uint32_t Reverse(uint32_t code, int count) {
  uint32_t out = 0;
  for (int i = 0; i < count; ++i) out |= ((code >> i) & 1u) << (count - 1 - i);
  return out;
}

/// A prepared bit sequence: Huffman code plus extra bits, ready for BitWriter::Put.
struct Bits {
  uint32_t value = 0;
  int count = 0;
};

/// The fixed Huffman code of a literal/length symbol (0–287).
Bits FixedSymbol(int symbol) {
  if (symbol < 144) return {Reverse(0x30 + symbol, 8), 8};
  if (symbol < 256) return {Reverse(0x190 + symbol - 144, 9), 9};
  if (symbol < 280) return {Reverse(symbol - 256, 7), 7};
  return {Reverse(0xC0 + symbol - 280, 8), 8};
}

/// Literal codes for every byte and length codes (with extra bits) for every match length.
struct FixedCodes {
  std::array<Bits, 256> literal;
  std::array<Bits, kMaxMatch + 1> length;  // index 3..258
  Bits end_of_block;

  FixedCodes() {
    for (int b = 0; b < 256; ++b) literal[b] = FixedSymbol(b);
    end_of_block = FixedSymbol(256);
    for (int len = 3; len <= kMaxMatch; ++len) {
      int symbol, base, extra;
      if (len == kMaxMatch) {
        symbol = 285, base = kMaxMatch, extra = 0;
      } else if (len <= 10) {
        symbol = 254 + len, base = len, extra = 0;
      } else {
        // Symbols 265–284: four per number of extra bits (1–5).
        symbol = 265, extra = 1, base = 11;
        while (true) {
          int next = symbol + 1;
          int next_extra = (next - 265) / 4 + 1;
          int next_base = ((4 + (next - 265) % 4) << next_extra) + 3;
          if (next > 284 || next_base > len) break;
          symbol = next, extra = next_extra, base = next_base;
        }
      }
      Bits code = FixedSymbol(symbol);
      length[len] = {code.value | (static_cast<uint32_t>(len - base) << code.count), code.count + extra};
    }
  }
};

const FixedCodes& Codes() {
  static const FixedCodes codes;
  return codes;
}

/// Distance code (fixed 5-bit codes) with extra bits, for 1..32768.
Bits DistanceBits(size_t distance) {
  int code = 0, base = 1, extra = 0;
  for (int c = 0; c < 30; ++c) {
    int e = c < 4 ? 0 : c / 2 - 1;
    int b = c < 4 ? c + 1 : (1 << (e + 1)) + 1 + ((c & 1) << e);
    if (static_cast<size_t>(b) > distance) break;
    code = c, base = b, extra = e;
  }
  return {Reverse(static_cast<uint32_t>(code), 5) | (static_cast<uint32_t>(distance - base) << 5), 5 + extra};
}

/// Packs bits least significant first into bytes, as deflate requires.
class BitWriter {
 public:
  explicit BitWriter(std::vector<unsigned char>* out) : out_(out) {}
  void Put(Bits bits) {
    buffer_ |= static_cast<uint64_t>(bits.value) << count_;
    count_ += bits.count;
    while (count_ >= 8) {
      out_->push_back(static_cast<unsigned char>(buffer_));
      buffer_ >>= 8;
      count_ -= 8;
    }
  }
  void Flush() {
    if (count_ > 0) out_->push_back(static_cast<unsigned char>(buffer_));
    buffer_ = 0, count_ = 0;
  }

 private:
  std::vector<unsigned char>* out_;
  uint64_t buffer_ = 0;
  int count_ = 0;
};

/// Writes `bytes` (at least 3) bytes as matches at `distance`, in pieces of deflate's maximum
/// length or less, none shorter than its minimum of 3.
void PutMatch(BitWriter* out, size_t bytes, const Bits& distance) {
  const FixedCodes& codes = Codes();
  while (bytes > 0) {
    size_t piece = bytes > kMaxMatch ? kMaxMatch : bytes;
    if (bytes - piece > 0 && bytes - piece < 3) piece = bytes - 3;
    out->Put(codes.length[piece]);
    out->Put(distance);
    bytes -= piece;
  }
}

inline uint32_t Rgb(uint32_t argb) { return argb & 0xFFFFFFu; }

/// The PNG row bytes: filter type 0 ("None"), then RGB per pixel.
void RowBytes(const uint32_t* row, int width, unsigned char* out) {
  *out++ = 0;
  for (int x = 0; x < width; ++x, out += kBytesPerPixel) {
    out[0] = static_cast<unsigned char>(row[x] >> 16);
    out[1] = static_cast<unsigned char>(row[x] >> 8);
    out[2] = static_cast<unsigned char>(row[x]);
  }
}

/// How many pixels from `x` on equal their counterpart `offset` pixels earlier in `pixels`
/// (`above` is the same for the row above).
int RunLength(const uint32_t* pixels, const uint32_t* reference, int x, int width) {
  int n = 0;
  while (x + n < width && Rgb(pixels[x + n]) == Rgb(reference[x + n])) ++n;
  return n;
}

/// The zlib stream (RFC 1950) of the image's PNG rows.
void Compress(const unsigned char* data, int width, int height, int stride,
              std::vector<unsigned char>* out) {
  const FixedCodes& codes = Codes();
  const size_t row_size = static_cast<size_t>(width) * kBytesPerPixel + 1;
  const bool rows_reachable = row_size <= kMaxDistance;
  const Bits row_up = rows_reachable ? DistanceBits(row_size) : Bits{};
  const Bits pixel_left = DistanceBits(kBytesPerPixel);

  thread_local std::vector<unsigned char> row_bytes;
  row_bytes.resize(row_size);
  out->push_back(0x78), out->push_back(0x01);  // deflate, 32 KiB window, no dictionary
  BitWriter bits(out);
  bits.Put({0b011, 3});  // final block, fixed Huffman codes
  uLong adler = adler32(0, nullptr, 0);
  uLong row_adler = 0;
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    const auto* above =
        y == 0 ? nullptr : reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y - 1) * stride);
    if (above != nullptr && rows_reachable && RunLength(row, above, 0, width) == width) {
      PutMatch(&bits, row_size, row_up);  // filter byte included: it is the same 0
      adler = adler32_combine(adler, row_adler, static_cast<z_off_t>(row_size));
      continue;
    }
    RowBytes(row, width, row_bytes.data());
    row_adler = adler32(adler32(0, nullptr, 0), row_bytes.data(), static_cast<uInt>(row_size));
    adler = adler32_combine(adler, row_adler, static_cast<z_off_t>(row_size));
    bits.Put(codes.literal[0]);
    for (int x = 0; x < width;) {
      int up = above != nullptr && rows_reachable ? RunLength(row, above, x, width) : 0;
      int left = x > 0 ? RunLength(row, row - 1, x, width) : 0;
      if (up == 0 && left == 0) {
        const unsigned char* pixel = row_bytes.data() + 1 + static_cast<size_t>(x) * kBytesPerPixel;
        for (int c = 0; c < kBytesPerPixel; ++c) bits.Put(codes.literal[pixel[c]]);
        ++x;
      } else if (up >= left) {
        PutMatch(&bits, static_cast<size_t>(up) * kBytesPerPixel, row_up);
        x += up;
      } else {
        PutMatch(&bits, static_cast<size_t>(left) * kBytesPerPixel, pixel_left);
        x += left;
      }
    }
  }
  bits.Put(codes.end_of_block);
  bits.Flush();
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<unsigned char>(adler >> shift));
}

void PutU32(std::string* out, uint32_t v) {
  const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                         static_cast<char>(v >> 8), static_cast<char>(v)};
  out->append(bytes, 4);
}

void PutChunk(std::string* out, const char type[4], const unsigned char* payload, size_t size) {
  PutU32(out, static_cast<uint32_t>(size));
  size_t start = out->size();
  out->append(type, 4);
  out->append(reinterpret_cast<const char*>(payload), size);
  const auto* typed = reinterpret_cast<const Bytef*>(out->data() + start);
  PutU32(out, static_cast<uint32_t>(crc32(0, typed, static_cast<uInt>(size + 4))));
}

}  // namespace

std::string EncodeOpaquePng(const unsigned char* data, int width, int height, int stride) {
  // Kept per thread: a 2× chart's stream is a few hundred kilobytes, and fresh pages for every
  // chart cost more than reusing them.
  thread_local std::vector<unsigned char> compressed;
  compressed.clear();
  Compress(data, width, height, stride, &compressed);

  unsigned char header[13];
  for (int i = 0; i < 4; ++i) {
    header[i] = static_cast<unsigned char>(static_cast<uint32_t>(width) >> (24 - 8 * i));
    header[4 + i] = static_cast<unsigned char>(static_cast<uint32_t>(height) >> (24 - 8 * i));
  }
  const unsigned char format[5] = {8, 2, 0, 0, 0};  // 8-bit, RGB, deflate, adaptive, no interlace
  std::memcpy(header + 8, format, 5);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  png.reserve(compressed.size() + 64);
  PutChunk(&png, "IHDR", header, sizeof header);
  PutChunk(&png, "IDAT", compressed.data(), compressed.size());
  PutChunk(&png, "IEND", nullptr, 0);
  return png;
}

}  // namespace jv::charts
