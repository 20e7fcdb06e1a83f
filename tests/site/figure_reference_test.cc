// Figure references against the real example data: what a sentence in a chapter prints.

#include <catch2/catch.hpp>

#include "derive/figures.h"
#include "load/load.h"
#include "site/figure_reference.h"
#include "test_util.h"

using namespace jv;

namespace {

struct Example {
  model::Project project;
  std::unique_ptr<derive::Figures> figures;
  std::unique_ptr<site::FigureText> text;
};

const Example& LoadExample() {
  static Example example = [] {
    Example e;
    auto project = load::LoadProject((testing::SourceDir() / "data").string());
    REQUIRE(project.ok());
    e.project = std::move(project).value();
    e.figures = std::make_unique<derive::Figures>(e.project);
    auto templates = load::LoadTemplates((testing::SourceDir() / "templates").string());
    auto texts = load::LoadTranslations(*templates, "nl-NL");
    e.text = std::make_unique<site::FigureText>(format::NumberFormat::Create("nl-NL").value(), *texts);
    return e;
  }();
  return example;
}

std::string Resolve(const std::string& reference) {
  const Example& e = LoadExample();
  auto text = site::ResolveFigureReference(reference, {"ch.md", 3, 7}, *e.figures, *e.text, 2023);
  return text.ok() ? *text : text.status().ToString();
}

}  // namespace

TEST_CASE("References print values changes targets and complements", "[site][figures]") {
  CHECK(Resolve("bereik-0-jarigen") == "98,8%");
  CHECK(Resolve("consulten-jgz") == "443.680");
  CHECK(Resolve("themabijeenkomsten verschil") == "+96%");
  CHECK(Resolve("trainingen-kinderen-jongeren verschil") == "gelijk");
  CHECK(Resolve("aandeel-preventie doel") == "30%");
  CHECK(Resolve("aandeel-preventie complement") == "73%");
  CHECK(Resolve("aandeel-jeugdhulp zuidoost") == "7,8%");
  CHECK(Resolve("aandeel-preventie 2019") == "36%");
  CHECK(Resolve("aandeel-preventie 2018 verschil") == "+1 procentpunt");
}

TEST_CASE("References print shares ranks and trends", "[site][figures]") {
  CHECK(Resolve("deelnemers-trainingen zuidoost aandeel") == "19%");  // 220 of 1.137
  CHECK(Resolve("deelnemers-trainingen zuidoost rang") == "1e van 7");
  CHECK(Resolve("aandeel-jeugdhulp centrum rang") == "7e van 7");  // neutral: highest first
  CHECK(Resolve("aandeel-preventie trend") == "gedaald van 28% in 2017 naar 27% in 2023");
}

TEST_CASE("Euro amounts can be abbreviated to millions", "[site][figures]") {
  CHECK(Resolve("budget-gerealiseerd 2021") == "\u20ac\u00a038,9 mln");
}

TEST_CASE("Reference typos name the place and suggest the right word", "[site][figures]") {
  CHECK(Resolve("aandeel-preventei") ==
        "ch.md:3:7: error: unknown indicator 'aandeel-preventei' in {{aandeel-preventei}} (did you mean 'aandeel-preventie'?)\n");
  CHECK(Resolve("aandeel-preventie verschill").find("ch.md:3:7: error: unknown word 'verschill'") == 0);
  CHECK(Resolve("aandeel-preventie verschill").find("(did you mean 'verschil'?)") != std::string::npos);
  CHECK(Resolve("consulten-jgz 2019") ==
        "ch.md:3:7: error: {{consulten-jgz 2019}}: no value for consulten-jgz / amsterdam / 2019 in data/values\n");
  CHECK(Resolve("consulten-jgz doel").find("has no target for 2023") != std::string::npos);
  CHECK(Resolve("bereik-0-jarigen amsterdam rang").find("is not a district") != std::string::npos);
}
