// Donut charts: one slice per category, clockwise from 12 o'clock in category order, and a
// legend list beside the ring (or below it on narrow canvases) with each slice's label and
// value. The highlighted slice is pulled out of the ring, its legend entry is bold, and its
// value is repeated large in the centre when it fits. Shares are value / sum, so data whose
// shares add up to 99% or 101% is drawn as given, without errors.

#include <algorithm>
#include <cmath>

#include "charts/layout_builder.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

constexpr double kTwoPi = 6.283185307179586;
constexpr double kPullOut = 8;       // how far the highlighted slice moves outwards
constexpr double kSliceGap = 1.5;    // white gap between slices, at the outer edge
constexpr double kSwatch = 12, kSwatchGap = 8, kValueGap = 16, kRowGap = 8;

struct Ring {
  double cx = 0, cy = 0, outer = 0, inner = 0;
};

void AddSlices(LayoutBuilder& b, const Ring& ring) {
  const ChartSpec& spec = b.spec();
  const std::vector<std::optional<double>>& values = spec.series[0].values;
  double sum = 0;
  for (const std::optional<double>& v : values) sum += v.value_or(0);
  double start = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    double sweep = values[i].value_or(0) / sum * kTwoPi;
    double end = start + sweep;
    if (sweep > 0) {
      // Shrink both ends by half the gap; a lone full circle needs no gap.
      double pad = sweep < kTwoPi - 1e-9 ? std::min(sweep / 4, kSliceGap / 2 / ring.outer) : 0;
      Arc arc{ring.cx, ring.cy, ring.outer, ring.inner, start + pad, end - pad, SeriesColor(i)};
      if (static_cast<int>(i) == spec.highlight && sweep < kTwoPi - 1e-9) {
        double middle = (start + end) / 2;
        arc.cx += kPullOut * std::sin(middle);
        arc.cy -= kPullOut * std::cos(middle);
      }
      b.list().items.emplace_back(arc);
    }
    start = end;
  }
}

// The highlighted value, large and bold in the hole, when it fits there.
void AddCenterValue(LayoutBuilder& b, const Ring& ring) {
  const ChartSpec& spec = b.spec();
  if (spec.highlight < 0 || ring.inner <= 0) return;
  const std::vector<std::string>& labels = spec.series[0].value_labels;
  if (static_cast<size_t>(spec.highlight) >= labels.size()) return;
  const std::string& text = labels[spec.highlight];
  // Inside the square inscribed in the hole, so the text cannot touch the ring.
  double half = ring.inner / std::sqrt(2.0);
  for (double factor : {1.7, 1.4, 1.15}) {
    TextStyle style{std::round(b.LabelStyle().size * factor), true};
    double baseline = b.CenteredBaseline(ring.cy, style);
    Box box = b.TextBox(ring.cx, baseline, text, style, TextAnchor::kMiddle);
    if (box.x >= ring.cx - half && box.right() <= ring.cx + half && box.y >= ring.cy - half &&
        box.bottom() <= ring.cy + half) {
      b.AddText(ring.cx, baseline, text, style, TextAnchor::kMiddle,
                SeriesTextColor(spec.highlight));
      return;
    }
  }
}

struct Legend {
  double label_width = 0;  ///< wrap width of the labels
  double value_width = 0;  ///< widest value label
  double height = 0;
  std::vector<std::vector<std::string>> lines;  ///< wrapped label per slice
};

TextStyle EntryStyle(const LayoutBuilder& b, size_t i) {
  return {b.LabelStyle().size, static_cast<int>(i) == b.spec().highlight};
}

Legend MeasureLegend(const LayoutBuilder& b, double max_width) {
  const ChartSpec& spec = b.spec();
  const std::vector<std::string>& values = spec.series[0].value_labels;
  Legend legend;
  double natural = 0;
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    if (i < values.size()) {
      legend.value_width = std::max(legend.value_width, b.Width(values[i], EntryStyle(b, i)));
    }
    natural = std::max(natural, b.Width(spec.categories[i], EntryStyle(b, i)));
  }
  double room = max_width - kSwatch - kSwatchGap - (legend.value_width > 0 ? kValueGap : 0) -
                legend.value_width;
  legend.label_width = std::max(20.0, std::min(natural, room));
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    TextStyle style = EntryStyle(b, i);
    legend.lines.push_back(b.measurer().Wrap(spec.categories[i], style, legend.label_width));
    legend.height += std::max(kSwatch, b.BlockHeight(legend.lines.back().size(), style));
    if (i > 0) legend.height += kRowGap;
  }
  return legend;
}

// Swatch, label and right-aligned value per slice, in slice order; returns the bottom.
double AddLegend(LayoutBuilder& b, const Legend& legend, double x, double top) {
  const ChartSpec& spec = b.spec();
  const std::vector<std::string>& values = spec.series[0].value_labels;
  double value_right = x + kSwatch + kSwatchGap + legend.label_width + kValueGap + legend.value_width;
  double y = top;
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    TextStyle style = EntryStyle(b, i);
    double first_center = y + b.Ascent(style) - b.CenteredBaseline(0, style);
    b.AddRect(x, first_center - kSwatch / 2, kSwatch, kSwatch, SeriesColor(i));
    double bottom = b.AddLines(x + kSwatch + kSwatchGap, y, legend.lines[i], style,
                               TextAnchor::kStart, ui::kText);
    if (i < values.size()) {
      b.AddText(value_right, y + b.Ascent(style), values[i], style, TextAnchor::kEnd, ui::kText);
    }
    y = std::max(bottom, y + kSwatch) + kRowGap;
  }
  return y - kRowGap;
}

}  // namespace

double LayoutDonutChart(LayoutBuilder& b) {
  double top = b.AddHeader();
  double width = b.content_width();
  double diameter = std::clamp(std::round(width * 0.4), 120.0, 240.0);
  double box = diameter + 2 * kPullOut;  // room for the pulled-out slice
  double side_room = width - box - 24;
  bool beside = side_room >= 200;
  Legend legend = MeasureLegend(b, beside ? side_room : width);

  Ring ring;
  ring.outer = diameter / 2;
  ring.inner = b.spec().pie ? 0 : ring.outer * 0.6;  // a pie has no hole and no value in it
  ring.cx = beside ? b.left() + box / 2 : b.left() + width / 2;
  double ring_top = top;
  double legend_top = beside ? top + std::max(0.0, (box - legend.height) / 2) : top + box + 16;
  if (beside && legend.height > box) ring_top = top + (legend.height - box) / 2;
  ring.cy = ring_top + box / 2;
  AddSlices(b, ring);
  AddCenterValue(b, ring);
  double legend_x = beside ? b.left() + box + 24 : b.left();
  double legend_bottom = AddLegend(b, legend, legend_x, legend_top);
  return std::max(ring_top + box, legend_bottom);
}

}  // namespace jv::charts
