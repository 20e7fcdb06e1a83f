// How values with a status are shown: tiles and tables (FigureText::Display), running text
// ({{…}} references), charts (gaps) and the errors for changes from inexact values.

#include <catch2/catch.hpp>

#include "derive/figures.h"
#include "load/load.h"
#include "site/chart_builder.h"
#include "site/figure_reference.h"
#include "site/figure_text.h"
#include "test_util.h"

using namespace jv;
using jv::model::ValueStatus;
namespace fs = std::filesystem;

namespace {

site::FigureText Text(const std::string& locale) {
  auto templates = load::LoadTemplates((testing::SourceDir() / "templates").string());
  REQUIRE(templates.ok());
  auto texts = load::LoadTranslations(*templates, locale);
  REQUIRE(texts.ok());
  auto numbers = format::NumberFormat::Create(locale);
  REQUIRE(numbers.ok());
  return site::FigureText(*numbers, *texts);
}

model::Indicator Count() {
  model::Indicator indicator;
  indicator.id = "bezoeken";
  indicator.unit = model::Unit::kCount;
  return indicator;
}

model::Indicator Percent() {
  model::Indicator indicator;
  indicator.id = "bereik";
  indicator.unit = model::Unit::kPercent;
  indicator.decimals = 1;
  indicator.change = model::ChangeKind::kPoints;
  return indicator;
}

model::Value Make(const std::string& indicator, int year, std::optional<double> number,
                  ValueStatus status = ValueStatus::kExact) {
  model::Value value;
  value.indicator = indicator;
  value.area = "amsterdam";
  value.year = year;
  value.has_value = number.has_value();
  value.value = number.value_or(0);
  value.status = status;
  return value;
}

model::Value Range(int year, double low, double high) {
  model::Value value = Make("bezoeken", year, std::nullopt);
  value.low = low;
  value.high = high;
  return value;
}

model::Value Missing(int year, const std::string& reason) {
  model::Value value = Make("bezoeken", year, std::nullopt, ValueStatus::kMissing);
  value.note = reason;
  return value;
}

model::Value Revised(double number, double previous) {
  model::Value value = Make("bereik", 2023, number, ValueStatus::kRevised);
  value.previous = previous;
  value.revised_on = "2024-03-15";
  return value;
}

// bezoeken: 2019 exact, 2020 approximate, 2021 range, 2022 missing, 2023 estimate.
// bereik: 2022 exact, 2023 revised.
model::Project Project() {
  model::Project project;
  model::Area total;
  total.id = "amsterdam";
  total.kind = model::AreaKind::kTotal;
  project.areas.push_back(total);
  project.indicators = {Count(), Percent()};
  model::Value estimate = Make("bezoeken", 2023, 1200, ValueStatus::kEstimate);
  estimate.note = "uit een steekproef";
  project.values = {Make("bezoeken", 2019, 1000), Make("bezoeken", 2020, 400, ValueStatus::kApproximate),
                    Range(2021, 800, 1000), Missing(2022, "geen registratie door systeemwissel"),
                    estimate, Make("bereik", 2022, 97.5), Revised(98.9, 98.8)};
  return project;
}

std::string Resolve(const std::string& reference, const std::string& locale = "nl-NL") {
  model::Project project = Project();
  derive::Figures figures(project);
  auto text = ResolveFigureReference(reference, {"h.md", 3, 7}, figures, Text(locale), 2023);
  return text.ok() ? *text : text.status().ToString();
}

}  // namespace

TEST_CASE("Each value status is displayed honestly in Dutch", "[site][values]") {
  site::FigureText nl = Text("nl-NL");
  CHECK(nl.Display(Count(), Make("bezoeken", 2023, 1137)).text == "1.137");
  CHECK(nl.Display(Count(), Make("bezoeken", 2023, 400, ValueStatus::kApproximate)).text == "ca. 400");
  CHECK(nl.Display(Count(), Range(2023, 800, 1000)).text == "800–1.000");
  model::Value approximate_range = Range(2023, 800, 1000);
  approximate_range.status = ValueStatus::kApproximate;
  CHECK(nl.Display(Count(), approximate_range).text == "ca. 800–1.000");
  model::Value point_in_range = Range(2023, 800, 1000);
  point_in_range.has_value = true;
  point_in_range.value = 900;
  CHECK(nl.Display(Count(), point_in_range).text == "900 (800–1.000)");

  model::Value estimate = Make("bezoeken", 2023, 400, ValueStatus::kEstimate);
  estimate.note = "uit een steekproef";
  site::ValueDisplay shown = nl.Display(Count(), estimate);
  CHECK(shown.text == "400");
  CHECK(shown.marker == "*");
  CHECK(shown.marker_title == "schatting: uit een steekproef");

  shown = nl.Display(Percent(), Revised(98.9, 98.8));
  CHECK(shown.text == "98,9%");
  CHECK(shown.remark == "herzien op 15 maart 2024, was 98,8%");

  shown = nl.Display(Count(), Missing(2023, "geen registratie"));
  CHECK(shown.text == "–");
  CHECK(shown.remark == "geen registratie");
  CHECK(shown.marker.empty());
}

