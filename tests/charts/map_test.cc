#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "charts/color_scale.h"
#include "charts/palette.h"
#include "map_fixtures.h"

namespace jv::charts {
namespace {

using testing::ItemsOf;
using testing::TextProblems;

using testing::MustLayout;

std::string LayoutError(const ChartSpec& spec) {
  Result<DisplayList> list = Layout(spec, Theme());
  return list.ok() ? "" : list.status().ToString();
}

// A tile as drawn: a square Rect (a value) or a square Polygon (no data). Legend swatches are
// smaller than any tile.
struct TileMark {
  double x = 0, y = 0, size = 0;
  Color fill;
  bool missing = false;
  bool Contains(const Text& t) const {
    return t.box_x >= x && t.box_y >= y && t.box_x + t.box_width <= x + size &&
           t.box_y + t.box_height <= y + size;
  }
};

std::vector<TileMark> Tiles(const DisplayList& list) {
  std::vector<TileMark> out;
  for (const Item& item : list.items) {
    if (const Rect* r = std::get_if<Rect>(&item); r && r->width == r->height && r->width >= 20) {
      out.push_back({r->x, r->y, r->width, r->fill, false});
    }
    const Polygon* p = std::get_if<Polygon>(&item);
    if (p && p->rings.size() == 1 && p->rings[0].size() == 4) {
      double size = p->rings[0][1].first - p->rings[0][0].first;
      if (size >= 20) out.push_back({p->rings[0][0].first, p->rings[0][0].second, size, p->fill, true});
    }
  }
  return out;
}

bool IsGrey(Color c) { return c.r == c.g && c.g == c.b; }

TEST_CASE("Tile map tiles land at their grid positions", "[charts][map]") {
  ChartSpec spec = testing::TileMapSpec();
  DisplayList list = MustLayout(spec);
  std::vector<TileMark> tiles = Tiles(list);
  REQUIRE(tiles.size() == spec.categories.size());
  // Drawn in category order; Nieuw-West (col 0) and Noord (row 0) fix the origin, Centrum
  // (col 1) the step, which leaves a small gap between tiles.
  double step = tiles[0].x - tiles[1].x;
  CHECK(step > tiles[0].size);
  CHECK(step < tiles[0].size * 1.1);
  double x0 = tiles[1].x, y0 = tiles[2].y;
  for (size_t i = 0; i < tiles.size(); ++i) {
    INFO(spec.categories[i]);
    CHECK(tiles[i].x - x0 == Approx(spec.tiles[i]->col * step));
    CHECK(tiles[i].y - y0 == Approx(spec.tiles[i]->row * step));
    CHECK(tiles[i].missing == !spec.series[0].values[i].has_value());
  }
}

TEST_CASE("Every tile on the map is a hotspot covering exactly its square", "[charts][map]") {
  ChartSpec spec = testing::TileMapSpec();
  DisplayList list = MustLayout(spec);
  std::vector<TileMark> tiles = Tiles(list);
  REQUIRE(list.hotspots.size() == tiles.size());
  for (size_t i = 0; i < tiles.size(); ++i) {
    const Hotspot& spot = list.hotspots[i];
    INFO(spec.categories[spot.category]);
    CHECK(spot.category == i);
    CHECK(spot.x == tiles[i].x);
    CHECK(spot.y == tiles[i].y);
    CHECK(spot.width == tiles[i].size);
    CHECK(spot.height == tiles[i].size);
  }
}

TEST_CASE("Tile map fills larger values darker", "[charts][map]") {
  ChartSpec spec = testing::TileMapSpec();
  std::vector<TileMark> tiles = Tiles(MustLayout(spec));
  for (size_t i = 0; i < tiles.size(); ++i) {
    for (size_t j = 0; j < tiles.size(); ++j) {
      const auto& vi = spec.series[0].values[i];
      const auto& vj = spec.series[0].values[j];
      if (!vi || !vj || *vi <= *vj) continue;
      INFO(spec.categories[i] << " vs " << spec.categories[j]);
      CHECK(RelativeLuminance(tiles[i].fill) < RelativeLuminance(tiles[j].fill));
    }
  }
}

TEST_CASE("Text on every tile reaches 4.5 to 1 against the tile fill", "[charts][map]") {
  ChartSpec spec = testing::TileMapSpec();
  // Values across the whole ramp, including the mid-tones where neither black nor white is easy.
  spec.series = {testing::MakeSeries("Aandeel", {0, 14, 28, 42, 57, 71, 85, 100})};
  for (ColorScale scale : {ColorScale::kSequential, ColorScale::kDiverging}) {
    spec.color_scale = scale;
    spec.scale_midpoint = 50;
    DisplayList list = MustLayout(spec);
    std::vector<TileMark> tiles = Tiles(list);
    for (const TileMark& tile : tiles) {
      int texts = 0;
      for (const Text& t : ItemsOf<Text>(list)) {
        if (!tile.Contains(t)) continue;
        ++texts;
        INFO(t.text << " on " << tile.fill.Hex());
        CHECK(ContrastRatio(t.fill, tile.fill) >= 4.5);
      }
      CHECK(texts >= 2);  // name and value
    }
  }
}

TEST_CASE("Missing values are drawn as no-data tiles with a key", "[charts][map]") {
  ChartSpec spec = testing::TileMapSpec();
  DisplayList list = MustLayout(spec);
  TileMark weesp = Tiles(list).back();
  CHECK(weesp.missing);
  CHECK(weesp.fill.Hex() == kNoDataFill.Hex());
  std::vector<std::string> inside;
  for (const Text& t : ItemsOf<Text>(list)) {
    if (weesp.Contains(t)) inside.push_back(t.text);
  }
  CHECK(inside == std::vector<std::string>{"Weesp", "–"});
  CHECK(testing::JoinedText(list).find("geen gegevens") != std::string::npos);
  // Hatch lines are the cue besides colour.
  auto lines = ItemsOf<Polyline>(list);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const Polyline& l) {
          return l.stroke.Hex() == kNoDataHatch.Hex();
        }) > 5);

  spec.missing_label = "";
  CHECK(testing::JoinedText(MustLayout(spec)).find("geen gegevens") == std::string::npos);
}

