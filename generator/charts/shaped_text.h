#pragma once
// Lines of chart text set once per thread and drawn many times. Charts repeat the same tick
// labels, years, legend entries and units, and setting a line (itemising and shaping with Pango
// and HarfBuzz) costs far more than drawing it. Internal to the chart stage.

#include <pango/pangocairo.h>

#include <string>

#include "charts/text_measure.h"

namespace jv::charts {

/// One line of text set for one kind of target, ready for pango_cairo_show_layout.
struct ShapedLine {
  PangoLayout* layout = nullptr;  ///< owned by the thread's cache
  double left = 0;                ///< logical x, CSS pixels
  double width = 0;               ///< logical width
  double baseline = 0;            ///< from the top of the layout
};

/// This thread's line for `text` in `family` and `style`, set for drawing on `cr`. Lines are
/// kept per kind of surface and transformation: a context made from `cr` (then configured as in
/// ConfigurePangoContext) gives fonts that match what Cairo draws with, so drawing never makes
/// Cairo create fonts of its own; those shared between threads are what Cairo 1.16 trips over.
/// Valid until the next call on the same thread: a full cache is emptied before a line goes in.
const ShapedLine& ShapeLine(cairo_t* cr, const std::string& family, TextStyle style, const std::string& text);

}  // namespace jv::charts
