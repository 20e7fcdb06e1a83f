// rules.json: the shape of each rule is read by the loader, with file:line:col and the rule id
// in every message.

#include <catch2/catch.hpp>

#include "load/load.h"
#include "test_util.h"

using namespace jv;
using namespace jv::testing;

namespace {

// The example data with `rules` as its rules.json.
struct RulesData {
  TempDir dir;
  explicit RulesData(const std::string& rules) {
    CopyExampleData(dir.path() / "data");
    WriteFile(dir.path() / "data/rules.json", rules);
  }
  Result<model::Project> Load() const { return load::LoadProject(dir.str("data")); }
  std::string File() const { return dir.str("data") + "/rules.json"; }
};

std::string Errors(const Result<model::Project>& result) {
  REQUIRE_FALSE(result.ok());
  return result.status().ToString();
}

}  // namespace

TEST_CASE("Rules of each kind are read with their fields", "[load][rules]") {
  RulesData data(R"({"rules": [
  {"id": "a", "kind": "areas-sum-to-total", "indicator": "basistrainingen", "severity": "warning",
   "years": "2019-2022", "note": "bekend"},
  {"id": "b", "kind": "parts-sum-to-whole", "whole": "basistrainingen", "area": "noord",
   "parts": ["basistrainingen-kinderen", "basistrainingen-ouders"], "severity": "error"},
  {"id": "c", "kind": "shares-sum-to-100", "indicators": ["verwijzers-okt", "verwijzers-overig"],
   "tolerance": 1.5, "severity": "error"}
]})");
  auto project = data.Load();
  REQUIRE(project.ok());
  REQUIRE(project->rules.size() == 3);
  const model::Rule& a = project->rules[0];
  CHECK(a.kind == model::Rule::Kind::kAreasSumToTotal);
  CHECK(a.severity == Diagnostic::Severity::kWarning);
  CHECK(a.indicator.id == "basistrainingen");
  CHECK(a.first_year == 2019);
  CHECK(a.last_year == 2022);
  CHECK(a.note == "bekend");
  CHECK(a.where.line == 2);
  const model::Rule& b = project->rules[1];
  CHECK(b.kind == model::Rule::Kind::kPartsSumToWhole);
  CHECK(b.whole.id == "basistrainingen");
  CHECK(b.area.id == "noord");
  REQUIRE(b.parts.size() == 2);
  CHECK(b.parts[1].id == "basistrainingen-ouders");
  CHECK(b.parts[1].where.line == 5);
  CHECK(b.parts[1].where.column == 42);
  const model::Rule& c = project->rules[2];
  CHECK(c.kind == model::Rule::Kind::kSharesSumTo100);
  CHECK(c.tolerance == 1.5);
  CHECK(c.indicators.size() == 2);
  CHECK(c.first_year == 0);
}

TEST_CASE("Without rules.json there are no rules", "[load][rules]") {
  RulesData data("{}");
  fs::remove(data.dir.path() / "data/rules.json");
  auto project = data.Load();
  REQUIRE(project.ok());
  CHECK(project->rules.empty());
}

TEST_CASE("An unknown rule kind names file line column and rule id", "[load][rules]") {
  RulesData data("{\"rules\": [\n  {\"id\": \"x\", \"kind\": \"sums-to-total\", \"indicator\": \"basistrainingen\",\n   \"severity\": \"error\"}\n]}");
  std::string errors = Errors(data.Load());
  CHECK(errors.find(data.File() + ":2:23: error: rule 'x': 'sums-to-total' is not a valid kind "
                    "(expected one of: areas-sum-to-total, parts-sum-to-whole, shares-sum-to-100)") !=
        std::string::npos);
}

TEST_CASE("An unknown rule field names file line column rule id and a suggestion", "[load][rules]") {
  RulesData data("{\"rules\": [\n  {\"id\": \"x\", \"kind\": \"areas-sum-to-total\", \"indicatr\": \"basistrainingen\",\n   \"severity\": \"error\"}\n]}");
  std::string errors = Errors(data.Load());
  CHECK(errors.find(data.File() + ":2:57: error: rule 'x': unknown field 'indicatr' (did you mean 'indicator'?)") !=
        std::string::npos);
  CHECK(errors.find(data.File() + ":2:3: error: rule 'x': missing field 'indicator'") != std::string::npos);
}

TEST_CASE("A field of another rule kind is refused", "[load][rules]") {
  RulesData data("{\"rules\": [\n  {\"id\": \"x\", \"kind\": \"areas-sum-to-total\", \"indicator\": \"basistrainingen\",\n   \"severity\": \"error\", \"parts\": []}\n]}");
  CHECK(Errors(data.Load()).find(":3:34: error: rule 'x': unknown field 'parts'") != std::string::npos);
}

TEST_CASE("Severity tolerance and years are checked", "[load][rules]") {
  RulesData data(R"({"rules": [
  {"id": "x", "kind": "areas-sum-to-total", "indicator": "basistrainingen", "severity": "fatal"},
  {"id": "y", "kind": "areas-sum-to-total", "indicator": "basistrainingen"},
  {"id": "z", "kind": "areas-sum-to-total", "indicator": "basistrainingen", "severity": "error",
   "tolerance": -1, "years": "2022-2019"},
  {"kind": "shares-sum-to-100", "indicators": ["verwijzers-okt"], "severity": "error"}
]})");
  std::string errors = Errors(data.Load());
  CHECK(errors.find(":2:89: error: rule 'x': 'fatal' is not a valid severity (expected one of: error, warning)") != std::string::npos);
  CHECK(errors.find(":3:3: error: rule 'y': missing field 'severity' (error or warning)") != std::string::npos);
  CHECK(errors.find(":5:17: error: rule 'z': 'tolerance' must be 0 or more") != std::string::npos);
  CHECK(errors.find(":5:30: error: rule 'z': '2022-2019' is not a year or range like 2019-2022") != std::string::npos);
  CHECK(errors.find(":6:3: error: rule 4: missing field 'id'") != std::string::npos);
  CHECK(errors.find(":6:47: error: rule 4: 'indicators' needs at least 2 indicators") != std::string::npos);
}
