#include "charts/png_encoder.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
constexpr int kLongRun = 16;          // pixels
constexpr uint32_t kRgb = 0xFFFFFF;   // a pixel without its alpha
constexpr int64_t kModulus = 65521;   // Adler-32's

/// `count` bits of `code`, most significant first, as deflate sends Huffman codes.
uint32_t Reverse(uint32_t code, int count) {
  uint32_t out = 0;
  for (int i = 0; i < count; ++i) out |= ((code >> i) & 1u) << (count - 1 - i);
  return out;
}

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

/// The three literal codes of one pixel's bytes (R, G, B) as one Put of at most 27 bits.
Bits PixelLiterals(const FixedCodes& codes, uint32_t pixel) {
  Bits r = codes.literal[pixel >> 16 & 0xFF], g = codes.literal[pixel >> 8 & 0xFF], b = codes.literal[pixel & 0xFF];
  return {r.value | g.value << r.count | b.value << (r.count + g.count), r.count + g.count + b.count};
}

// The scans below touch most pixels of a picture and take most of the encoder's time, so on
// x86-64 they use SSE2 (part of every x86-64 processor); elsewhere a plain loop does the same.

/// How many pixels from `x` on have the same colour as their counterpart in `reference`.
int RunLength(const uint32_t* pixels, const uint32_t* reference, int x, int width) {
  int end = x;
#if defined(__SSE2__)
  const __m128i alpha = _mm_set1_epi32(static_cast<int>(0xFF000000u));
  for (; end + 4 <= width; end += 4) {
    __m128i a = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(pixels + end)), alpha);
    __m128i b = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(reference + end)), alpha);
    int equal = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(a, b)));  // a bit per pixel
    if (equal != 0xF) return end + __builtin_ctz(~equal) - x;
  }
#endif
  while (end < width && ((pixels[end] ^ reference[end]) & kRgb) == 0) ++end;
  return end - x;
}

// Adler-32 (RFC 1950) of a PNG row of n bytes alone is a = 1 + the sum of its bytes and
// b = n + the sum of each byte times (n - its position), both modulo 65521. Where a pixel
// matches the one above, it adds to both what that one added, so a row's sums are the row
// above's plus what its other pixels add, less what the pixels above them added. Those are few
// (text, edges, the runs that start a shape), so this costs a fraction of summing every row.

/// What pixels add to Adler-32's two sums, before the modulus.
struct Sums {
  int64_t plain = 0, weighted = 0;
  Sums& operator+=(const Sums& other) { plain += other.plain, weighted += other.weighted; return *this; }
  Sums& operator-=(const Sums& other) { plain -= other.plain, weighted -= other.weighted; return *this; }
};

/// What `count` pixels of `colour` from pixel `x` on add, in a row of `row_size` bytes.
Sums RunSums(uint32_t colour, int x, int count, int64_t row_size) {
  const int64_t red = colour >> 16 & 0xFF, green = colour >> 8 & 0xFF, blue = colour & 0xFF;
  const int64_t k = count, sum = red + green + blue;
  // Red of pixel i weighs n - 1 - 3i, green one less, blue two less.
  const int64_t red_weights = k * (row_size - 1) - 3 * (k * x + k * (k - 1) / 2);
  return {k * sum, red_weights * sum - k * (green + 2 * blue)};
}

/// What pixel `x` adds as `now` beyond what it added as `before`, in a row of `row_size` bytes.
Sums PixelChange(uint32_t now, uint32_t before, int x, int64_t row_size) {
  const int64_t red = int64_t{now >> 16 & 0xFF} - (before >> 16 & 0xFF);
  const int64_t green = int64_t{now >> 8 & 0xFF} - (before >> 8 & 0xFF);
  const int64_t blue = int64_t{now & 0xFF} - (before & 0xFF);
  const int64_t sum = red + green + blue;
  return {sum, (row_size - 1 - 3 * static_cast<int64_t>(x)) * sum - green - 2 * blue};
}

