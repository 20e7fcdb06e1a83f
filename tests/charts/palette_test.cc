#include <catch2/catch.hpp>

#include "charts/palette.h"

namespace jv::charts {
namespace {

TEST_CASE("Color prints as lower-case hex", "[charts]") {
  CHECK(Color{0, 114, 178}.Hex() == "#0072b2");
  CHECK(Color{255, 255, 255}.Hex() == "#ffffff");
  CHECK(Color{}.Hex() == "#000000");
}

TEST_CASE("Contrast ratio follows WCAG", "[charts]") {
  CHECK(ContrastRatio({0, 0, 0}, {255, 255, 255}) == Approx(21));
  CHECK(ContrastRatio({255, 255, 255}, {255, 255, 255}) == Approx(1));
  CHECK(ContrastRatio({118, 118, 118}, ui::kBackground) == Approx(4.54).margin(0.01));
}

TEST_CASE("Series colours reach 3 to 1 and their text colours 4.5 to 1 on white", "[charts]") {
  for (size_t i = 0; i < kPaletteSize; ++i) {
    INFO("series " << i);
    CHECK(ContrastRatio(SeriesColor(i), ui::kBackground) >= 3.0);
    CHECK(ContrastRatio(SeriesTextColor(i), ui::kBackground) >= 4.5);
  }
  for (Color text : {ui::kTitle, ui::kText, ui::kSubtleText}) {
    CHECK(ContrastRatio(text, ui::kBackground) >= 4.5);
  }
}

TEST_CASE("Neighbouring series colours differ", "[charts]") {
  for (size_t i = 0; i + 1 < kPaletteSize; ++i) {
    CHECK(SeriesColor(i).Hex() != SeriesColor(i + 1).Hex());
  }
  CHECK(SeriesColor(kPaletteSize).Hex() == SeriesColor(0).Hex());
}

}  // namespace
}  // namespace jv::charts
