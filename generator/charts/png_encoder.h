#pragma once
// A PNG writer tuned for charts: flat colours and straight edges are runs along a row and copies
// of the row above, which its own deflate stream encodes without searching. Files are a few
// percent larger than zlib's best, written many times faster than by Cairo's libpng writer.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace jv::charts {

/// A prepared bit sequence (Huffman code plus extra bits), least significant bit first.
struct Bits {
  uint32_t value = 0;
  int count = 0;
};

/// Packs bits least significant first into bytes, as deflate requires. Writes straight into
/// `out`'s storage: callers reserve room first (Reserve), so Put never checks capacity.
class BitWriter {
 public:
  explicit BitWriter(std::vector<unsigned char>* out) : out_(out) {}
  /// Room for at least `bytes` more bytes; storage only ever grows, so a reused vector is not
  /// cleared or zeroed again.
  void Reserve(size_t bytes) {
    if (used_ + bytes + 8 > out_->size()) out_->resize(std::max(2 * out_->size(), used_ + bytes + 8));
  }
  /// Up to 32 bits at once.
  void Put(Bits bits) {
    buffer_ |= static_cast<uint64_t>(bits.value) << count_;
    count_ += bits.count;
    if (count_ >= 32) {
      unsigned char* at = out_->data() + used_;
      for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>(buffer_ >> (8 * i));
      used_ += 4;
      buffer_ >>= 32;
      count_ -= 32;
    }
  }
  /// Pads the last byte with zero bits; the stream's bytes are then bytes()[0, used()).
  void Flush() {
    Reserve(8);
    for (; count_ > 0; count_ -= 8, buffer_ >>= 8) (*out_)[used_++] = static_cast<unsigned char>(buffer_);
    buffer_ = 0, count_ = 0;
  }
  size_t used() const { return used_; }
  std::vector<unsigned char>& bytes() { return *out_; }

 private:
  std::vector<unsigned char>* out_;
  size_t used_ = 0;
  uint64_t buffer_ = 0;
  int count_ = 0;
};

/// Writes an opaque picture as an 8-bit RGB PNG, a row at a time, so that a caller making the
/// rows hands each over while it is still in the processor's cache. Deterministic: the same
/// pixels give the same bytes.
class PngWriter {
 public:
  /// `buffer` holds the compressed stream while it grows; reusing one (per thread) spares fresh
  /// pages for every picture. It must outlive the writer and serve no other writer meanwhile.
  PngWriter(int width, int height, std::vector<unsigned char>* buffer);
  /// The next of `height` rows: `width` Cairo ARGB32 pixels (native-endian 32-bit words). Alpha
  /// is dropped, so callers must paint an opaque background first. The previous row must still
  /// be readable, unchanged: a row is written as its differences from the one above.
  void AddRow(const uint32_t* row);
  /// The PNG file, once every row has been added.
  std::string Finish();

 private:
  /// Adds the row just written, whose sums are row_a_ and row_b_, to the stream's Adler-32.
  void AddRowChecksum();

  int width_, height_;
  size_t row_size_;          // bytes of a PNG row: the filter byte, then R, G, B per pixel
  bool rows_reachable_;      // whether the row above is within deflate's window
  Bits row_up_, pixel_left_;  // the match distances one row up and one pixel left
  size_t row_bound_;         // the most bytes one row's codes can take
  BitWriter bits_;
  const uint32_t* previous_ = nullptr;
  uint32_t row_a_, row_b_;   // Adler-32's two sums over the previous row alone
  uint32_t adler_ = 1;       // Adler-32 of the rows so far
};

/// Encodes a whole opaque image (`stride` bytes per row) with a PngWriter.
std::string EncodeOpaquePng(const unsigned char* data, int width, int height, int stride);

}  // namespace jv::charts
