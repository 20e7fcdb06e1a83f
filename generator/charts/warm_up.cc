// WarmUp: a small chart painted only for what painting it loads.

#include "charts/render.h"

namespace jv::charts {

void WarmUp(const Theme& theme) {
  ChartSpec spec;
  spec.id = "warm-up";
  spec.kind = ChartKind::kBar;
  spec.title = "Opwarmen 2023";
  spec.subtitle = "Aantal (x 1.000)";
  spec.categories = {"2022", "2023"};
  spec.series.push_back({"Totaal", {12.5, 98.8}, {"12,5", "98,8%"}});
  spec.format_tick = [](double value) { return std::to_string(static_cast<int>(value)); };
  Result<DisplayList> list = Layout(spec, theme);
  if (!list.ok()) return;  // the real charts report it
  (void)PaintPng2xAnd1x(*list);
  (void)PaintPdf(*list);
}

}  // namespace jv::charts
