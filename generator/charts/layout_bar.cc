// Vertical bars (one series) and grouped vertical bars (several series): value axis with grid
// on the left, bars from a zero baseline, value labels at the bar ends, wrapped category labels
// below, and an optional dashed target line with its label.

#include <algorithm>
#include <cmath>
#include <optional>

#include "charts/layout_builder.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

struct BarGeometry {
  double group = 0;  ///< width of all bars of one category
  double bar = 0;    ///< width of one bar
  double gap = 0;    ///< between bars of one group
};

BarGeometry Geometry(double band, size_t series) {
  if (series == 1) {
    double bar = std::min(band * 0.7, 120.0);
    return {bar, bar, 0};
  }
  constexpr double kInnerGap = 2;
  double group = std::min(band * 0.8, static_cast<double>(series) * 60.0);
  double bar = (group - static_cast<double>(series - 1) * kInnerGap) / static_cast<double>(series);
  return {group, bar, kInnerGap};
}

// The largest style (100%, 90%, 80% of the label size) at which every value label fits in
// `slot`; nullopt when there are no labels or they do not fit even then (then the axis alone
// carries the values, rather than labels running into each other).
std::optional<TextStyle> ValueLabelStyle(const LayoutBuilder& b, double slot) {
  for (double factor : {1.0, 0.9, 0.8}) {
    TextStyle style{std::round(b.LabelStyle().size * factor), false};
    double widest = 0;
    bool any = false;
    for (const Series& series : b.spec().series) {
      for (const std::string& label : series.value_labels) {
        if (label.empty()) continue;
        any = true;
        widest = std::max(widest, b.Width(label, style));
      }
    }
    if (!any) return std::nullopt;
    if (widest <= slot) return style;
  }
  return std::nullopt;
}

// The plot area and what the target placement needs to know about it.
struct BarPlot {
  double left = 0, right = 0, top = 0, bottom = 0;
  double header_bottom = 0;
  double zero = 0;  ///< y of the zero line
  std::vector<Box> bars;
};

// A value label waiting to be added once all bars and lines are drawn (text goes on top).
struct PendingLabel {
  double x = 0, baseline = 0;
  std::string text;
  bool negative = false;
};

// Draws the bars and returns their value labels (when `value_style` is set).
std::vector<PendingLabel> AddBars(LayoutBuilder& b, const LinearScale& y, double band,
                                  const BarGeometry& geo,
                                  const std::optional<TextStyle>& value_style, BarPlot* plot) {
  const ChartSpec& spec = b.spec();
  double zero = y(0);
  plot->zero = zero;
  std::vector<PendingLabel> labels;
  for (size_t s = 0; s < spec.series.size(); ++s) {
    const Series& series = spec.series[s];
    for (size_t i = 0; i < spec.categories.size(); ++i) {
      if (!series.values[i]) continue;  // a gap: no bar, no label
      double v = *series.values[i];
      double x = plot->left + band * static_cast<double>(i) + (band - geo.group) / 2 +
                 static_cast<double>(s) * (geo.bar + geo.gap);
      double end = y(v);
      Box bar{x, std::min(zero, end), geo.bar, std::abs(end - zero)};
      if (bar.height > 0) b.AddRect(bar.x, bar.y, bar.width, bar.height, SeriesColor(s));
      plot->bars.push_back(bar);
      if (!value_style || i >= series.value_labels.size() || series.value_labels[i].empty()) {
        continue;
      }
      // Above a positive bar's end, below a negative one's.
      double baseline = v >= 0 ? end - kLabelGap - b.LineHeight(*value_style) +
                                     b.Ascent(*value_style)
                               : end + kLabelGap + b.Ascent(*value_style);
      labels.push_back({x + geo.bar / 2, baseline, series.value_labels[i], v < 0});
    }
  }
  return labels;
}

