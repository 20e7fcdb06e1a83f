// What the tile map and the choropleth share: no-data drawing, fitting area names into a
// small box, and the colour legend.

#include <algorithm>
#include <cmath>

#include "charts/layout_map.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

constexpr double kSwatchHeight = 12;
constexpr double kKeyGap = 18;  // between the ramp and the no-data key

// `text` without its last UTF-8 character.
std::string DropLastChar(std::string text) {
  while (!text.empty()) {
    bool continuation = (static_cast<unsigned char>(text.back()) & 0xc0) == 0x80;
    text.pop_back();
    if (!continuation) break;
  }
  return text;
}

// The longest prefix of `text` that fits `width` with "." appended, e.g. "Nieuw-W.".
std::string Abbreviate(const LayoutBuilder& b, const std::string& text, TextStyle style,
                       double width) {
  std::string prefix = DropLastChar(text);
  while (!prefix.empty()) {
    while (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '-')) prefix.pop_back();
    if (!prefix.empty() && b.Width(prefix + ".", style) <= width) return prefix + ".";
    prefix = DropLastChar(prefix);
  }
  return "";
}

bool AnyMissing(const ChartSpec& spec) {
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    if (IsMissing(spec, i)) return true;
  }
  return false;
}

// The no-data key: a hatched swatch and spec.missing_label, its top at `top`.
double AddMissingKey(LayoutBuilder& b, double x, double top) {
  TextStyle style = b.LabelStyle();
  AddNoDataBox(b, {x, top, kSwatchHeight, kSwatchHeight});
  double baseline = b.CenteredBaseline(top + kSwatchHeight / 2, style);
  b.AddText(x + kSwatchHeight + 6, baseline, b.spec().missing_label, style, TextAnchor::kStart,
            ui::kText);
  return std::max(top + kSwatchHeight, baseline + b.LineHeight(style) - b.Ascent(style));
}

}  // namespace

bool IsMissing(const ChartSpec& spec, size_t i) { return !spec.series[0].values[i]; }

std::string MapValueLabel(const ChartSpec& spec, size_t i) {
  if (IsMissing(spec, i)) return "–";
  const std::vector<std::string>& labels = spec.series[0].value_labels;
  return i < labels.size() ? labels[i] : "";
}

void AddNoDataShape(LayoutBuilder& b, const Shape& rings) {
  Polygon outline;
  outline.rings = rings;
  outline.fill = kNoDataFill;
  outline.stroke = kNoDataHatch;
  outline.stroke_width = 1;
  b.list().items.emplace_back(std::move(outline));
  // Diagonal hatch lines x + y = c, the cue besides colour. Each is cut where it crosses an
  // edge; with the even-odd rule the pieces between alternate crossings are inside.
  constexpr double kSpacing = 6;
  double lo = 1e300, hi = -1e300;
  for (const auto& ring : rings) {
    for (const auto& [x, y] : ring) lo = std::min(lo, x + y), hi = std::max(hi, x + y);
  }
  for (double c = lo + kSpacing; c < hi - 1; c += kSpacing) {
    std::vector<double> xs;  // where the line crosses an edge
    for (const auto& r : rings) {
      for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        double si = r[i].first + r[i].second - c, sj = r[j].first + r[j].second - c;
        if ((si > 0) == (sj > 0)) continue;
        double t = si / (si - sj);
        xs.push_back(r[i].first + t * (r[j].first - r[i].first));
      }
    }
    std::sort(xs.begin(), xs.end());
    for (size_t k = 0; k + 1 < xs.size(); k += 2) {
      b.AddLine({{xs[k], c - xs[k]}, {xs[k + 1], c - xs[k + 1]}}, kNoDataHatch, 0.75);
    }
  }
}

void AddNoDataBox(LayoutBuilder& b, const Box& box) {
  AddNoDataShape(b, {{{box.x, box.y}, {box.right(), box.y}, {box.right(), box.bottom()},
                      {box.x, box.bottom()}}});
}

FittedLabel FitLabel(const LayoutBuilder& b, const std::string& text, double width,
                     double height, size_t max_lines) {
  std::vector<TextStyle> styles = {b.LabelStyle(), b.TickStyle()};
  for (TextStyle style : styles) {
    // Words stay whole: a word broken in the middle reads worse than an abbreviation.
    if (b.measurer().MinWrapWidth(text, style) > width) continue;
    std::vector<std::string> lines = b.measurer().Wrap(text, style, width);
    if (lines.size() <= max_lines && b.BlockHeight(lines.size(), style) <= height) {
      return {lines, style};
    }
  }
  TextStyle smallest = styles.back();
  if (b.LineHeight(smallest) > height) return {{}, smallest};
  std::string shortened = Abbreviate(b, text, smallest, width);
  if (shortened.empty()) return {{}, smallest};
  return {{shortened}, smallest};
}

