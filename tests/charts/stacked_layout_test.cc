// Layout checks for the variants of issue 4: stacked and 100% stacked bars, target bands and
// donuts with small slices.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "charts/palette.h"
#include "variant_fixtures.h"

namespace jv::charts {
namespace {

using testing::ItemsOf;
using testing::TextProblems;

using testing::MustLayout;

bool HasText(const DisplayList& list, const std::string& text) {
  std::vector<Text> texts = ItemsOf<Text>(list);
  return std::any_of(texts.begin(), texts.end(), [&](const Text& t) { return t.text == text; });
}

// Rectangles in a series colour (bars, segments and legend swatches).
std::vector<Rect> RectsOf(const DisplayList& list, size_t series) {
  std::vector<Rect> out;
  for (const Rect& r : ItemsOf<Rect>(list)) {
    if (r.fill.Hex() == SeriesColor(series).Hex()) out.push_back(r);
  }
  return out;
}

TEST_CASE("Every variant lays out with all text inside and no overlaps", "[charts]") {
  for (double width : {240.0, 320.0, 480.0, 640.0, 1000.0}) {
    for (const ChartSpec& spec : testing::AllVariants()) {
      INFO(spec.id << " at width " << width);
      DisplayList list = MustLayout(spec, width);
      CHECK(list.height > 100);
      CHECK(TextProblems(list) == "");
    }
  }
}

TEST_CASE("Every variant gives the same bytes twice", "[charts]") {
  for (const ChartSpec& spec : testing::AllVariants()) {
    INFO(spec.id);
    testing::CheckSameBytesTwice(spec);
  }
}

TEST_CASE("Stacked columns put segments in series order with totals", "[charts]") {
  DisplayList list = MustLayout(testing::StackedBarSpec());
  // Legend swatch plus one segment per category (2020 has a gap: no home-visit segment).
  CHECK(RectsOf(list, 0).size() == 1 + 5);
  CHECK(RectsOf(list, 2).size() == 1 + 4);
  std::vector<Rect> first = RectsOf(list, 0), second = RectsOf(list, 1);
  // Series 0 sits at the baseline, series 1 directly above it (y grows downwards).
  CHECK(second[1].y + second[1].height < first[1].y + 0.01);
  CHECK(first[1].y + first[1].height > second[1].y + second[1].height);
  for (const char* total : {"11.750", "10.800", "13.000", "13.500", "13.750"}) {
    INFO(total);
    CHECK(HasText(list, total));
  }
  CHECK(HasText(list, "8.200"));  // a segment label that fits inside
}

TEST_CASE("Segment labels contrast with their segment", "[charts]") {
  for (const ChartSpec& spec : {testing::StackedBarSpec(), testing::StackedHorizontalBarSpec()}) {
    DisplayList list = MustLayout(spec);
    std::vector<Rect> rects = ItemsOf<Rect>(list);
    size_t inside = 0;
    for (const Text& t : ItemsOf<Text>(list)) {
      for (const Rect& r : rects) {
        bool within = t.box_x >= r.x && t.box_x + t.box_width <= r.x + r.width &&
                      t.box_y >= r.y && t.box_y + t.box_height <= r.y + r.height;
        if (!within || r.fill.Hex() == "#ffffff") continue;
        ++inside;
        INFO(t.text);
        CHECK(ContrastRatio(t.fill, r.fill) >= 4.5);
      }
    }
    CHECK(inside >= 8);
  }
}

TEST_CASE("A 100 percent stack fills the axis from 0 to 100 percent", "[charts]") {
  DisplayList list = MustLayout(testing::PercentStackedBarSpec());
  CHECK(HasText(list, "0%"));
  CHECK(HasText(list, "100%"));  // Count(100) = "100", with "%" appended
  CHECK_FALSE(HasText(list, "11.750"));  // no totals
  // Every column reaches the same top: that of its highest segment.
  std::map<long, double> tops;  // by the column's left edge
  for (size_t s = 0; s < 4; ++s) {
    for (const Rect& r : RectsOf(list, s)) {
      if (r.width == 12) continue;  // legend swatch
      long column = std::lround(r.x);
      tops[column] = tops.count(column) ? std::min(tops[column], r.y) : r.y;
    }
  }
  REQUIRE(tops.size() == 5);
  for (const auto& [x, top] : tops) CHECK(top == Approx(tops.begin()->second).margin(0.01));
}

TEST_CASE("Negative values in a stack are rejected", "[charts]") {
  ChartSpec spec = testing::StackedBarSpec();
  spec.series[1].values[2] = -5;
  Result<DisplayList> list = Layout(spec, Theme());
  REQUIRE_FALSE(list.ok());
  CHECK(list.status().ToString().find("negative") != std::string::npos);
  CHECK(list.status().ToString().find("Telefoon") != std::string::npos);

  ChartSpec line = testing::LineSpec();
  line.stacked = true;
  CHECK_FALSE(Layout(line, Theme()).ok());
  ChartSpec percent_only = testing::StackedBarSpec();
  percent_only.stacked = false;
  percent_only.percent_stacked = true;
  CHECK_FALSE(Layout(percent_only, Theme()).ok());
}

TEST_CASE("A target band is rejected when reversed or on a donut", "[charts]") {
  ChartSpec reversed = testing::BarBandSpec();
  reversed.target_band = std::make_pair(97.0, 93.0);
  CHECK_FALSE(Layout(reversed, Theme()).ok());
  ChartSpec donut = testing::DonutSpec();
  donut.target_band = std::make_pair(1.0, 2.0);
  CHECK_FALSE(Layout(donut, Theme()).ok());
}

TEST_CASE("A target band lies behind the marks with its label", "[charts]") {
  for (const ChartSpec& spec :
       {testing::BarBandSpec(), testing::LineBandSpec(), testing::PercentStackedHorizontalBarSpec()}) {
    INFO(spec.id);
    DisplayList list = MustLayout(spec);
    CHECK(HasText(list, spec.target_band_label));
    // The band: the first item in the band colour that is not the key swatch (18 wide).
    size_t band = list.items.size(), first_mark = list.items.size();
    for (size_t i = 0; i < list.items.size(); ++i) {
      const Rect* r = std::get_if<Rect>(&list.items[i]);
      if (r && r->fill.Hex() == ui::kBand.Hex() && r->width != 18 && band == list.items.size()) {
        band = i;
      }
      bool mark = (r && r->fill.Hex() == SeriesColor(0).Hex() && r->width != 12) ||
                  (!r && std::holds_alternative<Circle>(list.items[i]));
      if (mark && first_mark == list.items.size()) first_mark = i;
    }
    CHECK(band < first_mark);
  }
}

TEST_CASE("Small donut slices keep a readable label with their value", "[charts]") {
  ChartSpec spec = testing::DonutSmallSlicesSpec();
  for (double width : {240.0, 640.0}) {
    DisplayList list = MustLayout(spec, width);
    CHECK(TextProblems(list) == "");
    for (size_t i = 0; i < spec.categories.size(); ++i) {
      INFO(spec.categories[i]);
      CHECK(HasText(list, spec.categories[i]));
      CHECK(HasText(list, spec.series[0].value_labels[i]));
    }
    for (const Text& t : ItemsOf<Text>(list)) CHECK(t.font_size >= 12);
    // Shares adding up to 100.5% are drawn as given: the slices close the circle exactly.
    std::vector<Arc> arcs = ItemsOf<Arc>(list);
    REQUIRE(arcs.size() == spec.categories.size());
    CHECK(arcs.back().end_angle < 6.2832);
    CHECK(arcs.back().end_angle > 6.27);
  }
}

}  // namespace
}  // namespace jv::charts
