#pragma once
// Shared Pango set-up for the layout (measuring) and the Cairo painter (drawing). Keeping it in
// one place is what makes measured and drawn text agree. Internal to the chart stage.

#include <pango/pangocairo.h>

#include <string>

#include "charts/text_measure.h"

namespace jv::charts {

/// Turns off hinting and glyph-position rounding so text metrics scale exactly with the
/// device scale (PNG at 1x and 2x, PDF) and do not depend on the target surface.
void ConfigurePangoContext(PangoContext* context);

/// A new font description for `family` in `style`; free with pango_font_description_free.
PangoFontDescription* NewFontDescription(const std::string& family, TextStyle style);

}  // namespace jv::charts
