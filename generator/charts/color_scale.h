#pragma once
// Colour scales for maps (tile map, choropleth): a value -> fill mapping, the legend steps that
// explain it and the text colour that stays readable on each fill.

#include <vector>

#include "charts/chart.h"
#include "charts/display_list.h"

namespace jv::charts {

/// Fill of areas without a value: a light grey that no ramp colour uses (the ramps are tinted),
/// drawn with a hatch and "–" so that it does not rely on colour alone.
constexpr Color kNoDataFill{242, 242, 242};    ///< #f2f2f2
constexpr Color kNoDataHatch{178, 178, 178};   ///< #b2b2b2, hatch lines and outline

/// Maps values to colours. Sequential: light (low) to dark (high) in blue, a hue every common
/// kind of colour blindness sees as a lightness ramp. Diverging: orange below the midpoint,
/// blue above it and a neutral near-white exactly at it. The darkest fills reach at least 3:1
/// against white (WCAG 1.4.11). Values outside the domain are clamped.
class ColorRamp {
 public:
  /// A ramp over [low, high]; `midpoint` matters only for kDiverging and must lie inside.
  ColorRamp(ColorScale kind, double low, double high, double midpoint);

  /// The ramp for spec.series[0]: sequential over nice ticks around the data; diverging
  /// symmetric around spec.scale_midpoint (in whole nice steps), so equal distances from the
  /// midpoint get equally strong colours. Needs at least one present value.
  static ColorRamp ForSpec(const ChartSpec& spec);

  Color operator()(double value) const;

  /// Ascending values for the legend, 3 to 7 of them. kSequential: the domain's ends and nice
  /// steps between them. kDiverging: the midpoint and whole steps from it that cover the data,
  /// at least one on each side (the domain itself is symmetric and may reach further).
  const std::vector<double>& steps() const { return steps_; }
  double low() const { return low_; }
  double high() const { return high_; }

 private:
  ColorScale kind_;
  double low_, high_, midpoint_;
  std::vector<double> steps_;
};

/// Black or white, whichever contrasts more with `fill`. One of them always reaches at least
/// 4.58:1 (the worst case is a fill of relative luminance 0.18), so text on any fill meets
/// WCAG 1.4.3 for normal text. Unlike palette.h's TextColorOn (white or #1a1a1a, enough for
/// the fixed series colours) this holds for every colour a continuous ramp can produce.
Color MapTextColor(Color fill);

}  // namespace jv::charts