/// What pixels [from, to) of `row` add, in a row of `row_size` bytes.
Sums PixelSums(const uint32_t* row, int from, int to, int64_t row_size) {
  Sums sums;
  int x = from;
#if defined(__SSE2__)
  // Four pixels (twelve row bytes) per step s, in SIMD lanes. With S the step's byte sum and J
  // the sum of each byte times its offset in the step (0 for the first red, 11 for the last
  // blue), the weighted sum is (n - 1 - 3 from) sum(S) - 12 sum(s S) - sum(J); sum(s S) comes
  // from `earlier`, the sums before each step. Blocks of 1024 steps keep the 32-bit lanes from
  // overflowing.
  constexpr int kStepsPerBlock = 1024;
  const __m128i zero = _mm_setzero_si128(), rgb = _mm_set1_epi32(0x00FFFFFF);
  const __m128i offsets_low = _mm_set_epi16(0, 3, 4, 5, 0, 0, 1, 2);     // bytes B G R A of pixels 0, 1
  const __m128i offsets_high = _mm_set_epi16(0, 9, 10, 11, 0, 6, 7, 8);  // and of pixels 2, 3
  int64_t step_sums = 0, step_weighted = 0, offset_sums = 0;  // sum(S), sum(s S), sum(J)
  int64_t steps_before = 0;
  while (x + 4 <= to) {
    const int steps = std::min((to - x) / 4, kStepsPerBlock);
    __m128i step_sum = zero, earlier = zero, offset_sum = zero;
    for (int step = 0; step < steps; ++step, x += 4) {
      __m128i pixels = _mm_and_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + x)), rgb);
      earlier = _mm_add_epi32(earlier, step_sum);
      step_sum = _mm_add_epi32(step_sum, _mm_sad_epu8(pixels, zero));  // in 32-bit lanes 0 and 2
      offset_sum = _mm_add_epi32(offset_sum, _mm_madd_epi16(_mm_unpacklo_epi8(pixels, zero), offsets_low));
      offset_sum = _mm_add_epi32(offset_sum, _mm_madd_epi16(_mm_unpackhi_epi8(pixels, zero), offsets_high));
    }
    uint32_t lanes[3][4];
    _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes[0]), step_sum);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes[1]), earlier);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes[2]), offset_sum);
    const int64_t block_sum = int64_t{lanes[0][0]} + lanes[0][2];
    const int64_t block_earlier = int64_t{lanes[1][0]} + lanes[1][2];
    // Within the block, sum(t S_t) = (steps - 1) sum(S) - earlier; the block starts at step
    // `steps_before`.
    step_weighted += steps_before * block_sum + (steps - 1) * block_sum - block_earlier;
    step_sums += block_sum;
    offset_sums += int64_t{lanes[2][0]} + lanes[2][1] + lanes[2][2] + lanes[2][3];
    steps_before += steps;
  }
  sums.plain = step_sums;
  sums.weighted = (row_size - 1 - 3 * static_cast<int64_t>(from)) * step_sums - 12 * step_weighted - offset_sums;
#endif
  for (; x < to; ++x) sums += PixelChange(row[x], 0, x, row_size);
  return sums;
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

PngWriter::PngWriter(int width, int height, std::vector<unsigned char>* buffer)
    : width_(width),
      height_(height),
      row_size_(static_cast<size_t>(width) * kBytesPerPixel + 1),
      rows_reachable_(row_size_ <= kMaxDistance),
      row_up_(rows_reachable_ ? DistanceBits(row_size_) : Bits{}),
      pixel_left_(DistanceBits(kBytesPerPixel)),
      // Fixed codes spend at most 9 bits per byte (a literal); a match spends fewer per byte.
      row_bound_(row_size_ * 9 / 8 + 16),
      bits_(buffer),
      // The sums of a row of zeros: what the first row's are taken from.
      row_a_(1),
      row_b_(static_cast<uint32_t>(row_size_ % kModulus)) {
  bits_.Reserve(row_bound_);
  bits_.Put({0x78, 8}), bits_.Put({0x01, 8});  // deflate, 32 KiB window, no dictionary
  bits_.Put({0b011, 3});                      // final block, fixed Huffman codes
}

