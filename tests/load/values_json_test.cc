// Values may also come from JSON files in data/values/, with the same fields and checks as CSV.

#include <catch2/catch.hpp>

#include "derive/figures.h"
#include "load/load.h"
#include "test_util.h"

using namespace jv;
using namespace jv::testing;

TEST_CASE("JSON value files are read beside the CSV files", "[load]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  WriteFile(dir.path() / "data/values/extra.json",
            "{\"values\": [\n"
            "  {\"indicator\": \"consulten-jgz\", \"area\": \"amsterdam\", \"year\": 2022, \"value\": 366375,\n"
            "   \"certainty\": \"inferred\", \"source\": \"jaarverslag-2023\", \"note\": \"teruggerekend\"},\n"
            "  {\"indicator\": \"bereik-3-jarigen\", \"area\": \"amsterdam\", \"year\": 2022, \"value\": 92.3,\n"
            "   \"status\": \"estimate\", \"note\": \"schatting\"}\n"
            "]}\n");
  auto project = load::LoadProject(dir.str("data"));
  REQUIRE(project.ok());
  derive::Figures figures(*project);
  const model::Value* consulten = figures.Find("consulten-jgz", "amsterdam", 2022);
  REQUIRE(consulten != nullptr);
  CHECK(consulten->value == 366375);
  CHECK(consulten->certainty == model::Certainty::kInferred);
  CHECK(consulten->where.line == 2);
  const model::Value* bereik = figures.Find("bereik-3-jarigen", "amsterdam", 2022);
  REQUIRE(bereik != nullptr);
  CHECK(bereik->value == Approx(92.3));
  CHECK(bereik->status == model::ValueStatus::kEstimate);
}

TEST_CASE("Problems in JSON value files point at the field", "[load]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  WriteFile(dir.path() / "data/values/extra.json",
            "{\"values\": [\n"
            "  {\"indicator\": \"consulten-jgz\", \"area\": \"amsterdam\", \"year\": 2022, \"value\": \"12,5\"},\n"
            "  {\"indicator\": \"consulten-jgz\", \"area\": \"amsterdam\", \"jaar\": 2021, \"value\": 1},\n"
            "  {\"indicator\": \"consulten-jgz\", \"area\": \"amsterdam\", \"year\": 2020, \"status\": \"missing\"}\n"
            "]}\n");
  auto project = load::LoadProject(dir.str("data"));
  REQUIRE_FALSE(project.ok());
  std::string errors = project.status().ToString();
  std::string file = dir.str("data/values/extra.json");
  INFO(errors);
  CHECK(errors.find(file + ":2:78: error: field 'value' must be a JSON number such as 98.8, found \"12,5\"") != std::string::npos);
  CHECK(errors.find(file + ":3:63: error: unknown field 'jaar' (did you mean 'year'?)") != std::string::npos);
  CHECK(errors.find(file + ":3:3: error: missing field 'year'") != std::string::npos);
  CHECK(errors.find(file + ":4:79: error: status 'missing' needs the reason in column 'note'") != std::string::npos);
}

// Found with tests/fuzz/load_fuzzer.cc: a text field holding true, [..] or {..} was read with
// json::get<double>(), which throws type_error, and the generator aborted.
TEST_CASE("A JSON value field that is true or a list or an object is an error", "[load]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  WriteFile(dir.path() / "data/values/extra.json",
            "{\"values\": [\n"
            "  {\"indicator\": \"consulten-jgz\", \"area\": \"amsterdam\", \"year\": 2022, \"value\": 1, \"note\": true},\n"
            "  {\"indicator\": [\"consulten-jgz\"], \"area\": {}, \"year\": 2021, \"value\": 1}\n"
            "]}\n");
  auto project = load::LoadProject(dir.str("data"));
  REQUIRE_FALSE(project.ok());
  std::string errors = project.status().ToString();
  std::string file = dir.str("data/values/extra.json");
  INFO(errors);
  CHECK(errors.find(file + ":2:89: error: field 'note' must be text or a number, found true") != std::string::npos);
  CHECK(errors.find(file + ":3:17: error: field 'indicator' must be text or a number, found [\"consulten-jgz\"]") != std::string::npos);
  CHECK(errors.find("error: field 'area' must be text or a number, found {}") != std::string::npos);
}