double AddScaleLegend(LayoutBuilder& b, const ColorRamp& ramp, double top) {
  const ChartSpec& spec = b.spec();
  TextStyle style = b.TickStyle();
  double y = top;
  const std::string& heading = spec.series[0].label;
  if (!heading.empty()) {
    y = b.AddLines(b.left(), y, b.measurer().Wrap(heading, b.LabelStyle(), b.content_width()),
                   b.LabelStyle(), TextAnchor::kStart, ui::kText) + 6;
  }
  std::vector<std::string> labels;
  double widest = 0;
  for (double step : ramp.steps()) {
    labels.push_back(spec.format_tick(step));
    widest = std::max(widest, b.Width(labels.back(), style));
  }
  double n = static_cast<double>(labels.size());
  double swatch = std::min(std::ceil(std::max(36.0, widest + kCategoryGap)),
                           std::floor(b.content_width() / n));
  // When the labels are wider than the swatches, only every k-th step is labelled.
  size_t k = static_cast<size_t>(std::ceil((widest + kCategoryGap) / swatch));
  double bottom = y + kSwatchHeight;
  for (size_t i = 0; i < labels.size(); ++i) {
    double x = b.left() + swatch * static_cast<double>(i);
    b.AddRect(x, y, swatch, kSwatchHeight, ramp(ramp.steps()[i]));
    if (i % k != 0) continue;
    double half = b.Width(labels[i], style) / 2;
    double cx = std::clamp(x + swatch / 2, b.left() + half, b.right() - half);
    double baseline = y + kSwatchHeight + 4 + b.Ascent(style);
    b.AddText(cx, baseline, labels[i], style, TextAnchor::kMiddle, ui::kSubtleText);
    bottom = std::max(bottom, baseline - b.Ascent(style) + b.LineHeight(style));
  }
  if (spec.missing_label.empty() || !AnyMissing(spec)) return bottom;
  double key_x = b.left() + swatch * n + kKeyGap;
  double key_width = kSwatchHeight + 6 + b.Width(spec.missing_label, b.LabelStyle());
  if (key_x + key_width <= b.right()) return std::max(bottom, AddMissingKey(b, key_x, y));
  return AddMissingKey(b, b.left(), bottom + 8);
}

namespace {

std::string TileProblem(const ChartSpec& spec) {
  constexpr int kMaxGrid = 64;  // far beyond any city; guards against a typo like row 1000
  if (spec.tiles.size() != spec.categories.size()) {
    return "a tile map needs one tile (or none) per category, got " +
           std::to_string(spec.tiles.size()) + " for " + std::to_string(spec.categories.size());
  }
  std::vector<std::pair<int, int>> seen;
  for (size_t i = 0; i < spec.tiles.size(); ++i) {
    if (!spec.tiles[i]) continue;
    const Tile& t = *spec.tiles[i];
    std::string where = "the tile of '" + spec.categories[i] + "'";
    if (t.col < 0 || t.row < 0 || t.col >= kMaxGrid || t.row >= kMaxGrid) {
      return where + " is outside the grid (0 to " + std::to_string(kMaxGrid - 1) + ")";
    }
    if (std::find(seen.begin(), seen.end(), std::make_pair(t.col, t.row)) != seen.end()) {
      return where + " takes a position another category has";
    }
    seen.emplace_back(t.col, t.row);
  }
  if (seen.empty()) return "a tile map needs at least one category with a tile";
  return "";
}

std::string ShapeProblem(const ChartSpec& spec) {
  if (spec.shapes.size() != spec.categories.size()) {
    return "a choropleth needs one shape per category, got " + std::to_string(spec.shapes.size()) +
           " for " + std::to_string(spec.categories.size());
  }
  for (size_t i = 0; i < spec.shapes.size(); ++i) {
    std::string where = "the shape of '" + spec.categories[i] + "'";
    if (spec.shapes[i].empty()) return where + " has no rings";
    for (const auto& ring : spec.shapes[i]) {
      if (ring.size() < 3) return where + " has a ring of fewer than 3 points";
      for (const auto& [lon, lat] : ring) {
        if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180 ||
            std::abs(lat) > 85) {
          return where + " has a point that is not a longitude/latitude";
        }
      }
    }
  }
  return "";
}

}  // namespace

std::string MapOrSparklineProblem(const ChartSpec& spec) {
  bool map = spec.kind == ChartKind::kTileMap || spec.kind == ChartKind::kChoropleth;
  if (!map && spec.kind != ChartKind::kSparkline) return "";
  if (spec.series.size() != 1) return "a map or sparkline needs exactly one series";
  const auto& values = spec.series[0].values;
  if (std::none_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); })) {
    return "a map or sparkline needs at least one value";
  }
  if (!map) return "";
  if (!spec.format_tick) return "format_tick is required for the map legend";
  if (spec.color_scale == ColorScale::kDiverging &&
      (!spec.scale_midpoint || !std::isfinite(*spec.scale_midpoint))) {
    return "a diverging colour scale needs a finite scale_midpoint";
  }
  return spec.kind == ChartKind::kTileMap ? TileProblem(spec) : ShapeProblem(spec);
}

}  // namespace jv::charts