// Tries the target label above or below the line, at the right or left end of the plot,
// where it touches no text and no bar. Returns false when no place is free.
bool PlaceTargetInPlot(LayoutBuilder& b, double target_y, const BarPlot& plot) {
  TextStyle style = b.LabelStyle();
  const std::string& label = b.spec().target_label;
  double above = target_y - 4 - (b.LineHeight(style) - b.Ascent(style));
  double below = target_y + 4 + b.Ascent(style);
  struct Candidate {
    double x, baseline;
    TextAnchor anchor;
  };
  for (const Candidate& c : {Candidate{plot.right, above, TextAnchor::kEnd},
                             Candidate{plot.left + 4, above, TextAnchor::kStart},
                             Candidate{plot.right, below, TextAnchor::kEnd},
                             Candidate{plot.left + 4, below, TextAnchor::kStart}}) {
    Box box = b.TextBox(c.x, c.baseline, label, style, c.anchor);
    bool on_bar = std::any_of(plot.bars.begin(), plot.bars.end(),
                              [&](const Box& bar) { return bar.Overlaps(box); });
    bool on_zero_line = box.y < plot.zero && plot.zero < box.bottom();
    if (on_bar || on_zero_line || b.Collides(box) || box.y < plot.header_bottom ||
        box.bottom() > plot.bottom) {
      continue;
    }
    b.AddKnockout(box);  // interrupts grid lines running through the label
    b.AddText(c.x, c.baseline, label, style, c.anchor, ui::kText);
    return true;
  }
  return false;
}

// Value labels go on top of bars, zero line and target line. A label the target line runs
// through interrupts the line. Returns true when a negative bar has a label below it.
bool AddValueLabels(LayoutBuilder& b, const std::vector<PendingLabel>& labels, TextStyle style,
                    std::optional<double> target_y) {
  bool negative_labels = false;
  for (const PendingLabel& label : labels) {
    Box box = b.TextBox(label.x, label.baseline, label.text, style, TextAnchor::kMiddle);
    if (target_y && box.y < *target_y && *target_y < box.bottom()) {
      // Only a strip around the line, in the colour behind it, so a target band is not cut.
      bool in_band = b.spec().target_band && b.spec().target_band->first <= *b.spec().target &&
                     *b.spec().target <= b.spec().target_band->second;
      b.AddRect(box.x - 3, *target_y - 3, box.width + 6, 6, in_band ? ui::kBand : ui::kBackground);
    }
    b.AddText(label.x, label.baseline, label.text, style, TextAnchor::kMiddle, ui::kText);
    negative_labels = negative_labels || label.negative;
  }
  return negative_labels;
}

// The target label wrapped for a column right of the plot: a quarter of the width, more when
// a word needs it, but never more than `max_width`.
TextBlock TargetColumnLabel(const LayoutBuilder& b, double max_width) {
  const std::string& label = b.spec().target_label;
  TextStyle style = b.LabelStyle();
  double room = std::max(b.content_width() * 0.25,
                         std::min(b.content_width() * 0.4, b.measurer().MinWrapWidth(label, style)));
  room = std::min(room, max_width);
  TextBlock block;
  for (const std::string& line : b.measurer().Wrap(label, style, room)) {
    block.lines.push_back({line, style, ui::kText});
  }
  b.MeasureBlock(&block);
  return block;
}

