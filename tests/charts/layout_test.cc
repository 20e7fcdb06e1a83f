#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "chart_fixtures.h"

namespace jv::charts {
namespace {

using testing::ItemsOf;
using testing::TextProblems;

std::string WithoutSpaces(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

using testing::MustLayout;

TEST_CASE("Every chart kind lays out with all text inside and no overlaps", "[charts]") {
  for (double width : {240.0, 320.0, 480.0, 640.0, 1000.0}) {
    for (const ChartSpec& spec : testing::AllKinds()) {
      DisplayList list = MustLayout(spec, width);
      INFO(spec.id << " at width " << width);
      CHECK(list.width == width);
      CHECK(list.height > 100);
      CHECK(TextProblems(list) == "");
    }
  }
}

TEST_CASE("The overlap check notices overlapping text", "[charts]") {
  // Guards the guard: the check above must be able to fail.
  DisplayList list = MustLayout(testing::BarSpec());
  std::vector<Text> texts = ItemsOf<Text>(list);
  REQUIRE(texts.size() >= 2);
  Text copy = texts[0];
  copy.text = "copy";
  list.items.emplace_back(copy);
  CHECK_FALSE(TextProblems(list).empty());
  Text outside = texts[1];
  outside.box_x = list.width - 1;
  list.items = {outside};
  CHECK_FALSE(TextProblems(list).empty());
}

TEST_CASE("Long category labels are wrapped onto several lines not cut", "[charts]") {
  const std::string long_label =
      "Zorgen over de ontwikkeling van taal en spraak bij jonge kinderen in de wijk";
  for (ChartKind kind : {ChartKind::kBar, ChartKind::kHorizontalBar, ChartKind::kDonut}) {
    ChartSpec spec = testing::BaseSpec("lang", kind);
    spec.categories = {long_label, "Kort", long_label + " en omgeving", "Onderwijsondersteuningsprofielen"};
    spec.series = {testing::MakeSeries("Aandeel", {40, 30, 20, 10})};
    for (double width : {280.0, 640.0}) {
      DisplayList list = MustLayout(spec, width);
      INFO("kind " << static_cast<int>(kind) << " width " << width);
      CHECK(TextProblems(list) == "");
      std::string all = WithoutSpaces(testing::JoinedText(list));
      for (const std::string& category : spec.categories) {
        CHECK(all.find(WithoutSpaces(category)) != std::string::npos);
      }
      // The long label needs more than one line, so no single text holds all of it.
      for (const Text& t : ItemsOf<Text>(list)) CHECK(t.text != long_label);
    }
  }
}

TEST_CASE("A long title wraps and stays inside the canvas", "[charts]") {
  ChartSpec spec = testing::BarSpec();
  spec.title = "Een heel lange titel over het bereik van alle jeugdgezondheidszorg in de stad "
               "Amsterdam en Weesp in het jaar 2023 vergeleken met eerdere jaren";
  DisplayList list = MustLayout(spec, 320);
  int bold_lines = 0;
  for (const Text& t : ItemsOf<Text>(list)) bold_lines += t.bold && t.font_size > 13 ? 1 : 0;
  CHECK(bold_lines >= 3);
  CHECK(TextProblems(list) == "");
}

TEST_CASE("Negative values get bars below the zero line", "[charts]") {
  ChartSpec spec = testing::BaseSpec("saldo", ChartKind::kBar);
  spec.categories = {"2020", "2021", "2022", "2023"};
  spec.series = {testing::MakeSeries("Saldo", {-12.5, 4, -30, 18})};
  DisplayList list = MustLayout(spec);
  CHECK(TextProblems(list) == "");
  std::vector<Rect> bars;
  for (const Rect& r : ItemsOf<Rect>(list)) {
    if (r.fill.Hex() != "#ffffff") bars.push_back(r);
  }
  REQUIRE(bars.size() == 4);
  // Bars of -12.5 and 4 share the zero line: one ends there at the top, the other at the bottom.
  CHECK(bars[0].y == Approx(bars[1].y + bars[1].height).margin(0.01));
  CHECK(bars[2].height > bars[0].height * 2);  // -30 is longer than -12.5
  CHECK(testing::JoinedText(list).find("-30,0%") != std::string::npos);

  for (ChartKind kind : {ChartKind::kHorizontalBar, ChartKind::kLine}) {
    spec.kind = kind;
    INFO("kind " << static_cast<int>(kind));
    CHECK(TextProblems(MustLayout(spec)) == "");
    CHECK(TextProblems(MustLayout(spec, 300)) == "");
  }
}

TEST_CASE("Bars carry their value labels", "[charts]") {
  DisplayList list = MustLayout(testing::BarSpec());
  std::string all = testing::JoinedText(list);
  for (const char* label : {"96,2%", "91,5%", "97,1%", "98,0%", "98,8%"}) {
    CHECK(all.find(label) != std::string::npos);
  }
}

TEST_CASE("The target is a dashed line with its label", "[charts]") {
  for (const ChartSpec& spec : {testing::BarSpec(), testing::HorizontalBarSpec(), testing::LineSpec()}) {
    DisplayList list = MustLayout(spec);
    INFO(spec.id);
    std::vector<Polyline> lines = ItemsOf<Polyline>(list);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const Polyline& p) { return p.dashed; }) == 1);
    CHECK(testing::JoinedText(list).find(spec.target_label) != std::string::npos);
  }
}

