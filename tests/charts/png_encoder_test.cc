// The PNG writer's own deflate stream, read back by libpng (through Cairo): every pixel must
// survive exactly, whatever mix of repeated rows, runs and noise the image holds.

#include "charts/png_encoder.h"

#include <catch2/catch.hpp>
#include <zlib.h>

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

/// The image's PNG rows (filter byte 0, then R, G, B), as the zlib stream must hold them.
std::string PngRows(const Image& image) {
  std::string rows;
  for (int y = 0; y < image.height; ++y) {
    rows.push_back('\0');
    for (int x = 0; x < image.width; ++x) {
      uint32_t pixel = image.argb[static_cast<size_t>(y) * image.width + x];
      for (int shift : {16, 8, 0}) rows.push_back(static_cast<char>(pixel >> shift & 0xFF));
    }
  }
  return rows;
}

/// Inflates the single IDAT chunk with zlib, which also checks the stream's Adler-32; "" on
/// any error.
std::string Inflate(const std::string& png, size_t expected_size) {
  size_t at = 8;
  while (at + 8 <= png.size()) {
    auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(png[i])); };
    uint32_t length = byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
    if (png.compare(at + 4, 4, "IDAT") == 0) {
      std::string out(expected_size, '\0');
      uLongf size = out.size();
      int status = uncompress(reinterpret_cast<Bytef*>(&out[0]), &size,
                              reinterpret_cast<const Bytef*>(png.data() + at + 8), length);
      return status == Z_OK && size == expected_size ? out : "";
    }
    at += 12 + length;
  }
  return "";
}

TEST_CASE("PNG writer's stream inflates with a correct checksum", "[charts][png]") {
  std::mt19937 random(3);
  Image chart = Blank(400, 60, 0xFFFFFFFF);
  for (int y = 10; y < 60; ++y)
    for (int x = 50; x < 90; ++x) chart.at(x, y) = 0xFF1F77B4;
  for (int y = 2; y < 8; ++y)
    for (int x = 100; x < 180; ++x) chart.at(x, y) = 0xFF000000u | (random() & 0xFFFFFFu);
  Image noise = Blank(97, 31, 0xFF808080);
  for (auto& pixel : noise.argb) pixel = 0xFF000000u | (random() & 0xFFFFFFu);
  Image wide = Blank(12000, 3, 0xFFFFFFFF);
  wide.at(7000, 2) = 0xFF00FF00;
  for (const Image* image : {&chart, &noise, &wide}) {
    std::string png = EncodeOpaquePng(reinterpret_cast<const unsigned char*>(image->argb.data()),
                                      image->width, image->height, image->width * 4);
    std::string rows = PngRows(*image);
    INFO("width " << image->width);
    CHECK(Inflate(png, rows.size()) == rows);
  }
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
