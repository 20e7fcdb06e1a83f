#include "charts/palette.h"

#include <cmath>
#include <utility>

namespace jv::charts {
namespace {

// Order matters: charts use the first colours together most often, so the order is chosen by
// simulated colour vision (tests/charts/palette_cvd_test.cc): the first four stay at least
// CIE76 dE 15 apart for normal, deuteranopic and protanopic vision, the first six at least 10.
// Okabe & Ito's order put orange and vermillion 3rd and 4th; they are only dE 3 apart for
// deuteranopes, so vermillion moved back and reddish purple, sky blue and grey moved up.
constexpr Color kFills[kPaletteSize] = {
    {0x00, 0x72, 0xb2},  // blue            5.2:1
    {0xc2, 0x7f, 0x00},  // orange          3.3:1 (Okabe-Ito #e69f00 is only 2.3:1)
    {0x00, 0x9e, 0x73},  // bluish green    3.4:1
    {0xc0, 0x6a, 0x9c},  // reddish purple  3.6:1
    {0x3a, 0x8f, 0xc4},  // sky blue        3.6:1 (Okabe-Ito #56b4e9 is only 2.3:1)
    {0x73, 0x73, 0x73},  // grey            4.7:1
    {0xd5, 0x5e, 0x00},  // vermillion      3.9:1
    {0x94, 0x86, 0x00},  // yellow -> olive 3.7:1 (Okabe-Ito #f0e442 is only 1.3:1)
};

// The same order as kFills.
constexpr Color kTexts[kPaletteSize] = {
    {0x00, 0x72, 0xb2},  // 5.2:1
    {0x9a, 0x67, 0x00},  // 4.9:1
    {0x00, 0x7a, 0x59},  // 5.4:1
    {0x9e, 0x4a, 0x80},  // 5.6:1
    {0x25, 0x6e, 0x99},  // 5.6:1
    {0x59, 0x59, 0x59},  // 7.0:1
    {0xb3, 0x4a, 0x00},  // 5.4:1
    {0x7a, 0x7a, 0x00},  // 4.6:1
};

double Linear(uint8_t channel) {
  double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

Color SeriesColor(size_t index) { return kFills[index % kPaletteSize]; }

Color SeriesTextColor(size_t index) { return kTexts[index % kPaletteSize]; }

double RelativeLuminance(Color c) {
  return 0.2126 * Linear(c.r) + 0.7152 * Linear(c.g) + 0.0722 * Linear(c.b);
}

double ContrastRatio(Color a, Color b) {
  double la = RelativeLuminance(a);
  double lb = RelativeLuminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

Color TextColorOn(Color fill) {
  return ContrastRatio(fill, ui::kBackground) >= ContrastRatio(fill, ui::kTitle) ? ui::kBackground
                                                                                  : ui::kTitle;
}

}  // namespace jv::charts
