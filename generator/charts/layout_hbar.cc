// Horizontal bars (one series) and grouped horizontal bars: category labels in a column left
// of the bars (wrapped to a maximum width, never cut), value labels at the bar ends, a zero line,
// and an optional dashed target line with its label above the bars. With value labels there is
// no value axis (it would repeat the labels); without them a value axis runs along the bottom.

#include <algorithm>
#include <cmath>

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
// the bar, negative ones left of it, all inside [plot.left, plot.right].
LinearScale LabelAwareScale(const LayoutBuilder& b, const HBarPlot& plot) {
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
  double zero = plot.left + room_left;
  double span = hi - lo;
  double factor = span > 0 ? (plot.right - plot.left - room_left - room_right) / span : 0;
  zero += -lo * factor;
  // Expressed as a LinearScale from [0, 1] so that callers need not know the construction.
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

// Without value labels: vertical grid lines and tick labels under the bars; returns the bottom.
double AddBottomAxis(LayoutBuilder& b, const ValueAxis& axis, const LinearScale& x,
                     const HBarPlot& plot) {
  TextStyle style = b.TickStyle();
  double baseline = plot.bottom + 6 + b.Ascent(style);
  for (size_t i = 0; i < axis.ticks.size(); ++i) {
    double xx = x(axis.ticks[i]);
    b.AddLine({{xx, plot.top}, {xx, plot.bottom}}, ui::kGrid, 1);
    b.AddText(xx, baseline, axis.labels[i], style, TextAnchor::kMiddle, ui::kSubtleText);
  }
  return plot.bottom + 6 + b.LineHeight(style);
}

// The target line's label, in the row reserved above the bars.
void AddTargetLabel(LayoutBuilder& b, const LinearScale& x, double label_top) {
  const ChartSpec& spec = b.spec();
  double xt = x(*spec.target);
  TextStyle style = b.LabelStyle();
  double baseline = label_top + b.Ascent(style);
  double width = b.Width(spec.target_label, style);
  // Flag-like beside the line's top, on the side with room.
  TextAnchor anchor = xt + width <= b.right() ? TextAnchor::kStart : TextAnchor::kEnd;
  double ax = xt;
  if (anchor == TextAnchor::kEnd && xt - width < b.left()) {
    anchor = TextAnchor::kStart;
    ax = b.left();
  }
  b.AddText(ax, baseline, spec.target_label, style, anchor, ui::kText);
}

}  // namespace

double LayoutHorizontalBarChart(LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  double y = b.AddHeader();
  if (spec.series.size() > 1) y = b.AddLegend(y);
  TextStyle label = b.LabelStyle();

  double natural = 0;
  for (const std::string& c : spec.categories) natural = std::max(natural, b.Width(c, label));
  double column = std::min(natural, std::max(80.0, std::round(b.content_width() * 0.3)));
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
  bool target_label = spec.target && !spec.target_label.empty();
  double label_top = y;
  plot.top = y + (target_label ? b.LineHeight(label) + 8 : 0);

  std::vector<Row> rows = MakeRows(b, plot, column);
  plot.bottom = rows.back().top + rows.back().height;
  for (const Row& row : rows) {
    double block = b.BlockHeight(row.lines.size(), label);
    b.AddLines(plot.left - 10, row.top + (row.height - block) / 2, row.lines, label,
               TextAnchor::kEnd, ui::kText);
  }
  double bottom = plot.bottom;
  if (plot.value_labels) {
    LinearScale x = LabelAwareScale(b, plot);
    AddBarsAndLabels(b, rows, x, plot);
    if (spec.target) AddTargetLabel(b, x, label_top);
  } else {
    auto [lo, hi] = ValueRange(spec);
    int desired = std::max(2, static_cast<int>((plot.right - plot.left) / 100));
    ValueAxis axis = b.MakeValueAxis(std::min(lo, 0.0), std::max(hi, 0.0), desired);
    double last_half = b.Width(axis.labels.back(), b.TickStyle()) / 2;
    LinearScale x(axis.min(), axis.max(), plot.left, plot.right - last_half);
    bottom = AddBottomAxis(b, axis, x, plot);
    AddBarsAndLabels(b, rows, x, plot);
    if (spec.target) AddTargetLabel(b, x, label_top);
  }
  return bottom;
}

}  // namespace jv::charts
