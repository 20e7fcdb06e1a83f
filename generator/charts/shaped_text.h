#pragma once
// Lines of chart text set once per thread and drawn many times. Charts repeat the same tick
// labels, years, legend entries and units, and setting a line (itemising and shaping with Pango
// and HarfBuzz) costs far more than drawing it. Internal to the chart stage.

#include <pango/pangocairo.h>

#include <string>

#include "charts/text_measure.h"

namespace jv::charts {

/// One line of text set in this thread's Pango context (see ConfigurePangoContext), which has
/// no target: what it measures holds for every surface and scale.
struct ShapedLine {
  PangoLayout* layout = nullptr;  ///< owned by the thread's cache
  double width = 0;               ///< logical width, CSS pixels
  double baseline = 0;            ///< from the top of the layout
};

/// This thread's line for `text` in `family` and `style`. Valid until the next call on the same
/// thread: a full cache is emptied before a new line goes in.
const ShapedLine& ShapeLine(const std::string& family, TextStyle style, const std::string& text);

/// Draws `line` on `cr` with the left end of its baseline at (x, y). The glyphs are the line's;
/// the fonts are those a context made from `cr` loads, so Cairo draws with fonts made for its
/// target and never makes its own, which with fonts shared between threads trips Cairo 1.16.
void ShowLine(cairo_t* cr, const ShapedLine& line, double x, double y);

}  // namespace jv::charts
