// Stacked and 100% stacked bars, as columns (vertical) or rows (horizontal). Segments follow
// the series order from the baseline outwards, with a legend for the series and a thin white
// gap between segments (a cue besides colour). A segment carries its value label inside when
// the label fits, in white or dark text, whichever contrasts more with the fill. Plain stacks
// get their total at the end; 100% stacks run on a 0-100% axis. Target line, target band and
// their labels go into a key above the plot, since stacks leave no free room inside it.
//
// Choices the ChartSpec leaves open (documented in chart.h's terms):
// - Gaps (nullopt) count as zero; zero values add no segment. Negative values are rejected by
//   Validate() before layout.
// - Totals are formatted with spec.format_tick (a Series has no total label).
// - 100% axis ticks are spec.format_tick(percentage), with "%" appended when the caller's
//   format gives none, so a count format ("1.500") still reads as a share ("20%").
// - Segment labels in a 100% stack are the caller's value labels (the data), not shares: the
//   axis gives the share, the label the value behind it.

#include <algorithm>
#include <cmath>
#include <optional>

#include "charts/layout_builder.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

constexpr double kSegmentGap = 1;   // white gap between the segments of one stack
constexpr double kLabelInset = 2;   // room a segment label leaves to the segment's edges

struct Segment {
  size_t series = 0;
  double from = 0, to = 0;  ///< in axis units: values, or percentages for 100% stacks
  std::string label;        ///< the caller's value label; "" for none
};

struct Stack {
  std::vector<Segment> segments;  ///< in series order, from the baseline outwards
  double total = 0;               ///< sum of the values (not of the percentages)
};

std::vector<Stack> MakeStacks(const ChartSpec& spec) {
  std::vector<Stack> stacks(spec.categories.size());
  for (size_t i = 0; i < stacks.size(); ++i) {
    Stack& stack = stacks[i];
    for (const Series& s : spec.series) stack.total += s.values[i].value_or(0);
    // In a 100% stack a category without any value stays empty instead of dividing by zero.
    double factor = spec.percent_stacked ? (stack.total > 0 ? 100 / stack.total : 0) : 1;
    double at = 0;
    for (size_t k = 0; k < spec.series.size(); ++k) {
      double v = spec.series[k].values[i].value_or(0) * factor;
      if (v <= 0) continue;
      const std::vector<std::string>& labels = spec.series[k].value_labels;
      stack.segments.push_back({k, at, at + v, i < labels.size() ? labels[i] : ""});
      at += v;
    }
  }
  return stacks;
}

// 0 to 100 for 100% stacks; otherwise 0 (or a lower reference) to the highest total or
// reference, so the target and the band are always inside the plot.
ValueAxis StackAxis(const LayoutBuilder& b, const std::vector<Stack>& stacks, int desired) {
  const ChartSpec& spec = b.spec();
  double lo = 0, hi = spec.percent_stacked ? 100 : 0;
  for (const Stack& s : stacks) hi = std::max(hi, spec.percent_stacked ? 0 : s.total);
  if (spec.target) lo = std::min(lo, *spec.target), hi = std::max(hi, *spec.target);
  if (spec.target_band) {
    lo = std::min(lo, spec.target_band->first);
    hi = std::max(hi, spec.target_band->second);
  }
  if (!spec.percent_stacked) return b.MakeValueAxis(lo, hi, desired);
  ValueAxis axis;
  axis.ticks = NiceTicks(lo, hi, desired);
  for (double tick : axis.ticks) {
    std::string label = spec.format_tick(tick);
    if (label.empty() || label.back() != '%') label += "%";
    axis.labels.push_back(label);
    axis.label_width = std::max(axis.label_width, b.Width(label, b.TickStyle()));
  }
  return axis;
}

// The largest style (100%, 90%, 80% of the label size) at which every total is at most
// `max_width` wide; nullopt for 100% stacks (all totals are 100%) or when none fits.
std::optional<TextStyle> TotalStyle(const LayoutBuilder& b, const std::vector<Stack>& stacks,
                                    double max_width) {
  if (b.spec().percent_stacked) return std::nullopt;
  for (double factor : {1.0, 0.9, 0.8}) {
    TextStyle style{std::round(b.LabelStyle().size * factor), false};
    bool fits = std::all_of(stacks.begin(), stacks.end(), [&](const Stack& s) {
      return s.segments.empty() || b.Width(b.spec().format_tick(s.total), style) <= max_width;
    });
    if (fits) return style;
  }
  return std::nullopt;
}

// The rectangle of every segment, given where each stack lies across the value axis.
struct StackPlacement {
  bool horizontal = false;
  std::vector<double> across;  ///< per stack: left (columns) or top (rows) edge
  double thickness = 0;        ///< bar width (columns) or height (rows)
};

