#pragma once
// Lines of chart text set once per thread and drawn many times. Charts repeat the same tick
// labels, years, legend entries and units, and setting a line (itemising and shaping with Pango
// and HarfBuzz) costs far more than drawing it. Internal to the chart stage.

#include <pango/pangocairo.h>

#include <string>

#include "charts/text_measure.h"

namespace jv::charts {

/// One line of text set in this thread's Pango context (see ConfigurePangoContext), ready for
/// pango_cairo_show_layout on any surface at any scale: that context has no surface or
/// transformation, and its font options keep the metrics independent of both.
struct ShapedLine {
  PangoLayout* layout = nullptr;  ///< owned by the thread's cache
  double left = 0;                ///< logical x, CSS pixels
  double width = 0;               ///< logical width
  double baseline = 0;            ///< from the top of the layout
};

/// This thread's line for `text` in `family` and `style`. Valid until the next call on the same
/// thread: a full cache is emptied before a new line goes in.
const ShapedLine& ShapeLine(const std::string& family, TextStyle style, const std::string& text);

}  // namespace jv::charts
