#include "charts/layout_builder.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "charts/palette.h"

namespace jv::charts {

bool Box::Overlaps(const Box& o) const {
  // A small tolerance so that boxes which merely touch (stacked lines) do not count.
  constexpr double kEpsilon = 0.01;
  return x < o.right() - kEpsilon && o.x < right() - kEpsilon && y < o.bottom() - kEpsilon &&
         o.y < bottom() - kEpsilon;
}

LayoutBuilder::LayoutBuilder(const ChartSpec& spec, const Theme& theme,
                             const TextMeasurer& measurer, DisplayList* list)
    : spec_(spec), theme_(theme), measurer_(measurer), list_(list) {}

double LayoutBuilder::Width(const std::string& text, TextStyle style) const {
  return measurer_.Measure(text, style).width;
}

double LayoutBuilder::LineHeight(TextStyle style) const {
  TextExtents e = measurer_.Measure("Hg", style);
  return e.ascent + e.descent;
}

double LayoutBuilder::Ascent(TextStyle style) const {
  return measurer_.Measure("Hg", style).ascent;
}

double LayoutBuilder::BlockHeight(size_t lines, TextStyle style) const {
  if (lines == 0) return 0;
  return static_cast<double>(lines - 1) * measurer_.LineAdvance(style) + LineHeight(style);
}

double LayoutBuilder::CenteredBaseline(double y, TextStyle style) const {
  // Centre on the digits' ink rather than the logical box, which has room for descenders.
  TextExtents e = measurer_.Measure("0", style);
  return y - (e.ink_top + e.ink_bottom) / 2;
}

Box LayoutBuilder::TextBox(double x, double baseline, const std::string& text, TextStyle style,
                           TextAnchor anchor) const {
  TextExtents e = measurer_.Measure(text, style);
  double shift = anchor == TextAnchor::kStart ? 0 : anchor == TextAnchor::kMiddle ? 0.5 : 1.0;
  double left = x - e.width * shift;
  Box box{left, baseline - e.ascent, e.width, e.ascent + e.descent};
  if (e.ink_right > e.ink_left) {
    // Union with the ink box: some glyphs overhang their advance or the font's ascent.
    double x0 = std::min(box.x, left + e.ink_left);
    double y0 = std::min(box.y, baseline + e.ink_top);
    double x1 = std::max(box.right(), left + e.ink_right);
    double y1 = std::max(box.bottom(), baseline + e.ink_bottom);
    box = {x0, y0, x1 - x0, y1 - y0};
  }
  return box;
}

void LayoutBuilder::AddText(double x, double baseline, const std::string& text, TextStyle style,
                            TextAnchor anchor, Color color) {
  if (text.empty()) return;
  Box box = TextBox(x, baseline, text, style, anchor);
  text_boxes_.push_back(box);
  Text t;
  t.x = x;
  t.y = baseline;
  t.text = text;
  t.font_size = style.size;
  t.bold = style.bold;
  t.anchor = anchor;
  t.fill = color;
  t.box_x = box.x;
  t.box_y = box.y;
  t.box_width = box.width;
  t.box_height = box.height;
  list_->items.emplace_back(std::move(t));
}

double LayoutBuilder::AddLines(double x, double top, const std::vector<std::string>& lines,
                               TextStyle style, TextAnchor anchor, Color color) {
  double baseline = top + Ascent(style);
  double advance = measurer_.LineAdvance(style);
  for (const std::string& line : lines) {
    AddText(x, baseline, line, style, anchor, color);
    baseline += advance;
  }
  return top + BlockHeight(lines.size(), style);
}

bool LayoutBuilder::Collides(const Box& box) const {
  if (box.x < 0 || box.right() > list_->width || box.y < 0) return true;
  return std::any_of(text_boxes_.begin(), text_boxes_.end(),
                     [&](const Box& placed) { return placed.Overlaps(box); });
}

void LayoutBuilder::AddKnockout(const Box& box) {
  AddRect(box.x - 3, box.y, box.width + 6, box.height, ui::kBackground);
}

void LayoutBuilder::AddRect(double x, double y, double width, double height, Color fill) {
  list_->items.emplace_back(Rect{x, y, width, height, fill});
}

void LayoutBuilder::AddLine(std::vector<std::pair<double, double>> points, Color stroke,
                            double width, bool dashed) {
  list_->items.emplace_back(Polyline{std::move(points), stroke, width, dashed});
}

double LayoutBuilder::AddHeader() {
  double y = kPadding;
  TextStyle title{std::round(theme_.font_size * 1.4), true};
  TextStyle subtitle{std::round(theme_.font_size * 1.08), false};
  if (!spec_.title.empty()) {
    y = AddLines(left(), y, measurer_.Wrap(spec_.title, title, content_width()), title,
                 TextAnchor::kStart, ui::kTitle);
  }
  if (!spec_.subtitle.empty()) {
    y = AddLines(left(), y + 4, measurer_.Wrap(spec_.subtitle, subtitle, content_width()),
                 subtitle, TextAnchor::kStart, ui::kSubtleText);
  }
  return y == kPadding ? y : y + 16;
}

double LayoutBuilder::AddLegend(double top) {
  constexpr double kSwatch = 12, kSwatchGap = 6, kItemGap = 18, kRowGap = 6;
  TextStyle style = LabelStyle();
  double x = left(), y = top, row_height = 0;
  for (size_t i = 0; i < spec_.series.size(); ++i) {
    const std::string& label = spec_.series[i].label;
    if (label.empty()) continue;
    std::vector<std::string> lines =
        measurer_.Wrap(label, style, content_width() - kSwatch - kSwatchGap);
    double text_width = 0;
    for (const std::string& line : lines) text_width = std::max(text_width, Width(line, style));
    double item_width = kSwatch + kSwatchGap + text_width;
    if (x > left() && x + item_width > right()) {  // start a new row
      y += row_height + kRowGap;
      x = left();
      row_height = 0;
    }
    double center = y + Ascent(style) - (CenteredBaseline(0, style));
    AddRect(x, center - kSwatch / 2, kSwatch, kSwatch, SeriesColor(i));
    AddLines(x + kSwatch + kSwatchGap, y, lines, style, TextAnchor::kStart, ui::kText);
    row_height = std::max(row_height, BlockHeight(lines.size(), style));
    x += item_width + kItemGap;
  }
  return row_height > 0 ? y + row_height + 14 : top;
}

double LayoutBuilder::AddReferenceKey(double top, bool with_target) {
  constexpr double kSample = 18, kSampleGap = 6, kItemGap = 18, kRowGap = 6;
  TextStyle style = LabelStyle();
  struct Entry {
    bool band;
    const std::string* label;
  };
  std::vector<Entry> entries;
  if (spec_.target_band && !spec_.target_band_label.empty()) {
    entries.push_back({true, &spec_.target_band_label});
  }
  if (with_target && spec_.target && !spec_.target_label.empty()) {
    entries.push_back({false, &spec_.target_label});
  }
  double x = left(), y = top, row_height = 0;
  for (const Entry& entry : entries) {
    std::vector<std::string> lines =
        measurer_.Wrap(*entry.label, style, content_width() - kSample - kSampleGap);
    double text_width = 0;
    for (const std::string& line : lines) text_width = std::max(text_width, Width(line, style));
    double item_width = kSample + kSampleGap + text_width;
    if (x > left() && x + item_width > right()) {  // start a new row
      y += row_height + kRowGap;
      x = left();
      row_height = 0;
    }
    double center = y + Ascent(style) - CenteredBaseline(0, style);
    if (entry.band) {
      AddRect(x, center - 6, kSample, 12, ui::kBand);
    } else {
      AddLine({{x, center}, {x + kSample, center}}, ui::kTarget, 1.5, true);
    }
    AddLines(x + kSample + kSampleGap, y, lines, style, TextAnchor::kStart, ui::kText);
    row_height = std::max(row_height, BlockHeight(lines.size(), style));
    x += item_width + kItemGap;
  }
  return row_height > 0 ? y + row_height + 14 : top;
}

ValueAxis LayoutBuilder::MakeValueAxis(double min, double max, int desired) const {
  ValueAxis axis;
  axis.ticks = NiceTicks(min, max, desired);
  for (double tick : axis.ticks) {
    axis.labels.push_back(spec_.format_tick(tick));
    axis.label_width = std::max(axis.label_width, Width(axis.labels.back(), TickStyle()));
  }
  return axis;
}

void LayoutBuilder::AddValueGrid(const ValueAxis& axis, const LinearScale& y, double plot_left,
                                 double plot_right) {
  for (size_t i = 0; i < axis.ticks.size(); ++i) {
    double yy = y(axis.ticks[i]);
    AddLine({{plot_left, yy}, {plot_right, yy}}, ui::kGrid, 1);
    AddText(plot_left - kTickGap, CenteredBaseline(yy, TickStyle()), axis.labels[i], TickStyle(),
            TextAnchor::kEnd, ui::kSubtleText);
  }
}

void LayoutBuilder::MeasureBlock(TextBlock* block) const {
  block->height = 0;
  block->width = 0;
  for (size_t i = 0; i < block->lines.size(); ++i) {
    const TextBlock::Line& line = block->lines[i];
    bool last = i + 1 == block->lines.size();
    block->height += last ? LineHeight(line.style) : measurer_.LineAdvance(line.style);
    block->width = std::max(block->width, Width(line.text, line.style));
  }
}

double LayoutBuilder::AddBlock(const TextBlock& block, double x) {
  double top = block.top;
  for (const TextBlock::Line& line : block.lines) {
    AddText(x, top + Ascent(line.style), line.text, line.style, TextAnchor::kStart, line.color);
    top += measurer_.LineAdvance(line.style);
  }
  return block.top + block.height;
}

std::pair<double, double> ValueRange(const ChartSpec& spec) {
  bool any = false;
  double lo = 0, hi = 0;
  auto include = [&](double v) {
    lo = any ? std::min(lo, v) : v;
    hi = any ? std::max(hi, v) : v;
    any = true;
  };
  for (const Series& series : spec.series) {
    for (const std::optional<double>& v : series.values) {
      if (v) include(*v);
    }
  }
  if (spec.target) include(*spec.target);
  if (spec.target_band) {
    include(spec.target_band->first);
    include(spec.target_band->second);
  }
  return {lo, hi};
}

double PlotHeight(double width, size_t intervals, double min_interval) {
  double desired = std::clamp(width * 0.4, 160.0, 320.0);
  double n = static_cast<double>(std::max<size_t>(intervals, 1));
  return std::max({1.0, std::round(desired / n), std::ceil(min_interval)}) * n;
}

void StackBlocks(std::vector<TextBlock*> blocks, double min_top, double max_bottom, double gap) {
  std::stable_sort(blocks.begin(), blocks.end(), [](const TextBlock* a, const TextBlock* b) {
    return a->desired_center < b->desired_center;
  });
  // Downwards: each block as close to its wish as the one above allows.
  double limit = min_top;
  for (TextBlock* block : blocks) {
    block->top = std::max(block->desired_center - block->height / 2, limit);
    limit = block->top + block->height + gap;
  }
  // Upwards: pull blocks back inside max_bottom where there is room above.
  limit = max_bottom;
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
    (*it)->top = std::min((*it)->top, limit - (*it)->height);
    limit = (*it)->top - gap;
  }
  // Downwards again: when everything does not fit, overlaps are worse than running over.
  limit = min_top;
  for (TextBlock* block : blocks) {
    block->top = std::max(block->top, limit);
    limit = block->top + block->height + gap;
  }
}