TEST_CASE("Diverging scale is neutral at the midpoint", "[charts][map]") {
  ColorRamp ramp(ColorScale::kDiverging, 0, 10, 4);  // lopsided on purpose
  Color mid = ramp(4);
  CHECK(IsGrey(mid));
  CHECK(RelativeLuminance(mid) > 0.85);
  CHECK(ramp(1).r > ramp(1).b);  // below: orange
  CHECK(ramp(9).b > ramp(9).r);  // above: blue
  // Equal distance, equal strength: the arms differ in hue, not in how far they go.
  CHECK(RelativeLuminance(ramp(0)) < RelativeLuminance(ramp(2)));
  CHECK(RelativeLuminance(ramp(10)) < RelativeLuminance(ramp(7)));

  ChartSpec spec = testing::TileMapSpec();
  spec.color_scale = ColorScale::kDiverging;
  spec.scale_midpoint = 88.1;  // Centrum's value, e.g. the city average
  DisplayList list = MustLayout(spec);
  TileMark centrum = Tiles(list)[0];
  CHECK(IsGrey(centrum.fill));
  Result<std::string> png = PaintPng(list, 2);
  REQUIRE(png.ok());
  testing::MaybeWrite("diverging.png", *png);
  ColorRamp spec_ramp = ColorRamp::ForSpec(spec);
  CHECK(std::count(spec_ramp.steps().begin(), spec_ramp.steps().end(), 88.1) == 1);
}

TEST_CASE("Ramp steps are distinguishable and the darkest reaches 3 to 1", "[charts][map]") {
  for (ColorScale scale : {ColorScale::kSequential, ColorScale::kDiverging}) {
    ChartSpec spec = testing::TileMapSpec();
    spec.color_scale = scale;
    spec.scale_midpoint = 85;
    ColorRamp ramp = ColorRamp::ForSpec(spec);
    const std::vector<double>& steps = ramp.steps();
    REQUIRE(steps.size() >= 3);
    REQUIRE(steps.size() <= 7);
    CHECK(steps.front() <= 76.8);
    CHECK(steps.back() >= 91.7);
    double darkest = 1;
    for (size_t i = 0; i + 1 < steps.size(); ++i) {
      INFO("steps " << steps[i] << " and " << steps[i + 1]);
      // Neighbouring legend swatches differ clearly in lightness (or, across the midpoint of a
      // diverging ramp, in hue as well).
      CHECK(ContrastRatio(ramp(steps[i]), ramp(steps[i + 1])) >= 1.2);
    }
    for (double s : steps) darkest = std::min(darkest, RelativeLuminance(ramp(s)));
    CHECK((1.05 / (darkest + 0.05)) >= 3);
  }
}

TEST_CASE("Maps keep all text inside and apart at every width", "[charts][map]") {
  for (double width : {200.0, 240.0, 320.0, 480.0, 640.0, 1000.0}) {
    for (const ChartSpec& spec : {testing::TileMapSpec(), testing::ChoroplethSpec()}) {
      INFO(spec.id << " at width " << width);
      DisplayList list = MustLayout(spec, width);
      CHECK(TextProblems(list) == "");
      if (width == 240) testing::MaybeWrite(spec.id + "-240.png", *PaintPng(list, 2));
    }
  }
}

