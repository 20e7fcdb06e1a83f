// Horizontal bars (one series) and grouped horizontal bars: category labels in a column left
// of the bars (wrapped to a maximum width, never cut), value labels at the bar ends, a zero line,
// and an optional dashed target line with its label above the bars. With value labels there is
// no value axis (it would repeat the labels); without them a value axis runs along the bottom.

#include <algorithm>
#include <cmath>
#include <optional>

#include "charts/layout_builder.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

struct Row {
  std::vector<std::string> lines;
  double top = 0, height = 0;
};

struct HBarPlot {
  double left = 0, right = 0, top = 0, bottom = 0;
  double thickness = 0;  ///< of one bar
  double gap = 0;        ///< between the bars of one category
  TextStyle value_style;
  bool value_labels = false;
};

bool HasValueLabels(const ChartSpec& spec) {
  return std::any_of(spec.series.begin(), spec.series.end(), [](const Series& s) {
    return std::any_of(s.value_labels.begin(), s.value_labels.end(),
                       [](const std::string& l) { return !l.empty(); });
  });
}

// Wraps category labels into a column of at most 30% of the width and stacks the rows.
std::vector<Row> MakeRows(const LayoutBuilder& b, const HBarPlot& plot, double column) {
  const ChartSpec& spec = b.spec();
  double k = static_cast<double>(spec.series.size());
  double group = k * plot.thickness + (k - 1) * plot.gap;
  double row_gap = spec.series.size() == 1 ? 8 : 14;
  std::vector<Row> rows;
  double top = plot.top;
  for (const std::string& category : spec.categories) {
    Row row;
    row.lines = b.measurer().Wrap(category, b.LabelStyle(), column);
    row.top = top;
    row.height = std::max(group, b.BlockHeight(row.lines.size(), b.LabelStyle()));
    top += row.height + row_gap;
    rows.push_back(std::move(row));
  }
  return rows;
}

// A scale that leaves room for every value label beside its bar end: positive labels right of
// the bar, negative ones left of it, all inside [plot.left, plot.right]. nullopt when the labels
// would leave the bars less than 40% of the plot (then an axis is the better choice).
std::optional<LinearScale> LabelAwareScale(const LayoutBuilder& b, const HBarPlot& plot) {
  const ChartSpec& spec = b.spec();
  auto [lo, hi] = ValueRange(spec);
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  double room_right = 0, room_left = 0;
  for (const Series& series : spec.series) {
    for (size_t i = 0; i < series.values.size() && i < series.value_labels.size(); ++i) {
      if (!series.values[i] || series.value_labels[i].empty()) continue;
      double room = b.Width(series.value_labels[i], plot.value_style) + kLabelGap;
      double& side = *series.values[i] < 0 ? room_left : room_right;
      side = std::max(side, room);
    }
  }
  double bars = plot.right - plot.left - room_left - room_right;
  if (bars < 0.4 * (plot.right - plot.left)) return std::nullopt;
  double span = hi - lo;
  double factor = span > 0 ? bars / span : 0;
  double zero = plot.left + room_left - lo * factor;
  // Expressed as a LinearScale from [0, 1]: value v maps to zero + v * factor.
  return LinearScale(0, 1, zero, zero + factor);
}

void AddBarsAndLabels(LayoutBuilder& b, const std::vector<Row>& rows, const LinearScale& x,
                      const HBarPlot& plot) {
  const ChartSpec& spec = b.spec();
  double k = static_cast<double>(spec.series.size());
  double group = k * plot.thickness + (k - 1) * plot.gap;
  double zero = x(0);
  std::vector<Text> labels;
  for (size_t i = 0; i < rows.size(); ++i) {
    double group_top = rows[i].top + (rows[i].height - group) / 2;
    for (size_t s = 0; s < spec.series.size(); ++s) {
      const Series& series = spec.series[s];
      if (!series.values[i]) continue;
      double v = *series.values[i];
      double top = group_top + static_cast<double>(s) * (plot.thickness + plot.gap);
      double end = x(v);
      if (end != zero) {
        b.AddRect(std::min(zero, end), top, std::abs(end - zero), plot.thickness, SeriesColor(s));
      }
      if (!plot.value_labels || i >= series.value_labels.size()) continue;
      Text t;
      t.x = v < 0 ? end - kLabelGap : end + kLabelGap;
      t.y = b.CenteredBaseline(top + plot.thickness / 2, plot.value_style);
      t.text = series.value_labels[i];
      t.anchor = v < 0 ? TextAnchor::kEnd : TextAnchor::kStart;
      labels.push_back(std::move(t));
    }
  }
  b.AddLine({{zero, plot.top}, {zero, plot.bottom}}, ui::kBaseline, 1);
  if (spec.target) {
    // From just under the target label down through all rows; labels then go on top.
    b.AddLine({{x(*spec.target), plot.top - 4}, {x(*spec.target), plot.bottom}}, ui::kTarget, 1.5,
              true);
  }
  for (const Text& t : labels) {
    Box box = b.TextBox(t.x, t.y, t.text, plot.value_style, t.anchor);
    if (spec.target && box.x < x(*spec.target) && x(*spec.target) < box.right()) {
      b.AddKnockout(box);
    }
    b.AddText(t.x, t.y, t.text, plot.value_style, t.anchor, ui::kText);
  }
}

