#include <catch2/catch.hpp>

#include "validate/validate.h"

using namespace jv;

namespace {

model::Project SmallProject() {
  model::Project p;
  p.areas = {{{"areas.json", 2, 1}, "amsterdam", "Amsterdam", model::AreaKind::kTotal, "", {}, {}},
             {{"areas.json", 3, 1}, "noord", "Noord", model::AreaKind::kDistrict, "", {}, {}}};
  model::Indicator share;
  share.where = {"indicators.json", 2, 1};
  share.id = "aandeel-preventie";
  share.unit = model::Unit::kPercent;
  p.indicators = {share};
  p.sources = {{{"sources.json", 2, 1}, "jaarverslag-2023", "Jaarverslag", ""}};
  model::Value v;
  v.where = {"values.csv", 2, 1};
  v.indicator = "aandeel-preventie";
  v.area = "amsterdam";
  v.year = 2023;
  v.value = 27;
  v.source = "jaarverslag-2023";
  p.values = {v};
  return p;
}

std::string All(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

}  // namespace

TEST_CASE("A consistent project has no problems", "[validate]") {
  CHECK(validate::Validate(SmallProject()).empty());
}

TEST_CASE("Unknown references are errors with a suggestion", "[validate]") {
  model::Project p = SmallProject();
  p.values[0].area = "nord";
  p.values[0].indicator = "aandeel-preventi";
  auto diagnostics = validate::Validate(p);
  REQUIRE(validate::HasErrors(diagnostics));
  std::string all = All(diagnostics);
  CHECK(all.find("values.csv:2:1: error: unknown indicator 'aandeel-preventi' (did you mean 'aandeel-preventie'?)") != std::string::npos);
  CHECK(all.find("values.csv:2:1: error: unknown area 'nord' (did you mean 'noord'?)") != std::string::npos);
}

TEST_CASE("Duplicate values and ids are errors naming the first place", "[validate]") {
  model::Project p = SmallProject();
  p.values.push_back(p.values[0]);
  p.values.back().where.line = 9;
  p.areas.push_back(p.areas[1]);
  std::string all = All(validate::Validate(p));
  CHECK(all.find("values.csv:9:1: error: duplicate value for aandeel-preventie / amsterdam / 2023 (first given at values.csv:2:1)") != std::string::npos);
  CHECK(all.find("error: duplicate area id 'noord' (first defined at areas.json:3:1)") != std::string::npos);
}

TEST_CASE("A share outside 0 to 100 is an error", "[validate]") {
  model::Project p = SmallProject();
  p.values[0].value = 127;
  CHECK(All(validate::Validate(p)).find("share aandeel-preventie must be between 0 and 100") != std::string::npos);
}

TEST_CASE("Charts must select their data one way and refer to known ids", "[validate]") {
  model::Project p = SmallProject();
  model::Edition edition;
  edition.where = {"2023/edition.json", 1, 1};
  model::Chart chart;
  chart.where = {"2023/charts.json", 3, 5};
  chart.id = "leeg";
  chart.type = model::ChartType::kDonut;
  edition.charts = {chart};
  edition.dashboard_charts = {{{"2023/edition.json", 12, 7}, "lege"}};
  p.editions = {edition};
  std::string all = All(validate::Validate(p));
  CHECK(all.find("2023/charts.json:3:5: error: chart 'leeg' needs exactly one of") != std::string::npos);
  CHECK(all.find("2023/charts.json:3:5: error: donut or pie chart 'leeg' needs 'slices'") != std::string::npos);
  CHECK(all.find("2023/edition.json:12:7: error: unknown chart 'lege' (did you mean 'leeg'?)") != std::string::npos);
}

TEST_CASE("Exactly one total area is required", "[validate]") {
  model::Project p = SmallProject();
  p.areas[1].kind = model::AreaKind::kTotal;
  CHECK(All(validate::Validate(p)).find("exactly one area must have kind 'total'") != std::string::npos);
}

TEST_CASE("A chapter may not take the name of the dashboard or download folders", "[validate]") {
  model::Project p = SmallProject();
  model::Edition edition;
  edition.year = 2023;
  for (const char* name : {"cijfers", "charts", "data", "voorwoord"}) {
    model::Chapter chapter;
    chapter.where = {std::string("2023/chapters/") + name + ".md", 1, 1};
    chapter.slug = name;
    edition.chapters.push_back(chapter);
  }
  p.editions = {edition};
  std::string all = All(validate::Validate(p));
  CHECK(all.find("2023/chapters/cijfers.md:1:1: error: chapter name 'cijfers' is taken by the site's own 'cijfers/' folder") != std::string::npos);
  CHECK(all.find("chapter name 'charts'") != std::string::npos);
  CHECK(all.find("chapter name 'data'") != std::string::npos);
  CHECK(all.find("voorwoord") == std::string::npos);
}

TEST_CASE("Missing figures of the latest edition are listed as still to fill in", "[validate]") {
  model::Project p = SmallProject();
  model::Edition edition;
  edition.year = 2024;
  p.editions = {edition};
  model::Value open = p.values[0];
  open.where.line = 3;
  open.year = 2024;
  open.has_value = false;
  open.status = model::ValueStatus::kMissing;
  open.note = "nog in te vullen";
  model::Value old = open;
  old.where.line = 4;
  old.year = 2022;
  old.note = "niet gemeten";
  p.values.push_back(open);
  p.values.push_back(old);
  auto diagnostics = validate::Validate(p);
  CHECK_FALSE(validate::HasErrors(diagnostics));
  std::string all = All(diagnostics);
  CHECK(all.find("values.csv:3:1: warning: figure aandeel-preventie / amsterdam / 2024 of the latest edition is still missing (nog in te vullen)") != std::string::npos);
  CHECK(all.find("2022") == std::string::npos);
}