bool LooksNumeric(const std::string& label) {
  return std::none_of(label.begin(), label.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalpha(u);  // bytes >= 0x80 are UTF-8 letters and symbols
  });
}

namespace {

// How many labels apart the shown labels are: 1 (all) unless the labels are a sequence and
// their unbreakable pieces are wider than the spacing. A label whose words do not fit is
// otherwise wrapped, inside a word if need be.
size_t LabelStep(const LayoutBuilder& b, double spacing, bool may_skip) {
  const std::vector<std::string>& labels = b.spec().categories;
  if (!may_skip && !std::all_of(labels.begin(), labels.end(), LooksNumeric)) return 1;
  double widest = 0;
  for (const std::string& label : labels) {
    widest = std::max(widest, b.measurer().MinWrapWidth(label, b.LabelStyle()));
  }
  return static_cast<size_t>(std::max(1.0, std::ceil((widest + kCategoryGap) / spacing)));
}

struct PlacedLabel {
  size_t index = 0;  ///< into spec.categories
  std::vector<std::string> lines;
  double x = 0, width = 0;
};

// Only the outermost labels can stick out of the canvas. Such a label moves inward when that
// keeps it clear of its neighbour; otherwise it is wrapped to the room around its centre.
void KeepEndsInside(const LayoutBuilder& b, std::vector<PlacedLabel>* placed) {
  std::vector<PlacedLabel>& all = *placed;
  for (size_t k : {size_t{0}, all.size() - 1}) {
    PlacedLabel& p = all[k];
    double c = p.x;
    // Labels are wrapped to at most the content width, so this range is never empty.
    double x = std::clamp(c, b.left() + p.width / 2, b.right() - p.width / 2);
    if (x == c) continue;
    bool clear = all.size() == 1 ||
                 (k == 0 ? x + p.width / 2 + kCategoryGap <= all[1].x - all[1].width / 2
                         : x - p.width / 2 - kCategoryGap >= all[k - 1].x + all[k - 1].width / 2);
    if (clear) {
      p.x = x;
    } else {
      p.lines = b.measurer().Wrap(b.spec().categories[p.index], b.LabelStyle(),
                                  2 * std::min(c - b.left(), b.right() - c));
    }
  }
}

}  // namespace

