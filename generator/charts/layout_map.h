#pragma once
// Internal to the chart stage: the map kinds (tile map, choropleth), their shared colour
// legend, and the sparkline. Declared here rather than in layout_builder.h so that the map
// code stays in its own files.

#include <string>
#include <vector>

#include "charts/color_scale.h"
#include "charts/layout_builder.h"

namespace jv::charts {

/// Space between map tiles and around the text inside a tile or area.
constexpr double kTileGap = 4;

/// True when spec.series[0] has no value for category `i`.
bool IsMissing(const ChartSpec& spec, size_t i);

/// The formatted value of category `i` (series.value_labels), "–" when it has no value.
std::string MapValueLabel(const ChartSpec& spec, size_t i);

/// An area in the no-data style: light grey, outlined and hatched (rings drawn even-odd).
void AddNoDataShape(LayoutBuilder& b, const Shape& rings);
/// A tile or legend key in the no-data style.
void AddNoDataBox(LayoutBuilder& b, const Box& box);

/// The legend of a map below `top`: the series label as a heading, one swatch per ramp step
/// with its value (spec.format_tick) centred under it, and, when some area has no value and
/// spec.missing_label is set, a no-data key. Returns the y below the legend.
double AddScaleLegend(LayoutBuilder& b, const ColorRamp& ramp, double top);

/// The lines of `text` that fit in a box of `width` x `height` (at most `max_lines` lines), in
/// the largest of the label and tick styles that works; when no wrap fits, the longest prefix
/// that fits with "." appended. Empty when not even one letter fits.
struct FittedLabel {
  std::vector<std::string> lines;
  TextStyle style;
};
FittedLabel FitLabel(const LayoutBuilder& b, const std::string& text, double width,
                     double height, size_t max_lines);

/// For kTileMap, kChoropleth and kSparkline: what is wrong with the kind's fields (one series,
/// a tile or shape per category, finite coordinates, a midpoint for a diverging scale), "" when
/// nothing is or the kind is another. Called by Layout()'s validation.
std::string MapOrSparklineProblem(const ChartSpec& spec);

// Each returns the bottom of its content; Layout() adds kPadding below it.
double LayoutTileMap(LayoutBuilder& b);
double LayoutChoropleth(LayoutBuilder& b);
/// A sparkline fills the whole canvas with its own small margin: it returns the canvas height
/// minus kPadding, so that Layout()'s usual bottom padding yields that height.
double LayoutSparkline(LayoutBuilder& b);

}  // namespace jv::charts
