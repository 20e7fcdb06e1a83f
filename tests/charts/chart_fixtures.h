#pragma once
// Shared sample charts and checks for the chart stage tests (header only: every test file of
// the one test executable includes it, so everything here is inline).

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "charts/render.h"

namespace jv::charts::testing {

/// "12,5%" the Dutch way, enough for test labels.
inline std::string Percent(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", value);
  std::string out = buffer;
  for (char& c : out) {
    if (c == '.') c = ',';
  }
  return out;
}

inline Series MakeSeries(const std::string& label, std::vector<std::optional<double>> values) {
  Series series;
  series.label = label;
  for (const std::optional<double>& v : values) series.value_labels.push_back(v ? Percent(*v) : "");
  series.values = std::move(values);
  return series;
}

inline ChartSpec BaseSpec(const std::string& id, ChartKind kind) {
  ChartSpec spec;
  spec.id = id;
  spec.kind = kind;
  spec.title = "Bereik van 0-jarigen";
  spec.subtitle = "Aandeel kinderen met een contactmoment";
  spec.description = "Het bereik steeg van 96,2% naar 98,8%.";
  spec.format_tick = [](double v) { return Percent(v); };
  return spec;
}

inline ChartSpec BarSpec() {
  ChartSpec spec = BaseSpec("bereik", ChartKind::kBar);
  spec.categories = {"2019", "2020", "2021", "2022", "2023"};
  spec.series = {MakeSeries("Bereik", {96.2, 91.5, 97.1, 98.0, 98.8})};
  spec.target = 95;
  spec.target_label = "Streefwaarde 95%";
  return spec;
}

inline ChartSpec GroupedBarSpec() {
  ChartSpec spec = BaseSpec("stadsdelen", ChartKind::kBar);
  spec.categories = {"Centrum", "Nieuw-West", "Noord", "Oost", "Zuid", "Zuidoost", "West", "Weesp"};
  spec.series = {MakeSeries("2022", {41, 98, 72, 88, 76, 69, 81, 9}),
                 MakeSeries("2023", {43, 99, 70, 91, 79, 73, 84, 10}),
                 MakeSeries("2024", {45, 97, 71, 90, 80, 75, 83, 12})};
  return spec;
}

inline ChartSpec HorizontalBarSpec() {
  ChartSpec spec = BaseSpec("vragen", ChartKind::kHorizontalBar);
  spec.categories = {"Opvoeding en gedrag", "Slapen", "Voeding en eten",
                     "Zorgen over de ontwikkeling van taal en spraak bij jonge kinderen", "Overig"};
  spec.series = {MakeSeries("Aandeel", {31.5, 18.2, 15.0, 12.4, -3.2})};
  spec.target = 20;
  spec.target_label = "Landelijk gemiddelde 20%";
  return spec;
}

inline ChartSpec LineSpec() {
  ChartSpec spec = BaseSpec("vaccinatie", ChartKind::kLine);
  spec.categories = {"2017", "2018", "2019", "2020", "2021", "2022", "2023"};
  spec.series = {MakeSeries("BMR", {89.5, 88.9, std::nullopt, 89.9, 88.0, 87.4, 86.9}),
                 MakeSeries("DKTP", {91.6, 91.0, std::nullopt, 91.4, 90.1, 89.7, 89.2})};
  spec.target = 95;
  spec.target_label = "WHO-norm 95%";
  return spec;
}

inline ChartSpec DonutSpec() {
  ChartSpec spec = BaseSpec("kanalen", ChartKind::kDonut);
  spec.format_tick = nullptr;  // not needed for a donut
  spec.categories = {"Consultatiebureau", "Telefoon", "School", "Website en chat", "Anders"};
  spec.series = {MakeSeries("Aandeel", {48, 22, 16, 10, 5})};  // adds up to 101
  spec.highlight = 0;
  return spec;
}

inline std::vector<ChartSpec> AllKinds() {
  return {BarSpec(), GroupedBarSpec(), HorizontalBarSpec(), LineSpec(), DonutSpec()};
}

template <typename T>
std::vector<T> ItemsOf(const DisplayList& list) {
  std::vector<T> out;
  for (const Item& item : list.items) {
    if (const T* t = std::get_if<T>(&item)) out.push_back(*t);
  }
  return out;
}

inline bool BoxesOverlap(const Text& a, const Text& b) {
  constexpr double kEpsilon = 0.01;
  return a.box_x < b.box_x + b.box_width - kEpsilon && b.box_x < a.box_x + a.box_width - kEpsilon &&
         a.box_y < b.box_y + b.box_height - kEpsilon && b.box_y < a.box_y + a.box_height - kEpsilon;
}

/// Empty when every text box is non-empty, inside the canvas and clear of every other text
/// box; otherwise a description of the first problem.
inline std::string TextProblems(const DisplayList& list) {
  std::vector<Text> texts = ItemsOf<Text>(list);
  for (size_t i = 0; i < texts.size(); ++i) {
    const Text& t = texts[i];
    if (t.box_width <= 0 || t.box_height <= 0) return "'" + t.text + "' has an empty box";
    if (t.box_x < 0 || t.box_y < 0 || t.box_x + t.box_width > list.width ||
        t.box_y + t.box_height > list.height) {
      return "'" + t.text + "' leaves the canvas";
    }
    for (size_t j = i + 1; j < texts.size(); ++j) {
      if (BoxesOverlap(t, texts[j])) return "'" + t.text + "' overlaps '" + texts[j].text + "'";
    }
  }
  return "";
}

/// All text of the list joined by spaces, to check that no word was lost.
inline std::string JoinedText(const DisplayList& list) {
  std::string out;
  for (const Text& t : ItemsOf<Text>(list)) out += t.text + " ";
  return out;
}

/// Lays `spec` out at `width`, failing the test (with the message) when layout fails.
inline DisplayList MustLayout(const ChartSpec& spec, double width = 640) {
  Theme theme;
  theme.width = width;
  Result<DisplayList> list = Layout(spec, theme);
  INFO(list.status().ToString());
  REQUIRE(list.ok());
  return std::move(list).value();
}

/// Lays `spec` out and paints it twice; both SVGs and both 2× PNGs must be byte-identical.
/// Returns the PNG.
inline std::string CheckSameBytesTwice(const ChartSpec& spec) {
  DisplayList a = MustLayout(spec), b = MustLayout(spec);
  CHECK(PaintSvg(a) == PaintSvg(b));
  Result<std::string> png_a = PaintPng(a, 2), png_b = PaintPng(b, 2);
  REQUIRE(png_a.ok());
  REQUIRE(png_b.ok());
  CHECK(*png_a == *png_b);
  return *png_a;
}

}  // namespace jv::charts::testing