TEST_CASE("Value statuses are displayed in English", "[site][values]") {
  site::FigureText en = Text("en-GB");
  CHECK(en.Display(Count(), Make("bezoeken", 2023, 400, ValueStatus::kApproximate)).text == "approx. 400");
  CHECK(en.Display(Count(), Range(2023, 800, 1000)).text == "800–1,000");
  CHECK(en.Display(Percent(), Revised(98.9, 98.8)).remark == "revised on 15 March 2024, was 98.8%");
}

TEST_CASE("An inferred value keeps its marker with the note as title", "[site][values]") {
  model::Value inferred = Make("bezoeken", 2023, 72);
  inferred.certainty = model::Certainty::kInferred;
  inferred.note = "teruggerekend";
  site::ValueDisplay shown = Text("nl-NL").Display(Count(), inferred);
  CHECK(shown.marker == "*");
  CHECK(shown.marker_title == "teruggerekend");
}

TEST_CASE("Figure references print every status form", "[site][values]") {
  CHECK(Resolve("bezoeken 2019") == "1.000");
  CHECK(Resolve("bezoeken 2020") == "ca. 400");
  CHECK(Resolve("bezoeken 2021") == "800–1.000");
  CHECK(Resolve("bezoeken 2022") == "– (geen registratie door systeemwissel)");
  CHECK(Resolve("bezoeken 2023") == "1.200* (schatting)");
  CHECK(Resolve("bereik") == "98,9% (herzien op 15 maart 2024, was 98,8%)");
  CHECK(Resolve("bereik verschil") == "+1,4 procentpunten");
}

TEST_CASE("A change from a range or a missing value is an error", "[site][values]") {
  CHECK(Resolve("bezoeken 2021 verschil") ==
        "h.md:3:7: error: {{bezoeken 2021 verschil}}: the 2021 value of bezoeken / amsterdam is a "
        "range, so no change or complement can be computed from it\n");
  CHECK(Resolve("bezoeken 2023 verschil") ==
        "h.md:3:7: error: {{bezoeken 2023 verschil}}: the 2022 value of bezoeken / amsterdam is "
        "missing, so no change or complement can be computed from it\n");
  CHECK(Resolve("bezoeken 2021 verschil") != Resolve("bezoeken 2020 verschil"));
  CHECK(Resolve("bezoeken 2020 verschil") ==
        "h.md:3:7: error: {{bezoeken 2020 verschil}}: the 2020 value of bezoeken / amsterdam is "
        "approximate, so no change or complement can be computed from it\n");
}

TEST_CASE("Derived changes skip inexact values", "[site][values]") {
  model::Project project = Project();
  derive::Figures figures(project);
  CHECK_FALSE(derive::ChangeFromPreviousYear(figures, project.indicators[0], "amsterdam", 2021));
  CHECK_FALSE(derive::ChangeFromPreviousYear(figures, project.indicators[0], "amsterdam", 2023));
  CHECK(derive::ChangeFromPreviousYear(figures, project.indicators[1], "amsterdam", 2023));
}

TEST_CASE("Charts show ranges and missing values as gaps", "[site][values]") {
  model::Project project = Project();
  derive::Figures figures(project);
  model::Chart chart;
  chart.id = "bezoeken";
  chart.type = model::ChartType::kLine;
  chart.title = "Bezoeken";
  model::SeriesRef ref;
  ref.indicator = "bezoeken";
  chart.series = {ref};
  chart.first_year = 2019;
  chart.last_year = 2023;
  site::ChartContent content = site::BuildChart(chart, figures, Text("nl-NL"));
  const charts::Series& series = content.spec.series[0];
  CHECK(series.values == std::vector<std::optional<double>>{1000, 400, std::nullopt, std::nullopt, 1200});
  CHECK(series.value_labels == std::vector<std::string>{"1.000", "ca. 400", "800–1.000", "", "1.200*"});
  CHECK(content.table.rows[3] == std::vector<std::string>{"2022", "–"});
  CHECK(content.csv.find("2021,\n2022,\n") != std::string::npos);
}

TEST_CASE("A revised value in a semicolon file reaches the dashboard tile", "[site][values][e2e]") {
  testing::TempDir dir;
  testing::CopyExampleData(dir.path() / "data");
  // Move bereik-0-jarigen / amsterdam / 2023 out of the example file into a corrections file.
  fs::path values = dir.path() / "data/values/jaarverslag-2023.csv";
  std::string text = testing::ReadFile(values);
  size_t row = text.find("\nbereik-0-jarigen,amsterdam,2023,");
  REQUIRE(row != std::string::npos);
  text.erase(row, text.find('\n', row + 1) - row);
  testing::WriteFile(values, text);
  testing::WriteFile(dir.path() / "data/values/correcties.csv",
                     "sep=;\nindicator;area;year;value;status;previous;revised_on;source;note\n"
                     "bereik-0-jarigen;amsterdam;2023;98,9;revised;98,8;2024-03-15;jaarverslag-2023;\n");
  auto result = testing::RunGenerator("build --data " + dir.str("data") + " --templates " +
                                      (testing::SourceDir() / "templates").string() + " --out " + dir.str("site"));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  std::string dashboard = testing::ReadFile(dir.path() / "site/2023/cijfers/index.html");
  CHECK(dashboard.find("<p class=\"kpi-value\">98,9%</p>") != std::string::npos);
  CHECK(dashboard.find("<p class=\"kpi-remark\">herzien op 15 maart 2024, was 98,8%</p>") != std::string::npos);
}
