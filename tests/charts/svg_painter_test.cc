#include <catch2/catch.hpp>

#include <regex>

#include "chart_fixtures.h"

namespace jv::charts {
namespace {

std::string Svg(const ChartSpec& spec) {
  Result<DisplayList> list = Layout(spec, Theme());
  REQUIRE(list.ok());
  return PaintSvg(*list);
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t count = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

TEST_CASE("SVG is an accessible image with title and desc", "[charts]") {
  std::string svg = Svg(testing::BarSpec());
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 ", 0) == 0);
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("aria-labelledby=\"bereik-title bereik-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"bereik-title\">Bereik van 0-jarigen</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"bereik-desc\">Het bereik steeg van 96,2% naar 98,8%.</desc>") !=
        std::string::npos);
  CHECK(svg.find("</svg>") != std::string::npos);
}

TEST_CASE("SVG draws text as real text elements", "[charts]") {
  ChartSpec spec = testing::GroupedBarSpec();
  std::string svg = Svg(spec);
  for (const std::string& category : {std::string("Centrum"), std::string("Zuidoost")}) {
    CHECK(svg.find(">" + category + "</text>") != std::string::npos);
  }
  CHECK(svg.find("font-family=\"Inter, sans-serif\"") != std::string::npos);
  CHECK(svg.find("font-weight=\"bold\"") != std::string::npos);  // the title
  CHECK(svg.find("text-anchor=\"middle\"") != std::string::npos);
  CHECK(Count(svg, "<text ") == Count(svg, "</text>"));
  CHECK(Count(svg, "<text ") > 15);
}

TEST_CASE("SVG escapes every text for XML", "[charts]") {
  ChartSpec spec = testing::BarSpec();
  spec.title = "<script>alert('x')</script> & \"meer\"";
  spec.description = "a < b & c";
  spec.categories[0] = "R&D <2019>";
  std::string svg = Svg(spec);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;meer&quot;") !=
        std::string::npos);
  CHECK(svg.find("a &lt; b &amp; c") != std::string::npos);
  CHECK(svg.find("R&amp;D &lt;2019&gt;") != std::string::npos);
  // No bare ampersand: every & starts an entity.
  CHECK_FALSE(std::regex_search(svg, std::regex("&(?!amp;|lt;|gt;|quot;|#39;)")));
}

TEST_CASE("Every SVG id starts with the chart id", "[charts]") {
  for (const ChartSpec& spec : testing::AllKinds()) {
    std::string svg = Svg(spec);
    std::regex id_attribute("\\sid=\"([^\"]*)\"");
    int ids = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), id_attribute);
         it != std::sregex_iterator(); ++it) {
      ++ids;
      CHECK((*it)[1].str().rfind(spec.id + "-", 0) == 0);
    }
    CHECK(ids >= 2);
  }
}

TEST_CASE("SVG shapes are hidden from assistive technology but text is not", "[charts]") {
  std::string svg = Svg(testing::DonutSpec());
  CHECK(svg.find("<g aria-hidden=\"true\">\n<path") != std::string::npos);
  // Walk the groups: no <text> may sit inside an aria-hidden group.
  bool hidden = false;
  int texts = 0;
  for (size_t at = 0; at < svg.size();) {
    size_t end = svg.find('\n', at);
    std::string line = svg.substr(at, end - at);
    if (line == "<g aria-hidden=\"true\">") hidden = true;
    if (line == "</g>") hidden = false;
    if (line.rfind("<text", 0) == 0) {
      ++texts;
      CHECK_FALSE(hidden);
    }
    at = end == std::string::npos ? svg.size() : end + 1;
  }
  CHECK(texts > 5);
}

TEST_CASE("Painting the same spec twice gives the same SVG bytes", "[charts]") {
  for (const ChartSpec& spec : testing::AllKinds()) {
    CHECK(Svg(spec) == Svg(spec));
  }
}

TEST_CASE("SVG numbers are locale independent with at most two decimals", "[charts]") {
  DisplayList list;
  list.id = "n";
  list.width = 100.5;
  list.height = 50;
  list.font_family = "Inter";
  list.items.emplace_back(Rect{1.23456, -0.0001, 10, 2.5, {1, 2, 3}});
  std::string svg = PaintSvg(list);
  CHECK(svg.find("viewBox=\"0 0 100.5 50\"") != std::string::npos);
  CHECK(svg.find("<rect x=\"1.23\" y=\"0\" width=\"10\" height=\"2.5\" fill=\"#010203\"/>") !=
        std::string::npos);
}

}  // namespace
}  // namespace jv::charts
