// Sum rules: each kind passing and failing, tolerance, severity, the years filter, unknown ids,
// and the example data's two known source inconsistencies end to end.

#include <catch2/catch.hpp>

#include "test_util.h"
#include "validate/validate.h"

using namespace jv;

namespace {

using model::Rule;

model::Indicator MakeIndicator(const std::string& id, model::Unit unit = model::Unit::kCount,
                               int decimals = 0) {
  model::Indicator indicator;
  indicator.where = {"indicators.json", 1, 1};
  indicator.id = id;
  indicator.unit = unit;
  indicator.decimals = decimals;
  return indicator;
}

void AddValue(model::Project* p, const std::string& indicator, const std::string& area, int year,
              double value) {
  model::Value v;
  v.where = {"values.csv", static_cast<int>(p->values.size()) + 2, 1};
  v.indicator = indicator;
  v.area = area;
  v.year = year;
  v.value = value;
  p->values.push_back(v);
}

// A total, two districts and an "other" area; trainingen per area; three shares.
model::Project Project() {
  model::Project p;
  p.areas = {{{"areas.json", 2, 1}, "amsterdam", "Amsterdam", model::AreaKind::kTotal, "", {}, {}},
             {{"areas.json", 3, 1}, "noord", "Noord", model::AreaKind::kDistrict, "", {}, {}},
             {{"areas.json", 4, 1}, "zuid", "Zuid", model::AreaKind::kDistrict, "", {}, {}},
             {{"areas.json", 5, 1}, "onbekend", "Onbekend", model::AreaKind::kOther, "", {}, {}},
             {{"areas.json", 6, 1}, "utrecht", "Utrecht", model::AreaKind::kComparison, "", {}, {}}};
  p.indicators = {MakeIndicator("trainingen"), MakeIndicator("trainingen-kinderen"),
                  MakeIndicator("trainingen-ouders"),
                  MakeIndicator("share-a", model::Unit::kPercent),
                  MakeIndicator("share-b", model::Unit::kPercent),
                  MakeIndicator("share-c", model::Unit::kPercent, 1)};
  AddValue(&p, "trainingen", "amsterdam", 2022, 1137);
  AddValue(&p, "trainingen", "noord", 2022, 600);
  AddValue(&p, "trainingen", "zuid", 2022, 500);
  AddValue(&p, "trainingen", "onbekend", 2022, 37);
  AddValue(&p, "trainingen", "utrecht", 2022, 5000);  // comparison areas are not parts
  AddValue(&p, "trainingen", "amsterdam", 2023, 1137);
  AddValue(&p, "trainingen", "noord", 2023, 500);
  AddValue(&p, "trainingen", "zuid", 2023, 394);
  AddValue(&p, "trainingen-kinderen", "amsterdam", 2023, 700);
  AddValue(&p, "trainingen-ouders", "amsterdam", 2023, 437);
  AddValue(&p, "trainingen", "noord", 2024, 10);  // no total: not checked
  AddValue(&p, "share-a", "amsterdam", 2023, 51);
  AddValue(&p, "share-b", "amsterdam", 2023, 31);
  AddValue(&p, "share-c", "amsterdam", 2023, 19);
  AddValue(&p, "share-a", "amsterdam", 2022, 17);  // an incomplete year is not checked
  return p;
}

Rule MakeRule(const std::string& id, Rule::Kind kind,
              Diagnostic::Severity severity = Diagnostic::Severity::kError) {
  Rule rule;
  rule.where = {"rules.json", 3, 5};
  rule.id = id;
  rule.kind = kind;
  rule.severity = severity;
  return rule;
}

Rule::Ref Ref(const std::string& id, int line = 4) { return {id, {"rules.json", line, 20}}; }

Rule AreasRule(Diagnostic::Severity severity = Diagnostic::Severity::kError) {
  Rule rule = MakeRule("stadsdelen", Rule::Kind::kAreasSumToTotal, severity);
  rule.indicator = Ref("trainingen");
  return rule;
}

std::vector<Diagnostic> Check(const Rule& rule) {
  model::Project p = Project();
  p.rules = {rule};
  return validate::Validate(p);
}

std::string All(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.ToString() + "\n";
  return out;
}

}  // namespace

TEST_CASE("Areas that do not add up to the total are reported per year", "[validate][sums]") {
  auto diagnostics = Check(AreasRule());
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].ToString() ==
        "rules.json:3:5: error: rule 'stadsdelen': in 2023 the districts of trainingen add up to "
        "894, not to the total 1.137 (difference 243; no figure for onbekend)");
}

TEST_CASE("Areas that add up to the total are quiet", "[validate][sums]") {
  Rule rule = AreasRule();
  rule.first_year = rule.last_year = 2022;
  CHECK(Check(rule).empty());
}

TEST_CASE("The years filter limits which years a rule checks", "[validate][sums]") {
  Rule rule = AreasRule();
  rule.first_year = 2023;
  rule.last_year = 2030;
  CHECK(All(Check(rule)).find("in 2023") != std::string::npos);
  rule.first_year = 2015;
  rule.last_year = 2022;
  CHECK(Check(rule).empty());
}

TEST_CASE("A rule's severity decides between error and warning", "[validate][sums]") {
  auto warnings = Check(AreasRule(Diagnostic::Severity::kWarning));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].severity == Diagnostic::Severity::kWarning);
  CHECK_FALSE(validate::HasErrors(warnings));
  CHECK(validate::HasErrors(Check(AreasRule(Diagnostic::Severity::kError))));
}

