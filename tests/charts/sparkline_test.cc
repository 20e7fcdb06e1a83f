#include <catch2/catch.hpp>

#include <algorithm>

#include "charts/palette.h"
#include "map_fixtures.h"

namespace jv::charts {
namespace {

using testing::ItemsOf;

// Sparklines sit in KPI tiles: 120 px wide unless a test says otherwise.
DisplayList MustLayout(const ChartSpec& spec, double width = 120) {
  return testing::MustLayout(spec, width);
}

// The polylines in the series colour (not the target line).
std::vector<Polyline> DataLines(const DisplayList& list) {
  std::vector<Polyline> out;
  for (const Polyline& l : ItemsOf<Polyline>(list)) {
    if (l.stroke.Hex() == SeriesColor(0).Hex()) out.push_back(l);
  }
  return out;
}

TEST_CASE("Sparkline has no text and a small computed height", "[charts][sparkline]") {
  ChartSpec spec = testing::SparklineSpec();
  DisplayList list = MustLayout(spec);
  CHECK(list.width == 120);
  CHECK(list.height == 36);
  CHECK(ItemsOf<Text>(list).empty());
  // The title is not drawn but still names the image for screen readers.
  CHECK(list.title == spec.title);
  CHECK(PaintSvg(list).find("<title id=\"bereik-trend-title\">" + spec.title) != std::string::npos);
  CHECK(MustLayout(spec, 40).height >= 24);
}

TEST_CASE("Sparkline marks its last point and breaks at gaps", "[charts][sparkline]") {
  ChartSpec spec = testing::SparklineSpec();
  spec.series[0].values.back() = std::nullopt;  // the last present value is now 2022
  DisplayList list = MustLayout(spec);
  std::vector<Polyline> lines = DataLines(list);
  REQUIRE(lines.size() == 2);  // 2017-2018 and 2020-2022
  CHECK(lines[0].points.size() == 2);
  CHECK(lines[1].points.size() == 3);
  std::vector<Circle> dots = ItemsOf<Circle>(list);
  REQUIRE(dots.size() == 1);
  CHECK(dots[0].cx == Approx(lines[1].points.back().first));
  CHECK(dots[0].cy == Approx(lines[1].points.back().second));
}

TEST_CASE("Sparkline spans its minimum to maximum over the plot height", "[charts][sparkline]") {
  DisplayList list = MustLayout(testing::SparklineSpec());
  double top = list.height, bottom = 0;
  for (const Polyline& l : DataLines(list)) {
    for (const auto& [x, y] : l.points) {
      top = std::min(top, y);
      bottom = std::max(bottom, y);
      CHECK(x >= 0);
      CHECK(x <= list.width);
    }
  }
  CHECK(top == Approx(3));  // 97.0, the maximum
  CHECK(bottom == Approx(list.height - 3));  // 93.2, the minimum
}

TEST_CASE("Sparkline target is a thin dashed line inside the range", "[charts][sparkline]") {
  ChartSpec spec = testing::SparklineSpec();
  spec.target = 99;  // above every value: the scale must grow to show it
  DisplayList list = MustLayout(spec);
  std::vector<Polyline> dashed;
  for (const Polyline& l : ItemsOf<Polyline>(list)) {
    if (l.dashed) dashed.push_back(l);
  }
  REQUIRE(dashed.size() == 1);
  CHECK(dashed[0].stroke_width <= 1);
  CHECK(dashed[0].points[0].second == Approx(3));
}

TEST_CASE("Sparkline of one flat value sits in the middle", "[charts][sparkline]") {
  ChartSpec spec = testing::SparklineSpec();
  spec.categories = {"2023"};
  spec.series = {testing::MakeSeries("Bereik", {50})};
  DisplayList list = MustLayout(spec);
  std::vector<Circle> dots = ItemsOf<Circle>(list);
  REQUIRE(dots.size() == 1);
  CHECK(dots[0].cx == Approx(60));
  CHECK(dots[0].cy == Approx(list.height / 2));
}

TEST_CASE("Sparkline width limits and series are validated", "[charts][sparkline]") {
  ChartSpec spec = testing::SparklineSpec();
  Theme theme;
  theme.width = 39;
  CHECK_FALSE(Layout(spec, theme).ok());
  spec.series = {testing::MakeSeries("Leeg", {std::nullopt, std::nullopt, std::nullopt,
                                              std::nullopt, std::nullopt, std::nullopt,
                                              std::nullopt})};
  CHECK_FALSE(Layout(spec, Theme()).ok());
  // Other kinds keep their minimum width.
  theme.width = 120;
  CHECK_FALSE(Layout(testing::BarSpec(), theme).ok());
}

TEST_CASE("Sparkline paints the same SVG and PNG bytes twice", "[charts][sparkline]") {
  DisplayList a = MustLayout(testing::SparklineSpec()), b = MustLayout(testing::SparklineSpec());
  CHECK(PaintSvg(a) == PaintSvg(b));
  Result<std::string> png_a = PaintPng(a, 2), png_b = PaintPng(b, 2);
  REQUIRE(png_a.ok());
  REQUIRE(png_b.ok());
  CHECK(*png_a == *png_b);
  testing::MaybeWrite("sparkline.png", *png_a);
}

}  // namespace
}  // namespace jv::charts
