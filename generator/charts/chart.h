#pragma once
// What a chart shows, independent of how it is drawn. The site stage fills a ChartSpec from the
// data model (values already formatted); Layout() turns it into a DisplayList that every painter
// (SVG, PNG, PDF) draws the same way.

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace jv::charts {

enum class ChartKind {
  kBar,            ///< vertical bars; several series make grouped bars. Laid out as horizontal
                   ///< bars when the (non-numeric) category labels only fit under the bars by
                   ///< breaking words, e.g. on narrow canvases
  kHorizontalBar,  ///< horizontal bars; several series make grouped bars
  kLine,           ///< one line per series over the categories (usually years)
  kDonut,          ///< one series; one slice per category
  kTileMap,        ///< one series; one square tile per category at ChartSpec::tiles[i],
                   ///< coloured by value on ChartSpec::color_scale, with a legend
  kChoropleth,     ///< one series; one shape per category from ChartSpec::shapes[i]
  kSparkline,      ///< one series as a small line without axes or title (KPI tiles); the
                   ///< last point is marked; a target draws a thin reference line
};

enum class ColorScale {
  kSequential,  ///< light (low) to dark (high) in one hue
  kDiverging,   ///< two hues around ChartSpec::scale_midpoint
};

/// A grid position on a tile map (column, row from the top-left).
struct Tile {
  int col = 0;
  int row = 0;
};

/// One area's outline: rings of (longitude, latitude) points; the first ring is the outside,
/// further rings are holes or islands (drawn with the even-odd rule).
using Shape = std::vector<std::vector<std::pair<double, double>>>;

/// One data series. values[i] belongs to ChartSpec::categories[i]; nullopt is a gap.
struct Series {
  std::string label;                          ///< legend / direct label text
  std::vector<std::optional<double>> values;  ///< same length as categories
  std::vector<std::string> value_labels;      ///< formatted values ("98,8%"), "" for gaps
};

/// Everything a chart needs; no formatting or data lookup happens in the chart stage.
struct ChartSpec {
  std::string id;                       ///< unique on the site; prefixes every SVG element id
  ChartKind kind = ChartKind::kBar;
  std::string title;
  std::string subtitle;                 ///< may be empty
  std::string description;              ///< the alt text; becomes the SVG <desc>
  std::vector<std::string> categories;  ///< axis labels (years, areas, items) or slice labels
  std::vector<Series> series;           ///< a donut has exactly one
  std::optional<double> target;         ///< drawn as a dashed reference line (bar and line)
  std::string target_label;             ///< e.g. "Streefwaarde 30%"
  int highlight = -1;                   ///< donut: index of the slice to emphasise
  bool pie = false;                     ///< donut: draw a full pie (no hole, no centre value)
  bool stacked = false;                 ///< bar, hbar: stack the series instead of grouping
  bool percent_stacked = false;         ///< with stacked: every bar scaled to 100%
  /// A target band (low, high) drawn behind the marks of bar and line charts.
  std::optional<std::pair<double, double>> target_band;
  std::string target_band_label;        ///< e.g. "Norm 90–95%"
  std::vector<std::optional<Tile>> tiles;  ///< kTileMap: per category; nullopt = not on the map
  std::vector<Shape> shapes;               ///< kChoropleth: per category
  ColorScale color_scale = ColorScale::kSequential;
  std::optional<double> scale_midpoint;    ///< kDiverging: the value drawn neutral
  /// kTileMap, kChoropleth: the legend's key for areas without a value ("geen gegevens"); the
  /// chart stage has no translations. Empty: no key (missing areas still show "–").
  std::string missing_label;
  /// Formats an axis tick value, e.g. 30 -> "30%", 1500 -> "1.500". Required for bar and line.
  std::function<std::string(double)> format_tick;
};

}  // namespace jv::charts
