#pragma once
// Internal to the chart stage: the building blocks every chart kind's layout shares (header,
// legend, value axis, text placement with measured boxes) and the per-kind layout functions.
// Coordinates are CSS pixels, y growing downwards; "top"/"bottom" are y values.

#include <string>
#include <utility>
#include <vector>

#include "charts/chart.h"
#include "charts/display_list.h"
#include "charts/render.h"
#include "charts/scale.h"
#include "charts/text_measure.h"

namespace jv::charts {

/// Spacing shared by all kinds, in CSS pixels.
constexpr double kPadding = 12;     ///< canvas edge to any mark or text
constexpr double kTickGap = 8;      ///< tick label to the plot area
constexpr double kLabelGap = 4;     ///< value label to its bar end
constexpr double kCategoryGap = 6;  ///< minimum space between neighbouring category labels

/// An axis-aligned box; text boxes are the union of the logical and the ink box.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
  /// True when the interiors intersect (touching edges do not count).
  bool Overlaps(const Box& other) const;
};

/// A block of wrapped lines that is positioned as a whole (end-of-line labels).
struct TextBlock {
  struct Line {
    std::string text;
    TextStyle style;
    Color color;
  };
  std::vector<Line> lines;
  double desired_center = 0;  ///< where the block would ideally be centred vertically
  double top = 0;             ///< set by StackBlocks
  double height = 0;          ///< set by LayoutBuilder::MeasureBlock
  double width = 0;           ///< widest line, set by LayoutBuilder::MeasureBlock
};

/// A value axis: nice ticks and their formatted labels.
struct ValueAxis {
  std::vector<double> ticks;
  std::vector<std::string> labels;
  double label_width = 0;  ///< widest label
  double min() const { return ticks.front(); }
  double max() const { return ticks.back(); }
};

/// Adds marks and measured text to a DisplayList and keeps the measured text boxes, so that
/// placement decisions (and tests) can check for overlaps.
class LayoutBuilder {
 public:
  LayoutBuilder(const ChartSpec& spec, const Theme& theme, const TextMeasurer& measurer,
                DisplayList* list);

  const ChartSpec& spec() const { return spec_; }

  /// The width of the category label column of horizontal bars: as wide as the widest label,
  /// but at most about 30% of the width; more on narrow canvases, where 30% would wrap most
  /// labels onto many short lines, and for a long word, up to 45%, rather than breaking it.
  double CategoryLabelColumnWidth() const;
  const TextMeasurer& measurer() const { return measurer_; }
  DisplayList& list() { return *list_; }
  double left() const { return kPadding; }
  double right() const { return list_->width - kPadding; }
  double content_width() const { return right() - left(); }

  TextStyle LabelStyle() const { return {theme_.font_size, false}; }
  TextStyle TickStyle() const { return {theme_.font_size - 1, false}; }

  double Width(const std::string& text, TextStyle style) const;
  double LineHeight(TextStyle style) const;  ///< logical height of one line
  double Ascent(TextStyle style) const;
  /// Height of `lines` lines set with LineAdvance; 0 for none.
  double BlockHeight(size_t lines, TextStyle style) const;
  /// Baseline that centres a line of digits vertically on `y` (tick and bar value labels).
  double CenteredBaseline(double y, TextStyle style) const;

  /// The box `text` would occupy; (x, baseline) is the anchor point.
  Box TextBox(double x, double baseline, const std::string& text, TextStyle style,
              TextAnchor anchor) const;
  /// Adds one line of text (nothing for ""), recording its box.
  void AddText(double x, double baseline, const std::string& text, TextStyle style,
               TextAnchor anchor, Color color);
  /// Adds `lines` with the logical top of the first at `top`; returns the block's bottom.
  double AddLines(double x, double top, const std::vector<std::string>& lines, TextStyle style,
                  TextAnchor anchor, Color color);
  /// A white rectangle over `box` (slightly enlarged), so that a line running through a label
  /// added next is interrupted instead of crossing the text.
  void AddKnockout(const Box& box);
  /// True when `box` overlaps text added so far or leaves the canvas horizontally.
  bool Collides(const Box& box) const;