TEST_CASE("A legend appears only for several bar series", "[charts]") {
  auto swatches = [](const DisplayList& list) {
    std::vector<Rect> rects = ItemsOf<Rect>(list);
    return std::count_if(rects.begin(), rects.end(),
                         [](const Rect& r) { return r.width == 12 && r.height == 12; });
  };
  CHECK(swatches(MustLayout(testing::BarSpec())) == 0);
  DisplayList grouped = MustLayout(testing::GroupedBarSpec());
  CHECK(swatches(grouped) == 3);
  CHECK(testing::JoinedText(grouped).find("2024") != std::string::npos);
  // Line charts name their lines at the line ends instead.
  DisplayList line = MustLayout(testing::LineSpec());
  CHECK(swatches(line) == 0);
  std::string all = testing::JoinedText(line);
  CHECK(all.find("BMR") != std::string::npos);
  CHECK(all.find("86,9%") != std::string::npos);
  CHECK(all.find("89,2%") != std::string::npos);
}

TEST_CASE("A line chart leaves a gap open where a value is missing", "[charts]") {
  ChartSpec spec = testing::LineSpec();
  spec.series.resize(1);
  DisplayList list = MustLayout(spec);
  std::vector<Circle> markers = ItemsOf<Circle>(list);
  REQUIRE(markers.size() == 6);  // seven categories, one missing
  double before_gap = markers[1].cx, after_gap = markers[2].cx;
  std::vector<Polyline> series_lines;
  for (const Polyline& p : ItemsOf<Polyline>(list)) {
    if (p.stroke.Hex() == markers[0].fill.Hex()) series_lines.push_back(p);
  }
  REQUIRE(series_lines.size() == 2);
  for (const Polyline& p : series_lines) {
    for (size_t i = 1; i < p.points.size(); ++i) {
      bool crosses = p.points[i - 1].first <= before_gap + 0.01 && p.points[i].first >= after_gap - 0.01;
      CHECK_FALSE(crosses);
    }
  }
}

