// The Open Graph preview image of a page: a plain card with the page title and the
// organisation, laid out with the same measurer as the charts and painted by Cairo.

#include "charts/palette.h"
#include "charts/render.h"
#include "charts/text_measure.h"

namespace jv::charts {
namespace {

constexpr double kWidth = 1200, kHeight = 630, kMargin = 80;
const Color kBand{0, 79, 159};  // the site's accent colour
const Color kWhite{255, 255, 255};

// Adds `lines` from `top` downwards; returns the baseline of the last line.
double AddLines(DisplayList* list, const TextMeasurer& measurer, const std::vector<std::string>& lines,
                TextStyle style, double top) {
  double baseline = top;
  for (const std::string& line : lines) {
    baseline += measurer.LineAdvance(style);
    Text text;
    text.x = kMargin;
    text.y = baseline;
    text.text = line;
    text.font_size = style.size;
    text.bold = style.bold;
    text.fill = kWhite;
    list->items.emplace_back(text);
  }
  return baseline;
}

}  // namespace

Result<std::string> PaintSocialCard(const std::string& title, const std::string& subtitle,
                                    const Theme& theme) {
  JV_ASSIGN_OR_RETURN(const TextMeasurer* measurer, SharedMeasurer(theme.font_family));
  DisplayList list;
  list.id = "card";
  list.width = kWidth;
  list.height = kHeight;
  list.font_family = measurer->family();
  list.title = title;
  list.items.emplace_back(Rect{0, 0, kWidth, kHeight, kBand});
  // The title shrinks until it fits in four lines; very long titles are cut after the fourth.
  TextStyle title_style{64, true};
  std::vector<std::string> lines = measurer->Wrap(title, title_style, kWidth - 2 * kMargin);
  while (lines.size() > 4 && title_style.size > 40) {
    title_style.size -= 6;
    lines = measurer->Wrap(title, title_style, kWidth - 2 * kMargin);
  }
  if (lines.size() > 4) lines.resize(4);
  double bottom = AddLines(&list, *measurer, lines, title_style, kMargin);
  TextStyle subtitle_style{34, false};
  std::vector<std::string> sub = measurer->Wrap(subtitle, subtitle_style, kWidth - 2 * kMargin);
  if (sub.size() > 2) sub.resize(2);
  AddLines(&list, *measurer, sub, subtitle_style, bottom + 24);
  return PaintPng(list, 1.0);
}

}  // namespace jv::charts
