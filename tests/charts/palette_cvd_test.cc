// Colour-vision checks of the series palette. Deuteranopia and protanopia (together about 6% of
// men) are simulated with the matrices of Machado, Oliveira & Fernandes (2009) at severity 1.0,
// applied in linear RGB; colours are compared as CIE76 dE in CIELAB (D65).
//
// Thresholds: dE 2.3 is a just-noticeable difference for large patches; chart marks are small
// and read side by side with a legend swatch, so pairs need a clear margin. The first four
// colours (most charts) must stay dE >= 15 apart, the first six dE >= 10, for normal vision
// and both simulations. Beyond six series colour alone is not relied on: charts also carry
// labels, legend order and segment order.

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include "charts/palette.h"

namespace jv::charts {
namespace {

using Matrix = std::array<std::array<double, 3>, 3>;
using Vec3 = std::array<double, 3>;

constexpr Matrix kNormal = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
constexpr Matrix kProtanopia = {{{0.152286, 1.052583, -0.204868},
                                 {0.114503, 0.786281, 0.099216},
                                 {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia = {{{0.367322, 0.860646, -0.227968},
                                   {0.280085, 0.672501, 0.047413},
                                   {-0.011820, 0.042940, 0.968881}}};

double ToLinear(uint8_t channel) {
  double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// Simulated linear RGB, clamped to the displayable range.
Vec3 Simulate(Color c, const Matrix& m) {
  Vec3 in = {ToLinear(c.r), ToLinear(c.g), ToLinear(c.b)}, out{};
  for (size_t i = 0; i < 3; ++i) {
    double v = m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2];
    out[i] = std::fmin(1.0, std::fmax(0.0, v));
  }
  return out;
}

// Linear sRGB -> XYZ (D65) -> CIELAB.
Vec3 ToLab(const Vec3& rgb) {
  double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  auto f = [](double t) {
    return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  };
  double fx = f(x / 0.95047), fy = f(y / 1.0), fz = f(z / 1.08883);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double DeltaE76(Color a, Color b, const Matrix& m) {
  Vec3 la = ToLab(Simulate(a, m)), lb = ToLab(Simulate(b, m));
  return std::sqrt(std::pow(la[0] - lb[0], 2) + std::pow(la[1] - lb[1], 2) +
                   std::pow(la[2] - lb[2], 2));
}

// The smallest dE between any two of the first `n` series colours under `m`.
double MinimumDistance(size_t n, const Matrix& m) {
  double least = 1e9;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      least = std::fmin(least, DeltaE76(SeriesColor(i), SeriesColor(j), m));
    }
  }
  return least;
}

TEST_CASE("The first series colours stay apart for deuteranopia and protanopia", "[charts]") {
  struct Vision {
    const char* name;
    const Matrix* matrix;
  };
  for (Vision v : {Vision{"normal", &kNormal}, Vision{"deuteranopia", &kDeuteranopia},
                   Vision{"protanopia", &kProtanopia}}) {
    INFO(v.name);
    CHECK(MinimumDistance(4, *v.matrix) >= 15);
    CHECK(MinimumDistance(6, *v.matrix) >= 10);
  }
}

TEST_CASE("The simulation and dE agree with known values", "[charts]") {
  // Guards the helpers: white stays white, black-white is dE 100, and red and green, the
  // classic confusion pair, come much closer for deuteranopes than for normal vision.
  CHECK(DeltaE76({255, 255, 255}, {0, 0, 0}, kNormal) == Approx(100).margin(0.1));
  CHECK(DeltaE76({255, 255, 255}, {255, 255, 255}, kDeuteranopia) == Approx(0).margin(0.5));
  Color red{0xd0, 0x30, 0x30}, green{0x30, 0x90, 0x30};
  CHECK(DeltaE76(red, green, kDeuteranopia) < DeltaE76(red, green, kNormal) / 2);
}

TEST_CASE("Marks reach 3 to 1 and text 4.5 to 1 on white and labels on fills", "[charts]") {
  for (size_t i = 0; i < kPaletteSize; ++i) {
    INFO("series " << i);
    CHECK(ContrastRatio(SeriesColor(i), ui::kBackground) >= 3.0);
    CHECK(ContrastRatio(SeriesTextColor(i), ui::kBackground) >= 4.5);
    // Segment labels inside stacked bars use TextColorOn.
    CHECK(ContrastRatio(TextColorOn(SeriesColor(i)), SeriesColor(i)) >= 4.5);
  }
  for (Color text : {ui::kTitle, ui::kText, ui::kSubtleText}) {
    CHECK(ContrastRatio(text, ui::kBackground) >= 4.5);
    CHECK(ContrastRatio(text, ui::kBand) >= 4.5);  // labels may sit on the target band
  }
}

}  // namespace
}  // namespace jv::charts