// The whole chart; with `target_gutter` the target label goes into a column right of the plot
// instead of into the plot. Returns nullopt when the label found no free place in the plot.
std::optional<double> LayoutBars(LayoutBuilder& b, bool target_gutter) {
  const ChartSpec& spec = b.spec();
  size_t n = spec.categories.size(), k = spec.series.size();
  BarPlot plot;
  double y = b.AddHeader();
  if (k > 1) y = b.AddLegend(y);
  y = b.AddReferenceKey(y, false);
  plot.header_bottom = y;

  auto [lo, hi] = ValueRange(spec);
  ValueAxis axis = b.MakeValueAxis(std::min(lo, 0.0), std::max(hi, 0.0), 5);
  bool has_target_label = spec.target && !spec.target_label.empty();
  plot.left = b.left() + axis.label_width + kTickGap;
  // The label column may take what the plot does not need: the plot keeps 45% of the width.
  double column_max = std::max(24.0, b.right() - plot.left - kTickGap - 0.45 * b.content_width());
  TextBlock target_block =
      has_target_label && target_gutter ? TargetColumnLabel(b, column_max) : TextBlock();
  plot.right = b.right() - (target_block.lines.empty() ? 0 : target_block.width + kTickGap);
  double band = (plot.right - plot.left) / static_cast<double>(n);
  BarGeometry geo = Geometry(band, k);
  std::optional<TextStyle> value_style = ValueLabelStyle(b, k == 1 ? band - 4 : geo.bar + geo.gap);
  double value_height = value_style ? b.LineHeight(*value_style) + kLabelGap : 0;
  double tick_half = b.LineHeight(b.TickStyle()) / 2;
  plot.top = std::ceil(y + std::max(tick_half, value_height));
  plot.bottom = plot.top + PlotHeight(b.list().width, axis.ticks.size() - 1, 2 * tick_half + 4);
  LinearScale ys(axis.min(), axis.max(), plot.bottom, plot.top);
  std::optional<double> target_y;
  if (spec.target) target_y = ys(*spec.target);

  if (spec.target_band) {
    // Behind everything else, so grid lines, bars and labels stay on top of it.
    double band_top = ys(spec.target_band->second);
    b.AddRect(plot.left, band_top, plot.right - plot.left, ys(spec.target_band->first) - band_top,
              ui::kBand);
  }
  b.AddValueGrid(axis, ys, plot.left, plot.right);
  std::vector<PendingLabel> labels = AddBars(b, ys, band, geo, value_style, &plot);
  b.AddLine({{plot.left, ys(0)}, {plot.right, ys(0)}}, ui::kBaseline, 1);
  if (target_y) b.AddLine({{plot.left, *target_y}, {plot.right, *target_y}}, ui::kTarget, 1.5, true);
  bool negative_labels = value_style && AddValueLabels(b, labels, *value_style, target_y);

  std::vector<double> centers;
  for (size_t i = 0; i < n; ++i) centers.push_back(plot.left + band * (static_cast<double>(i) + 0.5));
  double labels_top = plot.bottom + std::max(tick_half, negative_labels ? value_height : 0) + 6;
  if (!target_block.lines.empty()) {
    target_block.desired_center = *target_y;
    StackBlocks({&target_block}, plot.header_bottom, plot.bottom, 0);
    // A label taller than the plot runs below it: the category labels then start lower.
    labels_top = std::max(labels_top, b.AddBlock(target_block, plot.right + kTickGap) + 6);
  }
  double bottom = AddCategoryLabels(b, centers, band, labels_top, false);
  if (has_target_label && !target_gutter && !PlaceTargetInPlot(b, *target_y, plot)) {
    return std::nullopt;
  }
  return bottom;
}

// True when every category label fits under its bars without breaking a word, or when the
// labels are numbers (years), which AddCategoryLabels thins out instead.
bool CategoryWordsFit(const LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  if (std::all_of(spec.categories.begin(), spec.categories.end(), LooksNumeric)) return true;
  auto [lo, hi] = ValueRange(spec);
  ValueAxis axis = b.MakeValueAxis(std::min(lo, 0.0), std::max(hi, 0.0), 5);
  double band = (b.content_width() - axis.label_width - kTickGap) /
                static_cast<double>(spec.categories.size());
  return std::all_of(spec.categories.begin(), spec.categories.end(), [&](const std::string& c) {
    return b.measurer().MinWrapWidth(c, b.LabelStyle()) <= band - 6;
  });
}

}  // namespace

double LayoutBarChart(LayoutBuilder& b) {
  if (b.spec().stacked) return CategoryWordsFit(b) ? LayoutStackedColumns(b) : LayoutStackedRows(b);
  // Labels that only fit by breaking words read badly; horizontal bars give labels the room of a
  // whole column (the usual advice for long labels and for narrow screens).
  if (!CategoryWordsFit(b)) return LayoutHorizontalBarChart(b);
  LayoutBuilder::Checkpoint start = b.Save();
  if (std::optional<double> bottom = LayoutBars(b, false)) return *bottom;
  // The target label found no free spot inside the plot: lay out again with a label column.
  b.Restore(start);
  return *LayoutBars(b, true);
}

}  // namespace jv::charts
