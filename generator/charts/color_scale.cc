#include "charts/color_scale.h"

#include <algorithm>
#include <cmath>

#include "charts/palette.h"
#include "charts/scale.h"

namespace jv::charts {
namespace {

// ColorBrewer "Blues" without its two lightest classes, which barely differ from the white
// page; #08306b reaches 12.6:1 against white.
constexpr Color kSequential[] = {
    {0xde, 0xeb, 0xf7}, {0xc6, 0xdb, 0xef}, {0x9e, 0xca, 0xe1}, {0x6b, 0xae, 0xd6},
    {0x42, 0x92, 0xc6}, {0x21, 0x71, 0xb5}, {0x08, 0x51, 0x9c}, {0x08, 0x30, 0x6b},
};

// ColorBrewer "PuOr" orange arm, a neutral light grey-white, then the "RdBu" blue arm: orange
// and blue stay apart for protan, deutan and tritan vision. The darkest orange #b35806 reaches
// 4.8:1 against white, the darkest blue #2166ac 6.0:1.
constexpr Color kDiverging[] = {
    {0xb3, 0x58, 0x06}, {0xe0, 0x82, 0x14}, {0xfd, 0xb8, 0x63}, {0xfe, 0xe0, 0xb6},
    {0xf7, 0xf7, 0xf7},  // the midpoint
    {0xd1, 0xe5, 0xf0}, {0x92, 0xc5, 0xde}, {0x43, 0x93, 0xc3}, {0x21, 0x66, 0xac},
};

// Piecewise-linear interpolation through `stops` at t in [0, 1]. The stops are already spaced
// evenly in perceived lightness, so interpolating between neighbours in sRGB keeps that.
template <size_t N>
Color Interpolate(const Color (&stops)[N], double t) {
  double pos = std::clamp(t, 0.0, 1.0) * static_cast<double>(N - 1);
  size_t i = std::min(static_cast<size_t>(pos), N - 2);
  double f = pos - static_cast<double>(i);
  auto mix = [f](uint8_t a, uint8_t b) {
    return static_cast<uint8_t>(std::lround(a + (static_cast<double>(b) - a) * f));
  };
  const Color& a = stops[i];
  const Color& b = stops[i + 1];
  return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

std::pair<double, double> PresentRange(const Series& series) {
  bool any = false;
  double lo = 0, hi = 0;
  for (const std::optional<double>& v : series.values) {
    if (!v) continue;
    lo = any ? std::min(lo, *v) : *v;
    hi = any ? std::max(hi, *v) : *v;
    any = true;
  }
  return {lo, hi};
}

}  // namespace

ColorRamp::ColorRamp(ColorScale kind, double low, double high, double midpoint)
    : kind_(kind), low_(low), high_(high), midpoint_(midpoint) {}

ColorRamp ColorRamp::ForSpec(const ChartSpec& spec) {
  auto [lo, hi] = PresentRange(spec.series[0]);
  if (spec.color_scale == ColorScale::kDiverging && spec.scale_midpoint) {
    double mid = *spec.scale_midpoint;
    double deviation = std::max(std::abs(hi - mid), std::abs(lo - mid));
    // A nice step with at most three steps on either side, so every legend step stays distinct.
    std::vector<double> ticks = NiceTicks(0, deviation, 2);
    double step = ticks.size() > 1 ? ticks[1] : 1;
    int k = std::clamp(static_cast<int>(std::ceil(deviation / step - 1e-9)), 1, 3);
    if (k * step < deviation) step = deviation / k;  // clamping must not cut off data
    ColorRamp ramp(ColorScale::kDiverging, mid - k * step, mid + k * step, mid);
    // The legend covers the data, not the whole symmetric domain (no "103%" when nothing is
    // above 92%), but keeps one step on each side so that both hues are explained.
    auto side = [&](double d) {
      return std::clamp(static_cast<int>(std::ceil(d / step - 1e-9)), 1, k);
    };
    for (int i = -side(mid - lo); i <= side(hi - mid); ++i) ramp.steps_.push_back(mid + i * step);
    return ramp;
  }
  std::vector<double> ticks = NiceTicks(lo, hi, 4);
  ColorRamp ramp(ColorScale::kSequential, ticks.front(), ticks.back(), ticks.front());
  ramp.steps_ = ticks;
  return ramp;
}

Color ColorRamp::operator()(double value) const {
  if (kind_ == ColorScale::kSequential) {
    double span = high_ - low_;
    return Interpolate(kSequential, span > 0 ? (value - low_) / span : 0.5);
  }
  // Each arm has its own slope, so the midpoint is neutral even when the domain is lopsided.
  double t = value < midpoint_
                 ? 0.5 - 0.5 * (midpoint_ - value) / std::max(midpoint_ - low_, 1e-12)
                 : 0.5 + 0.5 * (value - midpoint_) / std::max(high_ - midpoint_, 1e-12);
  return Interpolate(kDiverging, t);
}

Color MapTextColor(Color fill) {
  constexpr Color kBlack{0, 0, 0}, kWhite{255, 255, 255};
  return ContrastRatio(fill, kWhite) >= ContrastRatio(fill, kBlack) ? kWhite : kBlack;
}

}  // namespace jv::charts
