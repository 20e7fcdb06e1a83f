// Tile maps: every area is an equal square at its grid position (ChartSpec::tiles), filled by
// its value on a colour ramp, with its name and value inside. Equal squares let small, dense
// districts count as much as large empty ones, and the labels make colour only one cue.

#include <algorithm>
#include <cmath>

#include "charts/layout_map.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

constexpr double kMaxTile = 120;  // larger squares only add empty space

struct Grid {
  int cols = 0, rows = 0;
  double tile = 0, left = 0, top = 0;
  Box TileBox(const Tile& t) const {
    return {left + t.col * (tile + kTileGap), top + t.row * (tile + kTileGap), tile, tile};
  }
  double bottom() const { return top + rows * tile + (rows - 1) * kTileGap; }
};

Grid MakeGrid(const LayoutBuilder& b, const ChartSpec& spec, double top) {
  Grid g;
  for (const std::optional<Tile>& t : spec.tiles) {
    if (!t) continue;
    g.cols = std::max(g.cols, t->col + 1);
    g.rows = std::max(g.rows, t->row + 1);
  }
  double room = (b.content_width() - (g.cols - 1) * kTileGap) / g.cols;
  // Whole pixels keep tile edges crisp in the PNG.
  g.tile = std::floor(std::min(room, kMaxTile));
  double width = g.cols * g.tile + (g.cols - 1) * kTileGap;
  g.left = std::round(b.left() + (b.content_width() - width) / 2);
  g.top = std::round(top);
  return g;
}

// The area name (wrapped or abbreviated) and below it the value, centred in `box`. The value
// gets priority: when both do not fit, the name gives way (the table still has it).
void AddTileText(LayoutBuilder& b, const Box& box, size_t i, Color color) {
  const ChartSpec& spec = b.spec();
  double inner = box.width - 2 * kTileGap;
  std::string value = MapValueLabel(spec, i);
  TextStyle value_style{b.LabelStyle().size, true};
  if (b.Width(value, value_style) > inner) value_style = {b.TickStyle().size, true};
  bool show_value = !value.empty() && b.Width(value, value_style) <= inner &&
                    b.LineHeight(value_style) <= inner;
  double value_height = show_value ? b.measurer().LineAdvance(value_style) : 0;
  FittedLabel name = FitLabel(b, spec.categories[i], inner, inner - value_height, 2);

  // Lines stand LineAdvance apart, as in a wrapped block.
  double gap = name.lines.empty() || !show_value
                   ? 0
                   : b.measurer().LineAdvance(name.style) - b.LineHeight(name.style);
  double height = b.BlockHeight(name.lines.size(), name.style) + gap +
                  (show_value ? b.LineHeight(value_style) : 0);
  double cx = box.x + box.width / 2;
  double y = box.y + (box.height - height) / 2;
  if (!name.lines.empty()) {
    y = b.AddLines(cx, y, name.lines, name.style, TextAnchor::kMiddle, color) + gap;
  }
  if (show_value) {
    b.AddText(cx, y + b.Ascent(value_style), value, value_style, TextAnchor::kMiddle, color);
  }
}

}  // namespace

double LayoutTileMap(LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  double top = b.AddHeader();
  Grid grid = MakeGrid(b, spec, top);
  ColorRamp ramp = ColorRamp::ForSpec(spec);
  // Squares first, text after: no square can cover a label.
  std::vector<std::pair<size_t, Color>> texts;
  for (size_t i = 0; i < spec.categories.size(); ++i) {
    if (!spec.tiles[i]) continue;
    Box box = grid.TileBox(*spec.tiles[i]);
    b.list().hotspots.push_back({i, box.x, box.y, box.width, box.height});
    if (IsMissing(spec, i)) {
      AddNoDataBox(b, box);
      texts.emplace_back(i, ui::kText);  // 11:1 on the no-data grey
      continue;
    }
    Color fill = ramp(*spec.series[0].values[i]);
    b.AddRect(box.x, box.y, box.width, box.height, fill);
    texts.emplace_back(i, MapTextColor(fill));
  }
  for (const auto& [i, color] : texts) AddTileText(b, grid.TileBox(*spec.tiles[i]), i, color);
  return AddScaleLegend(b, ramp, grid.bottom() + 16);
}

}  // namespace jv::charts