TEST_CASE("Donut slices run clockwise from 12 o'clock and shares need not add to 100", "[charts]") {
  DisplayList list = MustLayout(testing::DonutSpec());  // 48+22+16+10+5 = 101
  std::vector<Arc> arcs = ItemsOf<Arc>(list);
  REQUIRE(arcs.size() == 5);
  constexpr double kTwoPi = 6.283185307179586;
  CHECK(arcs.front().start_angle == Approx(0).margin(0.02));
  CHECK(arcs.back().end_angle == Approx(kTwoPi).margin(0.02));
  for (size_t i = 1; i < arcs.size(); ++i) CHECK(arcs[i].start_angle > arcs[i - 1].end_angle - 1e-9);
  // Slice 1 (22 of 101) spans 22/101 of the circle, not 22/100.
  CHECK((arcs[1].end_angle - arcs[1].start_angle) == Approx(22.0 / 101 * kTwoPi).margin(0.03));
  // The highlighted slice is pulled out of the ring; the others share one centre.
  CHECK(arcs[0].cx != Approx(arcs[1].cx));
  CHECK(arcs[1].cx == Approx(arcs[2].cx));
  bool bold_label = false;
  for (const Text& t : ItemsOf<Text>(list)) bold_label |= t.bold && t.text == "Consultatiebureau";
  CHECK(bold_label);
  CHECK(TextProblems(list) == "");

  ChartSpec ninety_nine = testing::DonutSpec();
  ninety_nine.series[0].values[0] = 46;  // adds up to 99
  CHECK(TextProblems(MustLayout(ninety_nine)) == "");
}

TEST_CASE("Layout height follows the content", "[charts]") {
  ChartSpec few = testing::HorizontalBarSpec();
  ChartSpec many = few;
  for (int i = 0; i < 10; ++i) {
    many.categories.push_back("Extra categorie " + std::to_string(i));
    many.series[0].values.push_back(i);
    many.series[0].value_labels.push_back(std::to_string(i) + "%");
  }
  CHECK(MustLayout(many).height > MustLayout(few).height + 200);
  DisplayList list = MustLayout(many);
  CHECK(TextProblems(list) == "");
}

TEST_CASE("Many years on a narrow line chart show every few labels", "[charts]") {
  ChartSpec spec = testing::LineSpec();
  spec.categories.clear();
  for (auto& series : spec.series) {
    series.values.clear();
    series.value_labels.clear();
  }
  for (int year = 1990; year <= 2023; ++year) {
    spec.categories.push_back(std::to_string(year));
    for (auto& series : spec.series) {
      series.values.push_back(80 + (year % 7));
      series.value_labels.push_back(testing::Percent(80 + (year % 7)));
    }
  }
  DisplayList list = MustLayout(spec, 320);
  CHECK(TextProblems(list) == "");
  int year_labels = 0;
  bool latest = false;
  for (const Text& t : ItemsOf<Text>(list)) {
    if (t.text.size() == 4 && (t.text[0] == '1' || t.text[0] == '2')) {
      ++year_labels;
      latest |= t.text == "2023";
    }
  }
  CHECK(latest);  // the most recent year is always labelled
  CHECK(year_labels > 3);
  CHECK(year_labels < 34 / 2);
}

TEST_CASE("A font family that is not installed is an error", "[charts]") {
  Theme theme;
  theme.font_family = "Geen Bestaand Lettertype";
  Result<DisplayList> list = Layout(testing::BarSpec(), theme);
  REQUIRE_FALSE(list.ok());
  CHECK(list.status().ToString().find("Geen Bestaand Lettertype") != std::string::npos);
}

TEST_CASE("Specs that do not fit together are rejected", "[charts]") {
  Theme theme;
  ChartSpec spec = testing::BarSpec();
  spec.series[0].values.pop_back();
  CHECK_FALSE(Layout(spec, theme).ok());

  spec = testing::BarSpec();
  spec.id = "Bad Id";
  CHECK_FALSE(Layout(spec, theme).ok());

  spec = testing::BarSpec();
  spec.format_tick = nullptr;
  CHECK_FALSE(Layout(spec, theme).ok());

  spec = testing::DonutSpec();
  spec.series[0].values[1] = -1;
  CHECK_FALSE(Layout(spec, theme).ok());

  spec = testing::DonutSpec();
  spec.highlight = 9;
  CHECK_FALSE(Layout(spec, theme).ok());

  spec = testing::BarSpec();
  spec.series[0].values[0] = std::nan("");
  CHECK_FALSE(Layout(spec, theme).ok());

  CHECK(Layout(testing::BarSpec(), theme).ok());
}

