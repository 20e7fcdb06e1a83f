// Line charts: one line per series over the categories (usually years), a value axis with grid,
// gaps (missing values) left open, direct labels at the end of each line instead of a legend,
// and an optional dashed target line whose label sits with the end labels.

#include <algorithm>
#include <cmath>

#include "charts/layout_builder.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

constexpr double kLineWidth = 2.5;
constexpr double kMarkerRadius = 3.5;
constexpr size_t kMaxMarkedPoints = 24;  // beyond this, markers only where a line cannot show

// Index of the last present value, or -1.
int LastValue(const Series& series) {
  for (size_t i = series.values.size(); i-- > 0;) {
    if (series.values[i]) return static_cast<int>(i);
  }
  return -1;
}

// A label block at the right of the plot and the value it belongs next to.
struct EndLabel {
  TextBlock block;
  double value = 0;
};

// Per series its last value (bold) and, when there are several series, its name; then the
// target label. Lines are wrapped to `preferred` width, wider when a word needs it, but never
// wider than `max_width`. Blocks are measured; their positions are set once the scale is known.
std::vector<EndLabel> EndLabels(const LayoutBuilder& b, double preferred, double max_width) {
  const ChartSpec& spec = b.spec();
  TextStyle regular = b.LabelStyle();
  TextStyle bold{regular.size, true};
  auto add_lines = [&](TextBlock* block, const std::string& text, TextStyle style, Color color) {
    double width = std::min(
        max_width, std::max(preferred, b.measurer().MinWrapWidth(text, style)));
    for (const std::string& line : b.measurer().Wrap(text, style, width)) {
      block->lines.push_back({line, style, color});
    }
  };
  std::vector<EndLabel> labels;
  for (size_t s = 0; s < spec.series.size(); ++s) {
    const Series& series = spec.series[s];
    int last = LastValue(series);
    if (last < 0) continue;
    EndLabel label;
    label.value = *series.values[last];
    if (static_cast<size_t>(last) < series.value_labels.size()) {
      add_lines(&label.block, series.value_labels[last], bold, SeriesTextColor(s));
    }
    if (spec.series.size() > 1) add_lines(&label.block, series.label, regular, SeriesTextColor(s));
    if (!label.block.lines.empty()) labels.push_back(std::move(label));
  }
  if (spec.target && !spec.target_label.empty()) {
    EndLabel label;
    label.value = *spec.target;
    add_lines(&label.block, spec.target_label, regular, ui::kText);
    labels.push_back(std::move(label));
  }
  for (EndLabel& label : labels) b.MeasureBlock(&label.block);
  return labels;
}

// Each run of consecutive present values becomes its own polyline, so a gap stays open.
void AddSeriesLines(LayoutBuilder& b, const std::vector<double>& xs, const LinearScale& y) {
  const ChartSpec& spec = b.spec();
  bool mark_all = xs.size() <= kMaxMarkedPoints;
  for (size_t s = 0; s < spec.series.size(); ++s) {
    const Series& series = spec.series[s];
    std::vector<std::pair<double, double>> run;
    std::vector<Circle> markers;
    int last = LastValue(series);
    for (size_t i = 0; i <= xs.size(); ++i) {
      bool present = i < xs.size() && series.values[i].has_value();
      if (present) run.emplace_back(xs[i], y(*series.values[i]));
      if (present && (mark_all || static_cast<int>(i) == last)) {
        markers.push_back({xs[i], y(*series.values[i]), kMarkerRadius, SeriesColor(s)});
      }
      if (present) continue;
      if (run.size() >= 2) b.AddLine(run, SeriesColor(s), kLineWidth);
      // A single point between gaps is invisible without a marker.
      if (run.size() == 1 && !mark_all) {
        markers.push_back({run[0].first, run[0].second, kMarkerRadius, SeriesColor(s)});
      }
      run.clear();
    }
    for (const Circle& c : markers) b.list().items.emplace_back(c);
  }
}

}  // namespace

double LayoutLineChart(LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  size_t n = spec.categories.size();
  double y = b.AddReferenceKey(b.AddHeader(), false);

  auto [lo, hi] = ValueRange(spec);
  // Start at zero when that costs little resolution; otherwise span the data, since a line's
  // slope, not its length, carries the message.
  if (lo >= 0 && lo <= hi * 0.5) lo = 0;
  if (hi <= 0 && hi >= lo * 0.5) hi = 0;
  ValueAxis axis = b.MakeValueAxis(lo, hi, 5);

  double plot_left = b.left() + axis.label_width + kTickGap;
  // The end labels may take what the plot does not need: the plot keeps 45% of the width.
  double gutter_max =
      std::max(24.0, b.right() - plot_left - kTickGap - 2 - 0.45 * b.content_width());
  std::vector<EndLabel> end_labels =
      EndLabels(b, std::min(gutter_max, std::round(b.content_width() * 0.3)), gutter_max);
  double gutter = 0;
  for (const EndLabel& label : end_labels) gutter = std::max(gutter, label.block.width);
  double plot_right = b.right() - (gutter > 0 ? gutter + kTickGap + 2 : 0);
  double tick_half = b.LineHeight(b.TickStyle()) / 2;
  double plot_top = std::ceil(y + tick_half);
  double plot_bottom =
      plot_top + PlotHeight(b.list().width, axis.ticks.size() - 1, 2 * tick_half + 4);
  LinearScale ys(axis.min(), axis.max(), plot_bottom, plot_top);

  if (spec.target_band) {
    // Behind the grid and the lines; its label is in the key above the plot.
    double band_top = ys(spec.target_band->second);
    b.AddRect(plot_left, band_top, plot_right - plot_left, ys(spec.target_band->first) - band_top,
              ui::kBand);
  }
  b.AddValueGrid(axis, ys, plot_left, plot_right);
  if (axis.min() < 0 && axis.max() > 0) {
    b.AddLine({{plot_left, ys(0)}, {plot_right, ys(0)}}, ui::kBaseline, 1);
  }
  if (spec.target) {
    b.AddLine({{plot_left, ys(*spec.target)}, {plot_right, ys(*spec.target)}}, ui::kTarget, 1.5,
              true);
  }
  std::vector<double> xs;
  double spacing = n > 1 ? (plot_right - plot_left) / static_cast<double>(n - 1)
                         : plot_right - plot_left;
  for (size_t i = 0; i < n; ++i) {
    xs.push_back(n > 1 ? plot_left + spacing * static_cast<double>(i)
                       : (plot_left + plot_right) / 2);
  }
  AddSeriesLines(b, xs, ys);

  std::vector<TextBlock*> blocks;
  for (EndLabel& label : end_labels) {
    label.block.desired_center = ys(label.value);
    blocks.push_back(&label.block);
  }
  StackBlocks(blocks, y, plot_bottom, 6);
  double gutter_bottom = 0;
  for (const TextBlock* block : blocks) {
    gutter_bottom = std::max(gutter_bottom, b.AddBlock(*block, plot_right + kTickGap + 2));
  }
  double labels_top = std::max(plot_bottom + tick_half + 6, gutter_bottom + 6);
  return AddCategoryLabels(b, xs, spacing, labels_top, true);
}

}  // namespace jv::charts