double AddCategoryLabels(LayoutBuilder& b, const std::vector<double>& centers, double spacing,
                         double top, bool may_skip) {
  TextStyle style = b.LabelStyle();
  size_t step = LabelStep(b, spacing, may_skip);
  // Thinning counts back from the last label: the most recent year is the one readers want.
  size_t count = std::min(b.spec().categories.size(), centers.size());
  std::vector<PlacedLabel> placed;
  for (size_t j = 0; j * step < count; ++j) {
    PlacedLabel p;
    p.index = count - 1 - j * step;
    p.lines = b.measurer().Wrap(
        b.spec().categories[p.index], style,
        std::min(static_cast<double>(step) * spacing - kCategoryGap, b.content_width()));
    p.x = centers[p.index];
    for (const std::string& line : p.lines) p.width = std::max(p.width, b.Width(line, style));
    placed.insert(placed.begin(), std::move(p));
  }
  if (placed.empty()) return top;
  KeepEndsInside(b, &placed);
  double bottom = top;
  for (const PlacedLabel& p : placed) {
    bottom = std::max(bottom, b.AddLines(p.x, top, p.lines, style, TextAnchor::kMiddle, ui::kText));
  }
  return bottom;
}

double LayoutBuilder::CategoryLabelColumnWidth() const {
  double natural = 0, longest_word = 0;
  for (const std::string& c : spec_.categories) {
    natural = std::max(natural, Width(c, LabelStyle()));
    longest_word = std::max(longest_word, measurer().MinWrapWidth(c, LabelStyle()));
  }
  double cw = content_width();
  double column = std::max(cw * 0.3, std::min(cw * 0.42, 140.0));
  return std::min(natural, std::round(std::max(column, std::min(longest_word, cw * 0.45))));
}

}  // namespace jv::charts
