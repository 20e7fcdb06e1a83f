#pragma once
// The chart stage's public functions: one layout, several painters.

#include <string>
#include <utility>

#include "base/status.h"
#include "charts/chart.h"
#include "charts/display_list.h"

namespace jv::charts {

/// Layout settings. Defaults suit a chart in the main column of a page.
struct Theme {
  std::string font_family = "Inter";  ///< must resolve to exactly this family, else an error
  double width = 640;                  ///< CSS pixels
  double font_size = 13;               ///< labels; titles are larger
};

/// Measures text with Pango and positions every mark. Errors: a font that does not resolve to
/// theme.font_family, a spec whose series do not match its categories.
Result<DisplayList> Layout(const ChartSpec& spec, const Theme& theme);

/// SVG with real <text>, role="img", <title> and <desc>; every id starts with list.id + "-".
std::string PaintSvg(const DisplayList& list);

/// PNG bytes at `scale` × the CSS size (2 for retina), painted by Cairo.
Result<std::string> PaintPng(const DisplayList& list, double scale);

/// PNG bytes at 2× and at 1× the CSS size, in that order. Painted once: the 1× picture is the
/// 2× one averaged over blocks of 2 × 2 pixels, a fraction of the cost of painting it again.
Result<std::pair<std::string, std::string>> PaintPng2xAnd1x(const DisplayList& list);

/// PDF bytes, painted by Cairo; no timestamps, so equal input gives equal bytes.
Result<std::string> PaintPdf(const DisplayList& list);

/// A social-media preview image (Open Graph, 1200 × 630 px PNG): `title` large on the
/// organisation's colour band, `subtitle` below it, in the charts' font.
Result<std::string> PaintSocialCard(const std::string& title, const std::string& subtitle,
                                    const Theme& theme);

/// Loads what painting text in theme.font_family needs on the calling thread (fontconfig, the
/// thread's fonts and glyphs) by painting a small chart and throwing it away, so that a thread
/// that is idle now paints its first real chart without that wait. Errors are left to the
/// real charts to report.
void WarmUp(const Theme& theme);

/// The font file fontconfig resolves for `family` (regular weight), so the web pages can use
/// the same font the charts were measured with. Error when the family is not installed.
Result<std::string> FontFile(const std::string& family, bool bold);

}  // namespace jv::charts