  void AddRect(double x, double y, double width, double height, Color fill);
  void AddLine(std::vector<std::pair<double, double>> points, Color stroke, double width,
               bool dashed = false);

  /// What has been added so far, to undo a layout attempt that did not work out.
  struct Checkpoint {
    size_t items = 0, text_boxes = 0;
  };
  Checkpoint Save() const { return {list_->items.size(), text_boxes_.size()}; }
  void Restore(Checkpoint c) {
    list_->items.resize(c.items);
    text_boxes_.resize(c.text_boxes);
  }

  /// Title (bold, wrapped) and subtitle at the top; returns the y where the chart starts.
  double AddHeader();
  /// One swatch and label per series, flowing into rows; returns the y below the legend.
  double AddLegend(double top);
  /// A key row for the reference marks: the target band's swatch and label (when the band has
  /// a label) and, with `with_target`, a dashed sample and the target label. Returns the y
  /// below it (`top` when there is nothing to show).
  double AddReferenceKey(double top, bool with_target);

  /// Nice ticks over [min, max] and their labels (spec.format_tick).
  ValueAxis MakeValueAxis(double min, double max, int desired) const;
  /// Horizontal grid lines and right-aligned tick labels left of `plot_left`. The zero line is
  /// left to the caller, which draws it above the bars.
  void AddValueGrid(const ValueAxis& axis, const LinearScale& y, double plot_left,
                    double plot_right);

  /// Fills the lines' width and height (lines set with LineAdvance of each line's style).
  void MeasureBlock(TextBlock* block) const;
  /// Adds a block's lines at (x, block.top), left-aligned; returns its bottom.
  double AddBlock(const TextBlock& block, double x);

 private:
  const ChartSpec& spec_;
  const Theme& theme_;
  const TextMeasurer& measurer_;
  DisplayList* list_;
  std::vector<Box> text_boxes_;
};

/// min and max over all present values, the target and the target band; {0, 0} when there
/// are none.
std::pair<double, double> ValueRange(const ChartSpec& spec);

/// Height of a value plot for a canvas `width`: about 0.4 of it, a multiple of `intervals` so
/// that every grid line falls on a whole pixel (crisp at 1x and 2x), and at least
/// `min_interval` per interval so that tick labels never touch.
double PlotHeight(double width, size_t intervals, double min_interval);

/// Positions blocks (sorted by desired centre, order kept) so they do not overlap, with `gap`
/// between them, staying within [min_top, max_bottom] when they fit there; when they do not,
/// they keep min_top and run over max_bottom.
void StackBlocks(std::vector<TextBlock*> blocks, double min_top, double max_bottom, double gap);

/// True for labels without letters (years, "2019/20", "2019-2023"): an ordered sequence, where
/// showing only every k-th label is clear.
bool LooksNumeric(const std::string& label);

/// Category labels centred under `centers` (spacing apart), wrapped to the spacing. When a word
/// alone is too wide and `may_skip` is set or all labels are numeric (years), every k-th label
/// is shown (counting back from the last) instead of breaking words. Returns the bottom.
double AddCategoryLabels(LayoutBuilder& b, const std::vector<double>& centers, double spacing,
                         double top, bool may_skip);

// One function per chart kind; each returns the bottom of its content.
double LayoutBarChart(LayoutBuilder& b);
double LayoutHorizontalBarChart(LayoutBuilder& b);
double LayoutLineChart(LayoutBuilder& b);
double LayoutDonutChart(LayoutBuilder& b);
/// Stacked (spec.stacked) and 100% stacked bars, vertical ("columns") and horizontal ("rows");
/// in layout_stacked.cc. The bar layouts hand stacked specs to these.
double LayoutStackedColumns(LayoutBuilder& b);
double LayoutStackedRows(LayoutBuilder& b);

}  // namespace jv::charts