Box SegmentBox(const StackPlacement& p, const LinearScale& v, size_t stack, const Segment& seg) {
  // Every segment but the first leaves a white gap at its start.
  double gap = seg.from > 0 ? kSegmentGap : 0;
  if (p.horizontal) {
    double x0 = v(seg.from) + gap, x1 = v(seg.to);
    return {x0, p.across[stack], std::max(0.0, x1 - x0), p.thickness};
  }
  double y0 = v(seg.to), y1 = v(seg.from) - gap;
  return {p.across[stack], y0, p.thickness, std::max(0.0, y1 - y0)};
}

void AddSegments(LayoutBuilder& b, const std::vector<Stack>& stacks, const StackPlacement& p,
                 const LinearScale& v) {
  for (size_t i = 0; i < stacks.size(); ++i) {
    for (const Segment& seg : stacks[i].segments) {
      Box box = SegmentBox(p, v, i, seg);
      if (box.width > 0 && box.height > 0) {
        b.AddRect(box.x, box.y, box.width, box.height, SeriesColor(seg.series));
      }
    }
  }
}

// Value labels centred in their segments, only where they fit with an inset all round.
void AddSegmentLabels(LayoutBuilder& b, const std::vector<Stack>& stacks,
                      const StackPlacement& p, const LinearScale& v) {
  TextStyle style = b.TickStyle();
  for (size_t i = 0; i < stacks.size(); ++i) {
    for (const Segment& seg : stacks[i].segments) {
      if (seg.label.empty()) continue;
      Box box = SegmentBox(p, v, i, seg);
      double cx = box.x + box.width / 2;
      double baseline = b.CenteredBaseline(box.y + box.height / 2, style);
      Box text = b.TextBox(cx, baseline, seg.label, style, TextAnchor::kMiddle);
      bool fits = text.x >= box.x + kLabelInset && text.right() <= box.right() - kLabelInset &&
                  text.y >= box.y + kLabelInset && text.bottom() <= box.bottom() - kLabelInset;
      if (!fits || b.Collides(text)) continue;
      b.AddText(cx, baseline, seg.label, style, TextAnchor::kMiddle,
                TextColorOn(SeriesColor(seg.series)));
    }
  }
}

// Totals beyond the end of each plain stack; a target line running through one is interrupted.
void AddTotals(LayoutBuilder& b, const std::vector<Stack>& stacks, const StackPlacement& p,
               const LinearScale& v, TextStyle style) {
  const ChartSpec& spec = b.spec();
  for (size_t i = 0; i < stacks.size(); ++i) {
    if (stacks[i].segments.empty()) continue;
    std::string text = spec.format_tick(stacks[i].total);
    double end = v(stacks[i].total);
    double x = p.horizontal ? end + kLabelGap : p.across[i] + p.thickness / 2;
    double baseline = p.horizontal ? b.CenteredBaseline(p.across[i] + p.thickness / 2, style)
                                   : end - kLabelGap - b.LineHeight(style) + b.Ascent(style);
    TextAnchor anchor = p.horizontal ? TextAnchor::kStart : TextAnchor::kMiddle;
    Box box = b.TextBox(x, baseline, text, style, anchor);
    if (spec.target) {
      double t = v(*spec.target);
      bool crossed = p.horizontal ? box.x < t && t < box.right() : box.y < t && t < box.bottom();
      if (crossed) b.AddKnockout(box);
    }
    b.AddText(x, baseline, text, style, anchor, ui::kText);
  }
}

// Band behind, then the caller's grid; afterwards segments, zero line, target and labels.
void AddStacks(LayoutBuilder& b, const std::vector<Stack>& stacks, const StackPlacement& p,
               const LinearScale& v, Box plot, const std::optional<TextStyle>& total_style) {
  const ChartSpec& spec = b.spec();
  AddSegments(b, stacks, p, v);
  auto line_at = [&](double value) -> std::vector<std::pair<double, double>> {
    double at = v(value);
    if (p.horizontal) return {{at, plot.y}, {at, plot.bottom()}};
    return {{plot.x, at}, {plot.right(), at}};
  };
  b.AddLine(line_at(0), ui::kBaseline, 1);
  if (spec.target) b.AddLine(line_at(*spec.target), ui::kTarget, 1.5, true);
  AddSegmentLabels(b, stacks, p, v);
  if (total_style) AddTotals(b, stacks, p, v, *total_style);
}

void AddBand(LayoutBuilder& b, const LinearScale& v, Box plot, bool horizontal) {
  if (!b.spec().target_band) return;
  double a = v(b.spec().target_band->first), c = v(b.spec().target_band->second);
  if (horizontal) {
    b.AddRect(std::min(a, c), plot.y, std::abs(c - a), plot.height, ui::kBand);
  } else {
    b.AddRect(plot.x, std::min(a, c), plot.width, std::abs(c - a), ui::kBand);
  }
}