TEST_CASE("A missing description is generated from the value labels", "[charts]") {
  ChartSpec spec = testing::BarSpec();
  spec.description.clear();
  DisplayList list = MustLayout(spec);
  CHECK(list.description.find("2023 98,8%") != std::string::npos);
  CHECK(MustLayout(testing::BarSpec()).description == testing::BarSpec().description);
}

TEST_CASE("Layout reports the font it measured with", "[charts]") {
  CHECK(MustLayout(testing::BarSpec()).font_family == "Inter");
}


bool BarsAreHorizontal(const DisplayList& list) {
  for (const Rect& r : testing::ItemsOf<Rect>(list)) {
    if (r.fill.Hex() != "#ffffff" && r.width != 12) return r.width > r.height;
  }
  return false;
}

TEST_CASE("Vertical bars whose labels cannot fit become horizontal bars", "[charts]") {
  ChartSpec spec = testing::GroupedBarSpec();
  Theme theme;
  Result<DisplayList> wide = Layout(spec, theme);
  REQUIRE(wide.ok());
  CHECK_FALSE(BarsAreHorizontal(*wide));
  theme.width = 320;  // "Nieuw-West" and "Zuidoost" no longer fit under their bars
  Result<DisplayList> narrow = Layout(spec, theme);
  REQUIRE(narrow.ok());
  CHECK(BarsAreHorizontal(*narrow));
  CHECK(testing::TextProblems(*narrow) == "");
  // Years are thinned out instead: the chart stays vertical.
  ChartSpec years = testing::BarSpec();
  CHECK_FALSE(BarsAreHorizontal(Layout(years, theme).value()));
}


TEST_CASE("Text that is not UTF-8 is rejected", "[charts]") {
  ChartSpec spec = testing::BarSpec();
  CHECK(Layout(spec, Theme()).ok());
  spec.categories[1] = "caf\xc3\xa9 \xe2\x82\xac";  // café €, valid
  CHECK(Layout(spec, Theme()).ok());
  for (const char* bad : {"\xff", "caf\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x82"}) {
    spec.categories[1] = bad;
    CHECK_FALSE(Layout(spec, Theme()).ok());
  }
}

// Found by tests/fuzz/charts_fuzzer.cc: near the largest double, the axis span and the tick
// beyond the maximum overflow to infinity, and so do the pixel positions computed from them.
TEST_CASE("Values too large to draw are an error instead of an infinite axis", "[charts]") {
  ChartSpec spec = testing::LineSpec();
  spec.series[0].values[0] = 1e308;
  spec.series[1].values[0] = -1e308;
  Result<DisplayList> huge = Layout(spec, Theme());
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.status().ToString().find("has a value too large to draw") != std::string::npos);
  spec = testing::BarSpec();
  spec.target = -1.7e308;
  Result<DisplayList> target = Layout(spec, Theme());
  REQUIRE_FALSE(target.ok());
  CHECK(target.status().ToString().find("the target is not finite or too large") != std::string::npos);
  // The largest value a report could hold still draws.
  spec = testing::BarSpec();
  spec.series[0].values[0] = 1e15;
  CHECK(Layout(spec, Theme()).ok());
}

// Found by tests/fuzz/charts_fuzzer.cc (see the flat-domain test in scale_test.cc).
TEST_CASE("A line of values next to zero lays out", "[charts]") {
  ChartSpec spec = testing::LineSpec();
  spec.target.reset();
  for (auto& series : spec.series) {
    for (auto& value : series.values) value = 5e-324;
  }
  CHECK(TextProblems(MustLayout(spec)) == "");
}

}  // namespace
}  // namespace jv::charts