TEST_CASE("A difference within the tolerance passes and one beyond it names the tolerance", "[validate][sums]") {
  Rule rule = AreasRule();
  rule.tolerance = 243;
  CHECK(Check(rule).empty());
  rule.tolerance = 242.5;
  CHECK(All(Check(rule)).find("(difference 243, more than the tolerance 242,5; no figure for onbekend)") !=
        std::string::npos);  // the tolerance as written
}

TEST_CASE("Parts must add up to their whole", "[validate][sums]") {
  Rule rule = MakeRule("doelgroepen", Rule::Kind::kPartsSumToWhole);
  rule.whole = Ref("trainingen");
  rule.parts = {Ref("trainingen-kinderen"), Ref("trainingen-ouders")};
  CHECK(Check(rule).empty());

  model::Project p = Project();
  p.values[9].value = 436;  // trainingen-ouders 2023
  p.rules = {rule};
  CHECK(All(validate::Validate(p)) ==
        "rules.json:3:5: error: rule 'doelgroepen': in 2023 trainingen-kinderen + trainingen-ouders "
        "add up to 1.136, not to trainingen 1.137 (difference 1)\n");
}

TEST_CASE("Parts at another area than the total name that area", "[validate][sums]") {
  Rule rule = MakeRule("noord", Rule::Kind::kPartsSumToWhole, Diagnostic::Severity::kWarning);
  rule.whole = Ref("trainingen");
  rule.parts = {Ref("trainingen-kinderen")};
  rule.area = Ref("noord");
  model::Project p = Project();
  AddValue(&p, "trainingen-kinderen", "noord", 2023, 499);
  p.rules = {rule};
  CHECK(All(validate::Validate(p)) ==
        "rules.json:3:5: warning: rule 'noord': in 2023 at noord trainingen-kinderen add up to 499, "
        "not to trainingen 500 (difference 1)\n");
}

TEST_CASE("Shares must add up to 100 within the tolerance", "[validate][sums]") {
  Rule rule = MakeRule("verwijzers", Rule::Kind::kSharesSumTo100);
  rule.indicators = {Ref("share-a"), Ref("share-b"), Ref("share-c")};
  // 51 + 31 + 19 = 101: rounding with tolerance 1, an error without.
  auto strict = Check(rule);
  REQUIRE(strict.size() == 1);
  CHECK(strict[0].ToString() ==
        "rules.json:3:5: error: rule 'verwijzers': in 2023 the shares share-a + share-b + share-c "
        "add up to 101,0%, not to 100,0% (difference 1,0%)");
  rule.tolerance = 1;
  CHECK(Check(rule).empty());
  rule.tolerance = 0.5;
  CHECK(All(Check(rule)).find("(difference 1,0%, more than the tolerance 0,5%)") != std::string::npos);
}

TEST_CASE("A rule's note follows its finding", "[validate][sums]") {
  Rule rule = AreasRule(Diagnostic::Severity::kWarning);
  rule.note = "Bekend verschil in de bron.";
  CHECK(All(Check(rule)).find("(difference 243; no figure for onbekend) - Bekend verschil in de bron.") !=
        std::string::npos);
}

TEST_CASE("Unknown indicators and areas in a rule are errors at the id with the rule id", "[validate][sums]") {
  Rule rule = MakeRule("doelgroepen", Rule::Kind::kPartsSumToWhole, Diagnostic::Severity::kWarning);
  rule.whole = Ref("trainingen");
  rule.parts = {Ref("trainingen-kinderen"), Ref("trainingen-oudrs", 7)};
  rule.area = Ref("nord", 8);
  auto diagnostics = Check(rule);
  CHECK(validate::HasErrors(diagnostics));
  std::string all = All(diagnostics);
  CHECK(all.find("rules.json:7:20: error: rule 'doelgroepen': unknown indicator 'trainingen-oudrs' "
                 "(did you mean 'trainingen-ouders'?)") != std::string::npos);
  CHECK(all.find("rules.json:8:20: error: rule 'doelgroepen': unknown area 'nord' (did you mean 'noord'?)") !=
        std::string::npos);
  CHECK(all.find("add up to") == std::string::npos);  // a broken rule checks nothing
}

TEST_CASE("Duplicate rule ids are errors", "[validate][sums]") {
  model::Project p = Project();
  p.rules = {AreasRule(Diagnostic::Severity::kWarning), AreasRule(Diagnostic::Severity::kWarning)};
  p.rules[1].where.line = 9;
  CHECK(All(validate::Validate(p)).find("rules.json:9:5: error: duplicate rule id 'stadsdelen' (first defined at rules.json:3:5)") !=
        std::string::npos);
}

TEST_CASE("jaarverslag check on the example prints both known source inconsistencies as warnings", "[validate][sums][e2e]") {
  jv::testing::TempDir dir;
  jv::testing::CopyExampleData(dir.path() / "data");
  jv::testing::CommandResult result = jv::testing::RunGenerator("check --data " + dir.str("data") + " --templates " + (jv::testing::SourceDir() / "templates").string());
  INFO(result.output);
  CHECK(result.exit_code == 0);
  std::string rules = dir.str("data") + "/rules.json:";
  CHECK(result.output.find("warning: rule 'deelnemers-trainingen-stadsdelen': in 2023 the districts "
                           "of deelnemers-trainingen add up to 894, not to the total 1.137 (difference 243") !=
        std::string::npos);
  CHECK(result.output.find("warning: rule 'basistrainingen-stadsdelen': in 2020 the districts of "
                           "basistrainingen add up to 118, not to the total 117 (difference 1") !=
        std::string::npos);
  CHECK(result.output.find(rules) != std::string::npos);
  CHECK(result.output.find("error:") == std::string::npos);
  CHECK(result.output.find("0 errors, 2 warnings") != std::string::npos);
}
