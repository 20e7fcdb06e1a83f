// `jaarverslag check` lists every problem at once and writes nothing.

#include <catch2/catch.hpp>

#include <regex>

#include "test_util.h"

using namespace jv::testing;

namespace {

std::string Check(const TempDir& dir) {
  return "check --data " + dir.str("data") + " --templates " + (SourceDir() / "templates").string();
}

}  // namespace

// Problems that keep a file from being read are all listed first (validation of references
// needs every file read); see the next case for problems of several chapters.
TEST_CASE("check lists all problems that keep files from being read at once", "[site][check]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  fs::path values = dir.path() / "data/values/jaarverslag-2023.csv";
  WriteFile(values, ReadFile(values) + "consulten-jgz,amsterdam,2022,\"1,5\",clear,,\nconsulten-jgz,amsterdam,22,1,clear,,\n");
  fs::path areas = dir.path() / "data/areas.json";
  std::string text = ReadFile(areas);
  text.replace(text.find("\"kind\": \"total\""), 15, "\"kind\": \"stad\"");
  WriteFile(areas, text);
  CommandResult result = RunGenerator(Check(dir));
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("jaarverslag-2023.csv:73:30: error: '1,5' is not a number") != std::string::npos);
  CHECK(result.output.find("jaarverslag-2023.csv:74:25: error: '22' is not a year") != std::string::npos);
  CHECK(result.output.find("areas.json:6:15: error: 'stad' is not a valid kind") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "site"));
}

TEST_CASE("check lists problems in several chapters at once", "[site][check]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  for (const char* chapter : {"voorwoord", "leeswijzer"}) {
    fs::path file = dir.path() / "data/2023/chapters" / (std::string(chapter) + ".md");
    WriteFile(file, ReadFile(file) + "\n{{geen-indicator}}\n");
  }
  CommandResult result = RunGenerator(Check(dir));
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("voorwoord.md:") != std::string::npos);
  CHECK(result.output.find("leeswijzer.md:") != std::string::npos);
  CHECK(result.output.find("2 errors") != std::string::npos);
}

TEST_CASE("check exits 0 with only warnings and prints them", "[site][check]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  CommandResult result = RunGenerator(Check(dir));
  CHECK(result.exit_code == 0);
  CHECK(result.output.find("0 errors, 2 warnings") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "site"));
}

TEST_CASE("The whole site can be built in British English formatting", "[site][locale]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  fs::path site_json = dir.path() / "data/site.json";
  std::string text = ReadFile(site_json);
  text.replace(text.find("nl-NL"), 5, "en-GB");
  WriteFile(site_json, text);
  CommandResult result = RunGenerator("build --data " + dir.str("data") + " --templates " +
                                      (SourceDir() / "templates").string() + " --out " + dir.str("site"));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  std::string dashboard = ReadFile(dir.path() / "site/2023/cijfers/index.html");
  CHECK(dashboard.find("<html lang=\"en\">") != std::string::npos);
  CHECK(dashboard.find("98.8%") != std::string::npos);
  CHECK(dashboard.find("443,680") != std::string::npos);
  CHECK(dashboard.find("+96% vs 2022") != std::string::npos);
  CHECK(dashboard.find("unchanged vs 2022") != std::string::npos);
  CHECK(dashboard.find("Target 30%: <strong>not met</strong>") != std::string::npos);
  // The site's own texts are English; notes written in the data stay as written.
  CHECK_FALSE(std::regex_search(dashboard, std::regex("kpi-change[^>]*>[^<]*t\\.o\\.v\\.")));
}