TEST_CASE("Long area names are wrapped or abbreviated inside their tile", "[charts][map]") {
  ChartSpec spec = testing::TileMapSpec();
  spec.categories[0] = "Centrum-Binnenstad en Grachtengordel";
  spec.categories[1] = "Geuzenveld-Slotermeer";
  for (double width : {240.0, 640.0}) {
    DisplayList list = MustLayout(spec, width);
    CHECK(TextProblems(list) == "");
    for (const TileMark& tile : Tiles(list)) {
      for (const Text& t : ItemsOf<Text>(list)) {
        bool overlaps = t.box_x < tile.x + tile.size && tile.x < t.box_x + t.box_width &&
                        t.box_y < tile.y + tile.size && tile.y < t.box_y + t.box_height;
        if (overlaps) CHECK(tile.Contains(t));
      }
    }
  }
}

TEST_CASE("Choropleth keeps the aspect ratio and stays inside the canvas", "[charts][map]") {
  ChartSpec spec = testing::ChoroplethSpec();
  for (double width : {240.0, 640.0}) {
    DisplayList list = MustLayout(spec, width);
    std::vector<Polygon> areas;
    for (const Polygon& p : ItemsOf<Polygon>(list)) {
      if (p.rings.size() == 1 && p.rings[0].size() == 4 &&
          p.rings[0][1].first - p.rings[0][0].first >= 20) {
        areas.push_back(p);
      }
    }
    REQUIRE(areas.size() == spec.shapes.size());
    for (const Polygon& p : areas) {
      const auto& r = p.rings[0];
      // Squares on the ground stay squares on the screen.
      CHECK(r[1].first - r[0].first == Approx(r[2].second - r[1].second).epsilon(0.01));
      for (const auto& [x, y] : r) {
        CHECK(x >= 0);
        CHECK(x <= list.width);
        CHECK(y >= 0);
        CHECK(y <= list.height);
      }
    }
    CHECK(areas.back().fill.Hex() == kNoDataFill.Hex());
    CHECK(RelativeLuminance(areas[2].fill) < RelativeLuminance(areas[3].fill));  // 15.2 vs 6.1
  }
}

TEST_CASE("Choropleth labels sit inside their areas or are left out", "[charts][map]") {
  ChartSpec spec = testing::ChoroplethSpec();
  DisplayList wide = MustLayout(spec, 640);
  std::string all = testing::JoinedText(wide);
  for (const std::string& name : spec.categories) CHECK(all.find(name) != std::string::npos);
  CHECK(all.find("12,0%") != std::string::npos);
  // At 200 pixels the areas are too small for names; whatever is shown must not overlap.
  DisplayList narrow = MustLayout(spec, 200);
  CHECK(TextProblems(narrow) == "");
  CHECK(testing::JoinedText(narrow).find("Noordmidden") == std::string::npos);
}

TEST_CASE("A concave area gets its label inside not at its centroid", "[charts][map]") {
  ChartSpec spec = testing::ChoroplethSpec();
  spec.categories = {"Hoefijzer"};
  spec.series = {testing::MakeSeries("Overgewicht", {9.0})};
  // A U shape: the centroid lies in the notch, outside the area.
  spec.shapes = {{{{4.80, 52.40}, {4.86, 52.40}, {4.86, 52.32}, {4.84, 52.32}, {4.84, 52.38},
                   {4.82, 52.38}, {4.82, 52.32}, {4.80, 52.32}}}};
  DisplayList list = MustLayout(spec);
  std::vector<Text> texts = ItemsOf<Text>(list);
  auto value = std::find_if(texts.begin(), texts.end(),
                            [](const Text& t) { return t.text == "9,0%"; });
  REQUIRE(value != texts.end());
  CHECK(value->fill.Hex() == MapTextColor(ItemsOf<Polygon>(list)[0].fill).Hex());
}

TEST_CASE("Map specs with unusable fields are rejected with a message", "[charts][map]") {
  ChartSpec spec = testing::TileMapSpec();
  spec.tiles[3] = Tile{1, 1};
  CHECK(LayoutError(spec).find("takes a position") != std::string::npos);
  spec = testing::TileMapSpec();
  spec.tiles.pop_back();
  CHECK(LayoutError(spec).find("one tile") != std::string::npos);
  spec = testing::TileMapSpec();
  spec.color_scale = ColorScale::kDiverging;
  CHECK(LayoutError(spec).find("scale_midpoint") != std::string::npos);
  spec = testing::ChoroplethSpec();
  spec.shapes[0][0].resize(2);
  CHECK(LayoutError(spec).find("fewer than 3") != std::string::npos);
  spec = testing::ChoroplethSpec();
  spec.series.push_back(spec.series[0]);
  CHECK(LayoutError(spec).find("exactly one series") != std::string::npos);
}

TEST_CASE("Maps paint the same SVG and PNG bytes twice", "[charts][map]") {
  for (const ChartSpec& spec : {testing::TileMapSpec(), testing::ChoroplethSpec()}) {
    INFO(spec.id);
    testing::MaybeWrite(spec.id + ".png", testing::CheckSameBytesTwice(spec));
  }
}

}  // namespace
}  // namespace jv::charts
