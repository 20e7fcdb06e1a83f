// Sparklines: a word-sized line for KPI tiles. No title, axes or text (the title still becomes
// the SVG <title>, and the KPI tile around it shows the value); the lowest and highest value
// span the full height, gaps break the line, the last point gets a dot.

#include <algorithm>
#include <cmath>

#include "charts/layout_map.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

constexpr double kMargin = 3;  // room for the end dot and the line's round-off
constexpr double kLineWidth = 1.5;
constexpr double kDotRadius = 2.5;

}  // namespace

double LayoutSparkline(LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  const Series& series = spec.series[0];
  double width = b.list().width;
  // About 3:10, whole pixels, within the sizes a line of text can carry.
  double height = std::clamp(std::round(width * 0.3), 24.0, 48.0);
  double left = kMargin, right = width - kMargin, top = kMargin, bottom = height - kMargin;

  auto [lo, hi] = ValueRange(spec);  // includes the target, so its line stays visible
  // A flat series sits in the middle instead of on an edge.
  LinearScale y = hi > lo ? LinearScale(lo, hi, bottom, top)
                          : LinearScale(lo - 1, lo + 1, bottom, top);
  size_t n = spec.categories.size();
  auto x = [&](size_t i) {
    return n > 1 ? left + (right - left) * static_cast<double>(i) / static_cast<double>(n - 1)
                 : (left + right) / 2;
  };
  if (spec.target) {
    b.AddLine({{left, y(*spec.target)}, {right, y(*spec.target)}}, ui::kSubtleText, 1, true);
  }
  Color color = SeriesColor(0);
  std::vector<std::pair<double, double>> run;
  int last = -1;
  for (size_t i = 0; i <= n; ++i) {
    bool present = i < n && series.values[i].has_value();
    if (present) {
      run.emplace_back(x(i), y(*series.values[i]));
      last = static_cast<int>(i);
      continue;
    }
    if (run.size() >= 2) b.AddLine(run, color, kLineWidth);
    // A point alone between gaps would be invisible as a line; the last one gets the end dot.
    if (run.size() == 1 && last != static_cast<int>(i) - 1) {
      b.list().items.emplace_back(Circle{run[0].first, run[0].second, 1.25, color});
    }
    run.clear();
  }
  if (last >= 0) {
    b.list().items.emplace_back(
        Circle{x(static_cast<size_t>(last)), y(*series.values[static_cast<size_t>(last)]),
               kDotRadius, color});
  }
  return height - kPadding;
}

}  // namespace jv::charts
