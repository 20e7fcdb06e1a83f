// `jaarverslag new <year>`: next year's edition started from the latest one, figures left open
// for the team, and `check` listing what is still missing.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "test_util.h"

namespace jv::testing {
namespace {

struct NewEditionFixture {
  TempDir dir;
  fs::path data = dir.path() / "data";
  NewEditionFixture() { CopyExampleData(data); }
  CommandResult Run(const std::string& arguments) {
    return RunGenerator(arguments + " --data " + data.string());
  }
  CommandResult Check() {
    return RunGenerator("check --data " + data.string() + " --templates " + (SourceDir() / "templates").string());
  }
  CommandResult Build() {
    return RunGenerator("build --data " + data.string() + " --templates " + (SourceDir() / "templates").string() +
                        " --out " + dir.str("site"));
  }
};

// Indicator and area pairs with a figure in `year` in the example data.
size_t PairsWithFigures(int year) {
  std::set<std::string> pairs;
  std::regex row("^([a-z0-9-]+),([a-z0-9-]+)," + std::to_string(year) + ",");
  for (const auto& entry : fs::directory_iterator(SourceDir() / "data/values")) {
    std::istringstream in(ReadFile(entry.path()));
    std::smatch m;
    for (std::string line; std::getline(in, line);) {
      if (std::regex_search(line, m, row)) pairs.insert(m[1].str() + "/" + m[2].str());
    }
  }
  return pairs.size();
}

TEST_CASE("new copies the latest edition with its years moved on", "[site][new]") {
  NewEditionFixture f;
  CommandResult made = f.Run("new 2024");
  INFO(made.output);
  REQUIRE(made.exit_code == 0);
  CHECK(made.output.find("started edition 2024") != std::string::npos);

  auto edition = nlohmann::json::parse(ReadFile(f.data / "2024/edition.json"));
  CHECK(edition["year"] == 2024);
  CHECK(edition["title"] == "Jaarverslag 2024");
  auto old_edition = nlohmann::json::parse(ReadFile(f.data / "2023/edition.json"));
  CHECK(edition["chapters"] == old_edition["chapters"]);
  std::string charts = ReadFile(f.data / "2024/charts.json");
  CHECK(charts.find("\"years\": \"2017-2024\"") != std::string::npos);
  CHECK(charts.find("\"year\": 2023") == std::string::npos);
  // Chapters keep their text; only the front matter's title and summary move on.
  auto body = [](const std::string& markdown) { return markdown.substr(markdown.find("\n---\n")); };
  CHECK(body(ReadFile(f.data / "2024/chapters/voorwoord.md")) == body(ReadFile(f.data / "2023/chapters/voorwoord.md")));
  auto site = nlohmann::json::parse(ReadFile(f.data / "site.json"));
  CHECK(site["editions"].back() == "2024");

  std::string values = ReadFile(f.data / "values/2024.csv");
  CHECK(values.rfind("indicator,area,year,value,status,note\n", 0) == 0);
  CHECK(values.find("\nbereik-0-jarigen,amsterdam,2024,,missing,nog in te vullen\n") != std::string::npos);
  CHECK(static_cast<size_t>(std::count(values.begin(), values.end(), '\n')) == PairsWithFigures(2023) + 1);
}

TEST_CASE("check lists the figures of a new edition that are still missing", "[site][new]") {
  NewEditionFixture f;
  REQUIRE(f.Run("new 2024").exit_code == 0);
  CommandResult check = f.Check();
  INFO(check.output);
  CHECK(check.exit_code == 0);
  CHECK(check.output.find("values/2024.csv:2:1: warning: figure ") != std::string::npos);
  CHECK(check.output.find("figure bereik-0-jarigen / amsterdam / 2024 of the latest edition is still missing") !=
        std::string::npos);

  // Filling one in takes it off the list, and the edition compares it with the year before.
  std::string values = ReadFile(f.data / "values/2024.csv");
  std::string open = "bereik-0-jarigen,amsterdam,2024,,missing,nog in te vullen";
  values.replace(values.find(open), open.size(), "bereik-0-jarigen,amsterdam,2024,99.1,,");
  WriteFile(f.data / "values/2024.csv", values);
  CHECK(f.Check().output.find("bereik-0-jarigen / amsterdam / 2024") == std::string::npos);
  CommandResult build = f.Build();
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  std::string dashboard = ReadFile(f.dir.path() / "site/2024/cijfers/index.html");
  CHECK(dashboard.find("99,1%") != std::string::npos);
  CHECK(dashboard.find("t.o.v. 2023") != std::string::npos);
  CHECK(dashboard.find("nog in te vullen") != std::string::npos);
  CHECK(dashboard.find(">geen gegevens</text>") != std::string::npos);  // a chart with no figure yet
  // The new edition is the latest: at the root, and every earlier one is still there.
  CHECK(ReadFile(f.dir.path() / "site/index.html").find("<title>Jaarverslag 2024</title>") != std::string::npos);
  CHECK(fs::exists(f.dir.path() / "site/2023/cijfers/index.html"));
}

TEST_CASE("new refuses a year that is not after the latest edition and never overwrites", "[site][new]") {
  NewEditionFixture f;
  auto before = Snapshot(f.data);
  CommandResult same = f.Run("new 2023");
  CHECK(same.exit_code == 1);
  CHECK(same.output.find("must come after the latest edition, 2023") != std::string::npos);
  CHECK(Snapshot(f.data) == before);

  WriteFile(f.data / "values/2024.csv", "indicator,area,year,value\n");
  before = Snapshot(f.data);
  CommandResult clash = f.Run("new 2024");
  CHECK(clash.exit_code == 1);
  CHECK(clash.output.find("values/2024.csv") != std::string::npos);
  CHECK(clash.output.find("already exists; not overwritten") != std::string::npos);
  CHECK(Snapshot(f.data) == before);
  CHECK(f.Run("new").exit_code == 2);
}

}  // namespace
}  // namespace jv::testing
