#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <thread>
#include <utility>
#include <vector>

#include "chart_fixtures.h"
#include "png_pixels.h"

namespace jv::charts {
namespace {

using testing::MustLayout;

// A big-endian 32-bit number from the IHDR chunk (width at byte 16, height at byte 20).
uint32_t PngHeaderField(const std::string& png, size_t offset) {
  REQUIRE(png.size() >= offset + 4);
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(png[offset + i]);
  return value;
}

TEST_CASE("PNG has the PNG signature and the scaled size", "[charts]") {
  DisplayList list = MustLayout(testing::BarSpec());
  Result<std::string> one = PaintPng(list, 1);
  Result<std::string> two = PaintPng(list, 2);
  REQUIRE(one.ok());
  REQUIRE(two.ok());
  CHECK(two->compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(two->substr(12, 4) == "IHDR");
  CHECK(PngHeaderField(*one, 16) == 640);
  CHECK(PngHeaderField(*two, 16) == 1280);
  CHECK(PngHeaderField(*two, 20) == 2 * PngHeaderField(*one, 20));
  CHECK(PngHeaderField(*one, 20) == static_cast<uint32_t>(list.height));
}

TEST_CASE("PNG and PDF bytes are the same for the same spec", "[charts]") {
  for (const ChartSpec& spec : testing::AllKinds()) {
    INFO(spec.id);
    DisplayList first = MustLayout(spec);
    DisplayList second = MustLayout(spec);
    Result<std::string> png_a = PaintPng(first, 2), png_b = PaintPng(second, 2);
    Result<std::string> pdf_a = PaintPdf(first), pdf_b = PaintPdf(second);
    REQUIRE(png_a.ok());
    REQUIRE(pdf_a.ok());
    CHECK(*png_a == *png_b);
    CHECK(*pdf_a == *pdf_b);
  }
}

TEST_CASE("PDF is a PDF with a fixed creation date", "[charts]") {
  Result<std::string> pdf = PaintPdf(MustLayout(testing::DonutSpec()));
  REQUIRE(pdf.ok());
  CHECK(pdf->rfind("%PDF-", 0) == 0);
  // Cairo 1.16 writes the date without the "D:" prefix; later versions add it.
  size_t date = pdf->find("/CreationDate (");
  REQUIRE(date != std::string::npos);
  CHECK(pdf->substr(date, 40).find("20000101000000") != std::string::npos);
  CHECK(pdf->find("%%EOF") != std::string::npos);
}

TEST_CASE("Different charts give different images", "[charts]") {
  // Guards the equality checks above against painters that ignore their input.
  Result<std::string> bar = PaintPng(MustLayout(testing::BarSpec()), 1);
  ChartSpec changed = testing::BarSpec();
  changed.series[0].values[0] = 50;
  Result<std::string> other = PaintPng(MustLayout(changed), 1);
  REQUIRE(bar.ok());
  REQUIRE(other.ok());
  CHECK(*bar != *other);
}

// Channels of `small` that are not the rounded mean of their 2 × 2 block in `big` (the last row
// or column repeated where `big` is odd).
long MisAveraged(const testing::Pixels& big, const testing::Pixels& small) {
  long wrong = 0;
  for (int y = 0; y < small.height; ++y) {
    for (int x = 0; x < small.width; ++x) {
      for (int c = 0; c < 3; ++c) {  // B, G, R in Cairo's little-endian words; alpha is opaque
        int sum = 0;
        for (int dy = 0; dy < 2; ++dy)
          for (int dx = 0; dx < 2; ++dx)
            sum += big.argb[(static_cast<size_t>(std::min(2 * y + dy, big.height - 1)) * big.width +
                             std::min(2 * x + dx, big.width - 1)) * 4 + c];
        if (small.argb[(static_cast<size_t>(y) * small.width + x) * 4 + c] != (sum + 2) / 4) ++wrong;
      }
    }
  }
  return wrong;
}

TEST_CASE("PNG 2x and 1x painted together: the 1x picture is the 2x one averaged per 2x2 block", "[charts]") {
  for (const ChartSpec& spec : testing::AllKinds()) {
    INFO(spec.id);
    DisplayList list = MustLayout(spec);
    Result<std::pair<std::string, std::string>> pair = PaintPng2xAnd1x(list);
    Result<std::string> two = PaintPng(list, 2), one = PaintPng(list, 1);
    REQUIRE(pair.ok());
    REQUIRE(two.ok());
    REQUIRE(one.ok());
    CHECK(pair->first == *two);
    testing::Pixels big, small, painted;
    REQUIRE(testing::DecodePng(pair->first, &big));
    REQUIRE(testing::DecodePng(pair->second, &small));
    REQUIRE(testing::DecodePng(*one, &painted));
    REQUIRE(small.width == painted.width);
    REQUIRE(small.height == painted.height);
    CHECK(MisAveraged(big, small) == 0);
    // And it is the chart as Cairo paints it at 1x, give or take anti-aliasing at edges.
    long differing = testing::CountDifferentPixels(small, painted, 64);
    CHECK(differing >= 0);
    CHECK(differing < static_cast<long>(small.width) * small.height / 50);
  }
}

TEST_CASE("PNG 2x and 1x of a chart whose 2x size is odd: the last row and column repeat", "[charts]") {
  // 100.3 × 50.3 CSS px: 201 × 101 px at 2×, 101 × 51 at 1×, so the last 1× row and column
  // average a single 2× row and column.
  DisplayList list = MustLayout(testing::BarSpec());
  list.width = 100.3, list.height = 50.3;
  list.items = {Rect{0, 0, 100.3, 50.3, {200, 230, 250}}, Rect{20, 10, 60.15, 40.25, {20, 80, 160}},
                Polyline{{{0, 50.2}, {100.3, 0.1}}, {200, 40, 40}, 1.5, false}};
  Result<std::pair<std::string, std::string>> pair = PaintPng2xAnd1x(list);
  REQUIRE(pair.ok());
  testing::Pixels big, small;
  REQUIRE(testing::DecodePng(pair->first, &big));
  REQUIRE(testing::DecodePng(pair->second, &small));
  REQUIRE(big.width == 201);
  REQUIRE(big.height == 101);
  REQUIRE(small.width == 101);
  REQUIRE(small.height == 51);
  CHECK(MisAveraged(big, small) == 0);
}

TEST_CASE("A chart's PNGs do not depend on what its thread painted before", "[charts]") {
  // Each thread paints into one reused buffer and whitens again only what the previous chart
  // may have left; a thread of its own paints each chart on a buffer that never held another.
  std::vector<DisplayList> lists;
  for (const ChartSpec& spec : testing::AllKinds()) lists.push_back(MustLayout(spec));
  std::vector<std::pair<std::string, std::string>> fresh(lists.size());
  for (size_t i = 0; i < lists.size(); ++i) {
    std::thread([&, i] { fresh[i] = *PaintPng2xAnd1x(lists[i]); }).join();
  }
  std::vector<std::pair<std::string, std::string>> after_others(lists.size()), after_dirty(lists.size());
  std::thread([&] {
    for (size_t i = lists.size(); i-- > 0;) after_others[i] = *PaintPng2xAnd1x(lists[i]);
    for (size_t i = 0; i < lists.size(); ++i) {
      // A taller picture of another chart, painted without whitening afterwards.
      (void)PaintPng(lists[(i + 1) % lists.size()], 3);
      after_dirty[i] = *PaintPng2xAnd1x(lists[i]);
    }
  }).join();
  for (size_t i = 0; i < lists.size(); ++i) {
    INFO(lists[i].id);
    CHECK(after_others[i] == fresh[i]);
    CHECK(after_dirty[i] == fresh[i]);
  }
}

TEST_CASE("PNG rejects a scale that is not positive", "[charts]") {
  CHECK_FALSE(PaintPng(MustLayout(testing::BarSpec()), 0).ok());
}

}  // namespace
}  // namespace jv::charts
