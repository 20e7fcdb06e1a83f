// LoadProject with a memo kept between loads (`serve`): only the parts of the data folder whose
// files changed are parsed again, and the project is the same as a fresh load's.

#include <catch2/catch.hpp>

#include "load/load.h"
#include "test_util.h"

namespace jv::testing {
namespace {

// What a build takes from a project, as text: the files read with their hashes (the build's
// inputs hash), every value, and every edition's chapters, charts and tables.
std::string Describe(const model::Project& project) {
  std::ostringstream out;
  for (const auto& [path, hash] : project.files) out << "file " << path << " " << hash << "\n";
  for (const model::Indicator& indicator : project.indicators) out << "indicator " << indicator.id << " " << indicator.label << "\n";
  for (const model::Value& v : project.values) {
    out << "value " << v.indicator << " " << v.area << " " << v.year << " " << v.value << " " << v.where.ToString() << "\n";
  }
  for (const model::Edition& edition : project.editions) {
    out << "edition " << edition.year_folder << " " << edition.title << "\n";
    for (const model::Chapter& chapter : edition.chapters) out << "chapter " << chapter.slug << "\n" << chapter.markdown;
    for (const model::Chart& chart : edition.charts) out << "chart " << chart.id << " " << chart.where.ToString() << "\n";
    for (const model::Table& table : edition.tables) out << "table " << table.id << "\n";
  }
  return out.str();
}

std::string Fresh(const fs::path& data) {
  Result<model::Project> project = load::LoadProject(data.string());
  REQUIRE(project.ok());
  return Describe(*project);
}

// Loads with `memo` and checks the project against a load without one.
std::string LoadWith(const fs::path& data, load::LoadMemo* memo) {
  Result<model::Project> project = load::LoadProject(data.string(), memo);
  REQUIRE(project.ok());
  std::string described = Describe(*project);
  CHECK(described == Fresh(data));
  return described;
}

void Replace(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = ReadFile(file);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  WriteFile(file, text.replace(at, from.size(), to));
}

// The example has 1 indicators file, 3 values files and 9 editions.
constexpr int kParts = 1 + 3 + 9;

TEST_CASE("A memo kept between loads parses again only the parts whose files changed", "[load]") {
  TempDir dir;
  fs::path data = dir.path() / "data";
  CopyExampleData(data);
  load::LoadMemo memo;
  LoadWith(data, &memo);
  CHECK(memo.reused == 0);
  LoadWith(data, &memo);
  CHECK(memo.reused == kParts);

  // A corrected figure: only its values file is read again.
  Replace(data / "values/jaarverslag-2023.csv", "\naandeel-preventie,amsterdam,2023,27,", "\naandeel-preventie,amsterdam,2023,26,");
  std::string corrected = LoadWith(data, &memo);
  CHECK(memo.reused == kParts - 1);
  CHECK(corrected.find("value aandeel-preventie amsterdam 2023 26 ") != std::string::npos);

  // A chapter, a file the edition read: that edition only.
  Replace(data / "2019/chapters/overzicht.md", "## Bereik", "## Bereik en groei");
  CHECK(LoadWith(data, &memo).find("## Bereik en groei") != std::string::npos);
  CHECK(memo.reused == kParts - 1);

  // A file the edition read, gone; then a file it looked for and did not find, there.
  std::string tables = ReadFile(data / "2020/tables.json");
  REQUIRE(fs::remove(data / "2020/tables.json"));
  LoadWith(data, &memo);
  CHECK(memo.reused == kParts - 1);
  LoadWith(data, &memo);
  CHECK(memo.reused == kParts);
  WriteFile(data / "2020/tables.json", tables);
  LoadWith(data, &memo);
  CHECK(memo.reused == kParts - 1);
}

TEST_CASE("A part that failed to load is parsed again once it is mended", "[load]") {
  TempDir dir;
  fs::path data = dir.path() / "data";
  CopyExampleData(data);
  load::LoadMemo memo;
  LoadWith(data, &memo);
  std::string charts = ReadFile(data / "2021/charts.json");
  WriteFile(data / "2021/charts.json", "{ broken");
  Result<model::Project> broken = load::LoadProject(data.string(), &memo);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().diagnostics().front().ToString().find("2021/charts.json:1:") != std::string::npos);
  // Still broken: the message comes again, not a part kept from before.
  CHECK_FALSE(load::LoadProject(data.string(), &memo).ok());

  WriteFile(data / "2021/charts.json", charts);
  LoadWith(data, &memo);
  CHECK(memo.reused == kParts - 1);
}

}  // namespace
}  // namespace jv::testing
