// The PNG writer's own deflate stream, read back by libpng (through Cairo): every pixel must
// survive exactly, whatever mix of repeated rows, runs and noise the image holds.

#include "charts/png_encoder.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "png_pixels.h"

namespace jv::charts {
namespace {

struct Image {
  int width, height;
  std::vector<uint32_t> argb;  // opaque, rows without padding
  uint32_t& at(int x, int y) { return argb[static_cast<size_t>(y) * width + x]; }
};

Image Blank(int width, int height, uint32_t colour) {
  return {width, height, std::vector<uint32_t>(static_cast<size_t>(width) * height, colour)};
}

/// Encodes, decodes with libpng and counts differing pixels (-1 when it cannot be read).
long RoundTripDifferences(const Image& image) {
  std::string png = EncodeOpaquePng(reinterpret_cast<const unsigned char*>(image.argb.data()),
                                    image.width, image.height, image.width * 4);
  testing::Pixels decoded;
  if (!testing::DecodePng(png, &decoded)) return -1;
  testing::Pixels original;
  original.width = image.width, original.height = image.height;
  original.argb.assign(reinterpret_cast<const uint8_t*>(image.argb.data()),
                       reinterpret_cast<const uint8_t*>(image.argb.data() + image.argb.size()));
  return testing::CountDifferentPixels(original, decoded, 0);
}

TEST_CASE("PNG writer round-trips a chart-like image exactly", "[charts][png]") {
  Image image = Blank(1280, 300, 0xFFFFFFFF);
  for (int y = 40; y < 300; ++y)
    for (int x = 100; x < 160; ++x) image.at(x, y) = 0xFF1F77B4;  // a bar
  for (int x = 0; x < 1280; ++x) image.at(x, 20) = 0xFFDDDDDD;    // a grid line
  std::mt19937 random(7);
  for (int y = 5; y < 15; ++y)                                     // anti-aliased "text"
    for (int x = 300; x < 420; ++x) image.at(x, y) = 0xFF000000u | (random() & 0xFFFFFFu);
  CHECK(RoundTripDifferences(image) == 0);
}

TEST_CASE("PNG writer round-trips noise and odd widths", "[charts][png]") {
  std::mt19937 random(11);
  for (int width : {1, 2, 3, 85, 86, 87, 258, 1001}) {
    Image image = Blank(width, 17, 0xFF808080);
    for (auto& pixel : image.argb)
      if (random() % 3 == 0) pixel = 0xFF000000u | (random() & 0xFFFFFFu);
    INFO("width " << width);
    CHECK(RoundTripDifferences(image) == 0);
  }
}

TEST_CASE("PNG writer round-trips rows too wide to match the row above", "[charts][png]") {
  // 12.000 px × 3 bytes is beyond deflate's 32 KiB window: rows can only match within themselves.
  Image image = Blank(12000, 3, 0xFFFFFFFF);
  image.at(5000, 1) = 0xFF123456;
  CHECK(RoundTripDifferences(image) == 0);
}

TEST_CASE("PNG writer compresses repeated rows to a small file", "[charts][png]") {
  Image image = Blank(1280, 768, 0xFFFFFFFF);
  std::string png = EncodeOpaquePng(reinterpret_cast<const unsigned char*>(image.argb.data()),
                                    1280, 768, 1280 * 4);
  // 2,9 MB of pixels; one row of runs and 767 row copies of ~15 matches each.
  CHECK(png.size() < 40000);
}

}  // namespace
}  // namespace jv::charts