void PngWriter::AddRow(const uint32_t* row) {
  const FixedCodes& codes = Codes();
  const int width = width_;
  bits_.Reserve(row_bound_);
  const uint32_t* above = previous_;
  previous_ = row;
  const bool up_reachable = above != nullptr && rows_reachable_;
  // The run from above at the row's start, reused by the loop below for its first pixel. Most
  // rows repeat the one above, alpha included, which memcmp confirms fastest.
  int first_up = 0;
  if (up_reachable) {
    first_up = std::memcmp(row, above, static_cast<size_t>(width) * 4) == 0 ? width : RunLength(row, above, 0, width);
  }
  if (up_reachable && first_up == width) {
    PutMatch(&bits_, row_size_, row_up_);  // filter byte included: it is the same 0
    AddRowChecksum();
    return;
  }
  const int64_t row_size = static_cast<int64_t>(row_size_);
  Sums change;  // what this row adds to Adler-32's sums beyond what the row above added
  bits_.Put(codes.literal[0]);
  for (int x = 0; x < width;) {
    // One pixel compared first: text and slanted edges are mostly lone pixels, for which a
    // scan would find nothing.
    const bool up_same = up_reachable && ((row[x] ^ above[x]) & kRgb) == 0;
    const bool left_same = x > 0 && ((row[x] ^ row[x - 1]) & kRgb) == 0;
    if (!up_same && !left_same) {
      bits_.Put(PixelLiterals(codes, row[x]));
      change += PixelChange(row[x], above != nullptr ? above[x] : 0, x, row_size);
      ++x;
      continue;
    }
    int up = !up_same ? 0 : x == 0 ? first_up : RunLength(row, above, x, width);
    // A long run from above is taken as it is: looking for a longer one to the left would
    // scan the same pixels again for a few bytes at most.
    int left = left_same && up < kLongRun ? RunLength(row, row - 1, x, width) : 0;
    if (up >= left) {
      PutMatch(&bits_, static_cast<size_t>(up) * kBytesPerPixel, row_up_);
      x += up;
    } else {
      PutMatch(&bits_, static_cast<size_t>(left) * kBytesPerPixel, pixel_left_);
      change += RunSums(row[x], x, left, row_size);
      if (above != nullptr) change -= PixelSums(above, x, x + left, row_size);
      x += left;
    }
  }
  auto reduce = [](int64_t value) { return static_cast<uint32_t>((value % kModulus + kModulus) % kModulus); };
  row_a_ = reduce(row_a_ + change.plain);
  row_b_ = reduce(row_b_ + change.weighted);
  AddRowChecksum();
}

void PngWriter::AddRowChecksum() {
  adler_ = static_cast<uint32_t>(adler32_combine(adler_, row_b_ << 16 | row_a_, static_cast<z_off_t>(row_size_)));
}

std::string PngWriter::Finish() {
  bits_.Put(Codes().end_of_block);
  bits_.Flush();
  size_t size = bits_.used();
  std::vector<unsigned char>& compressed = bits_.bytes();
  compressed.resize(std::max(compressed.size(), size + 4));
  for (int shift = 24; shift >= 0; shift -= 8) compressed[size++] = static_cast<unsigned char>(adler_ >> shift);

  unsigned char header[13];
  for (int i = 0; i < 4; ++i) {
    header[i] = static_cast<unsigned char>(static_cast<uint32_t>(width_) >> (24 - 8 * i));
    header[4 + i] = static_cast<unsigned char>(static_cast<uint32_t>(height_) >> (24 - 8 * i));
  }
  const unsigned char format[5] = {8, 2, 0, 0, 0};  // 8-bit, RGB, deflate, adaptive, no interlace
  std::memcpy(header + 8, format, 5);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  png.reserve(size + 64);
  PutChunk(&png, "IHDR", header, sizeof header);
  PutChunk(&png, "IDAT", compressed.data(), size);
  PutChunk(&png, "IEND", nullptr, 0);
  return png;
}

std::string EncodeOpaquePng(const unsigned char* data, int width, int height, int stride) {
  // Kept per thread: a 2× chart's stream is a few hundred kilobytes, and fresh pages for every
  // chart cost more than reusing them.
  thread_local std::vector<unsigned char> buffer;
  PngWriter writer(width, height, &buffer);
  for (int y = 0; y < height; ++y) {
    writer.AddRow(reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride));
  }
  return writer.Finish();
}

}  // namespace jv::charts
