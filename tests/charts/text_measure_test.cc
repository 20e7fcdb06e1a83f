#include <catch2/catch.hpp>

#include <fstream>

#include "charts/render.h"
#include "charts/text_measure.h"

namespace jv::charts {
namespace {

TEST_CASE("FontFile finds the installed Inter files", "[charts]") {
  Result<std::string> regular = FontFile("Inter", false);
  Result<std::string> bold = FontFile("Inter", true);
  INFO(regular.status().ToString());
  REQUIRE(regular.ok());
  REQUIRE(bold.ok());
  CHECK(std::ifstream(*regular).good());
  CHECK(std::ifstream(*bold).good());
  CHECK(*regular != *bold);
  CHECK(regular->find("Inter") != std::string::npos);
}

TEST_CASE("FontFile is an error for a family that is not installed", "[charts]") {
  Result<std::string> file = FontFile("Geen Bestaand Lettertype", false);
  REQUIRE_FALSE(file.ok());
  CHECK(file.status().ToString().find("Geen Bestaand Lettertype") != std::string::npos);
}

TEST_CASE("TextMeasurer refuses a family that falls back to another font", "[charts]") {
  CHECK_FALSE(TextMeasurer::Create("Geen Bestaand Lettertype").ok());
  Result<TextMeasurer> inter = TextMeasurer::Create("inter");  // case does not matter
  REQUIRE(inter.ok());
  CHECK(inter->family() == "Inter");
}

TEST_CASE("TextMeasurer measures wider text as wider", "[charts]") {
  Result<TextMeasurer> m = TextMeasurer::Create("Inter");
  REQUIRE(m.ok());
  TextExtents short_text = m->Measure("Oost", {13, false});
  TextExtents long_text = m->Measure("Oost en Zuidoost", {13, false});
  TextExtents bold = m->Measure("Oost en Zuidoost", {13, true});
  TextExtents big = m->Measure("Oost", {26, false});
  CHECK(short_text.width > 20);
  CHECK(long_text.width > short_text.width * 2);
  CHECK(bold.width > long_text.width);
  CHECK(big.width == Approx(short_text.width * 2).epsilon(0.01));  // no hinting: scales exactly
  CHECK(short_text.ascent > 9);
  CHECK(short_text.descent > 2);
  CHECK(short_text.ink_top < 0);
}

TEST_CASE("TextMeasurer wraps to the width without losing words", "[charts]") {
  Result<TextMeasurer> m = TextMeasurer::Create("Inter");
  REQUIRE(m.ok());
  const std::string text = "Zorgen over de ontwikkeling van taal en spraak bij jonge kinderen";
  std::vector<std::string> lines = m->Wrap(text, {13, false}, 120);
  CHECK(lines.size() >= 3);
  std::string joined;
  for (const std::string& line : lines) {
    CHECK(m->Measure(line, {13, false}).width <= 120);
    joined += (joined.empty() ? "" : " ") + line;
  }
  CHECK(joined == text);
  // A single word wider than the width is broken rather than left sticking out.
  for (const std::string& line : m->Wrap("Onderwijsondersteuningsprofielen", {13, false}, 60)) {
    CHECK(m->Measure(line, {13, false}).width <= 60);
  }
  CHECK(m->Wrap("", {13, false}, 100).empty());
  CHECK(m->MinWrapWidth("een Onderwijsondersteuningsprofiel", {13, false}) >
        m->Measure("Onderwijsondersteuningsprofiel", {13, false}).width - 0.5);
}

}  // namespace
}  // namespace jv::charts