double AddKeys(LayoutBuilder& b) {
  double y = b.AddHeader();
  if (b.spec().series.size() > 1) y = b.AddLegend(y);
  return b.AddReferenceKey(y, true);
}

}  // namespace

double LayoutStackedColumns(LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  std::vector<Stack> stacks = MakeStacks(spec);
  double y = AddKeys(b);
  ValueAxis axis = StackAxis(b, stacks, 5);
  Box plot;
  plot.x = b.left() + axis.label_width + kTickGap;
  plot.width = b.right() - plot.x;
  double band = plot.width / static_cast<double>(spec.categories.size());
  std::optional<TextStyle> total_style = TotalStyle(b, stacks, band - 4);
  double tick_half = b.LineHeight(b.TickStyle()) / 2;
  double total_height = total_style ? b.LineHeight(*total_style) + kLabelGap : 0;
  plot.y = std::ceil(y + std::max(tick_half, total_height));
  plot.height = PlotHeight(b.list().width, axis.ticks.size() - 1, 2 * tick_half + 4);
  LinearScale v(axis.min(), axis.max(), plot.bottom(), plot.y);

  StackPlacement p;
  p.thickness = std::min(band * 0.7, 120.0);
  std::vector<double> centers;
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    centers.push_back(plot.x + band * (static_cast<double>(i) + 0.5));
    p.across.push_back(centers.back() - p.thickness / 2);
  }
  AddBand(b, v, plot, false);
  b.AddValueGrid(axis, v, plot.x, plot.right());
  AddStacks(b, stacks, p, v, plot, total_style);
  return AddCategoryLabels(b, centers, band, plot.bottom() + tick_half + 6, false);
}

namespace {

// Fewer ticks until their labels fit side by side along `width`.
ValueAxis FitAxis(const LayoutBuilder& b, const std::vector<Stack>& stacks, double width) {
  ValueAxis axis;
  for (int desired = std::max(2, static_cast<int>(width / 100)); desired >= 1; --desired) {
    axis = StackAxis(b, stacks, desired);
    double spacing = width / static_cast<double>(axis.ticks.size() - 1);
    if (axis.label_width + 2 * kCategoryGap <= spacing) break;
  }
  return axis;
}

// Grid lines and tick labels under the rows; a label that would touch another is left out.
double AddBottomTicks(LayoutBuilder& b, const ValueAxis& axis, const LinearScale& x, Box plot) {
  TextStyle style = b.TickStyle();
  double baseline = plot.bottom() + 6 + b.Ascent(style);
  for (size_t i = 0; i < axis.ticks.size(); ++i) {
    double xx = x(axis.ticks[i]);
    b.AddLine({{xx, plot.y}, {xx, plot.bottom()}}, ui::kGrid, 1);
    Box box = b.TextBox(xx, baseline, axis.labels[i], style, TextAnchor::kMiddle);
    if (b.Collides(box)) continue;
    b.AddText(xx, baseline, axis.labels[i], style, TextAnchor::kMiddle, ui::kSubtleText);
  }
  return plot.bottom() + 6 + b.LineHeight(style);
}

}  // namespace

double LayoutStackedRows(LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  std::vector<Stack> stacks = MakeStacks(spec);
  double y = AddKeys(b);
  TextStyle label = b.LabelStyle();
  double column = b.CategoryLabelColumnWidth();
  Box plot{b.left() + column + 10, y, 0, 0};
  plot.width = b.right() - plot.x;
  StackPlacement p;
  p.horizontal = true;
  p.thickness = std::round(label.size * 1.7);
  std::optional<TextStyle> total_style = TotalStyle(b, stacks, plot.width * 0.25);
  double total_room = 0;
  for (const Stack& s : stacks) {
    if (total_style && !s.segments.empty()) {
      total_room = std::max(total_room, b.Width(spec.format_tick(s.total), *total_style));
    }
  }
  ValueAxis axis = FitAxis(b, stacks, plot.width - total_room);
  double last_half = b.Width(axis.labels.back(), b.TickStyle()) / 2;
  double end = plot.right() - std::max(last_half, total_room > 0 ? total_room + kLabelGap : 0);
  LinearScale x(axis.min(), axis.max(), plot.x, end);

  double top = plot.y;
  for (const std::string& category : spec.categories) {
    std::vector<std::string> lines = b.measurer().Wrap(category, label, column);
    double height = std::max(p.thickness, b.BlockHeight(lines.size(), label));
    b.AddLines(plot.x - 10, top + (height - b.BlockHeight(lines.size(), label)) / 2, lines, label,
               TextAnchor::kEnd, ui::kText);
    p.across.push_back(top + (height - p.thickness) / 2);
    top += height + 8;
  }
  plot.height = top - 8 - plot.y;
  AddBand(b, x, plot, true);
  double bottom = AddBottomTicks(b, axis, x, plot);
  AddStacks(b, stacks, p, x, plot, total_style);
  return bottom;
}

}  // namespace jv::charts