// A value axis along the bottom whose tick labels fit side by side: fewer ticks until they do.
ValueAxis FitBottomAxis(const LayoutBuilder& b, const HBarPlot& plot) {
  auto [lo, hi] = ValueRange(b.spec());
  double width = plot.right - plot.left;
  ValueAxis axis;
  for (int desired = std::max(2, static_cast<int>(width / 100)); desired >= 1; --desired) {
    axis = b.MakeValueAxis(std::min(lo, 0.0), std::max(hi, 0.0), desired);
    double spacing = width / static_cast<double>(axis.ticks.size() - 1);
    if (axis.label_width + 2 * kCategoryGap <= spacing) break;
  }
  return axis;
}

// Vertical grid lines and tick labels under the bars; a label that would touch its left
// neighbour or leave the canvas is left out (the grid line stays). Returns the bottom.
double AddBottomAxis(LayoutBuilder& b, const ValueAxis& axis, const LinearScale& x,
                     const HBarPlot& plot) {
  TextStyle style = b.TickStyle();
  double baseline = plot.bottom + 6 + b.Ascent(style);
  double free_from = 0;  // x where the next label may start
  for (size_t i = 0; i < axis.ticks.size(); ++i) {
    double xx = x(axis.ticks[i]);
    b.AddLine({{xx, plot.top}, {xx, plot.bottom}}, ui::kGrid, 1);
    Box box = b.TextBox(xx, baseline, axis.labels[i], style, TextAnchor::kMiddle);
    if (box.x < std::max(free_from, 0.0) || box.right() > b.list().width || b.Collides(box)) {
      continue;
    }
    b.AddText(xx, baseline, axis.labels[i], style, TextAnchor::kMiddle, ui::kSubtleText);
    free_from = box.right() + kCategoryGap;
  }
  return plot.bottom + 6 + b.LineHeight(style);
}

// The target label, wrapped to the width, in the rows reserved above the bars: flag-like
// beside the top of the line, on the side with room.
double AddTargetLabel(LayoutBuilder& b, const LinearScale& x, double top) {
  const ChartSpec& spec = b.spec();
  double xt = x(*spec.target);
  TextStyle style = b.LabelStyle();
  std::vector<std::string> lines = b.measurer().Wrap(spec.target_label, style, b.content_width());
  double width = 0;
  for (const std::string& line : lines) width = std::max(width, b.Width(line, style));
  if (xt + width <= b.right()) return b.AddLines(xt, top, lines, style, TextAnchor::kStart, ui::kText);
  if (xt - width >= b.left()) return b.AddLines(xt, top, lines, style, TextAnchor::kEnd, ui::kText);
  return b.AddLines(b.right() - width, top, lines, style, TextAnchor::kStart, ui::kText);
}

}  // namespace

double LayoutHorizontalBarChart(LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  if (spec.stacked) return LayoutStackedRows(b);
  double y = b.AddHeader();
  if (spec.series.size() > 1) y = b.AddLegend(y);
  y = b.AddReferenceKey(y, false);
  TextStyle label = b.LabelStyle();
  double column = b.CategoryLabelColumnWidth();
  HBarPlot plot;
  plot.left = b.left() + column + 10;
  plot.right = b.right();
  plot.thickness = std::round(label.size * (spec.series.size() == 1 ? 1.7 : 1.25));
  plot.gap = spec.series.size() == 1 ? 0 : 2;
  plot.value_style = label;
  // Value labels of neighbouring bars must not touch: shrink them to the bar pitch.
  while (b.LineHeight(plot.value_style) > plot.thickness + plot.gap && plot.value_style.size > 8) {
    plot.value_style.size -= 1;
  }
  plot.value_labels = HasValueLabels(spec);
  std::vector<std::string> target_lines;
  if (spec.target) target_lines = b.measurer().Wrap(spec.target_label, label, b.content_width());
  double label_top = y;
  plot.top = y + (target_lines.empty() ? 0 : b.BlockHeight(target_lines.size(), label) + 8);

  std::vector<Row> rows = MakeRows(b, plot, column);
  plot.bottom = rows.back().top + rows.back().height;
  for (const Row& row : rows) {
    double block = b.BlockHeight(row.lines.size(), label);
    b.AddLines(plot.left - 10, row.top + (row.height - block) / 2, row.lines, label,
               TextAnchor::kEnd, ui::kText);
  }
  std::optional<LinearScale> x;
  if (plot.value_labels) x = LabelAwareScale(b, plot);
  plot.value_labels = x.has_value();
  double bottom = plot.bottom;
  std::optional<ValueAxis> axis;
  if (!x) {
    axis = FitBottomAxis(b, plot);
    // The last tick label is centred on its line: keep it inside the content area.
    double last_half = b.Width(axis->labels.back(), b.TickStyle()) / 2;
    x = LinearScale(axis->min(), axis->max(), plot.left, plot.right - last_half);
  }
  if (spec.target_band) {
    // Behind the grid and the bars; its label is in the key above the plot.
    double band_left = (*x)(spec.target_band->first);
    b.AddRect(band_left, plot.top, (*x)(spec.target_band->second) - band_left,
              plot.bottom - plot.top, ui::kBand);
  }
  if (axis) bottom = AddBottomAxis(b, *axis, *x, plot);
  AddBarsAndLabels(b, rows, *x, plot);
  if (!target_lines.empty()) AddTargetLabel(b, *x, label_top);
  return bottom;
}

}  // namespace jv::charts
