// Several editions on one site: every edition under its own year, a switcher on every page,
// figures per edition, and links into an earlier edition that survive adding a later one.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "test_util.h"

namespace jv::testing {
namespace {

// Adds a small 2022 edition to a copy of the example data and lists `editions` in site.json.
void AddEarlierEdition(const fs::path& data, const std::vector<std::string>& editions) {
  WriteFile(data / "2022/edition.json", R"({
  "year": 2022,
  "title": "Cijfers 2022",
  "chapters": ["overzicht", "voorwoord"],
  "dashboard": {"tiles": ["basistrainingen"], "charts": []}
})");
  WriteFile(data / "2022/chapters/overzicht.md", "---\ntitle: Overzicht\n---\n\n## Trainingen\n\nIn 2022 waren er {{basistrainingen}} basistrainingen.\n");
  WriteFile(data / "2022/chapters/voorwoord.md", "---\ntitle: Voorwoord\n---\n\nEen kort voorwoord.\n");
  auto site = nlohmann::json::parse(ReadFile(data / "site.json"));
  site["editions"] = editions;
  WriteFile(data / "site.json", site.dump(2));
}

fs::path Build(const TempDir& dir, const std::vector<std::string>& editions) {
  CopyExampleData(dir.path() / "data");
  AddEarlierEdition(dir.path() / "data", editions);
  CommandResult result = RunGenerator("build --data " + dir.str("data") + " --templates " +
                                      (SourceDir() / "templates").string() + " --out " + dir.str("site"));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  return dir.path() / "site";
}

// The switcher's links on a page: label -> href.
std::map<std::string, std::string> SwitcherLinks(const std::string& html) {
  std::map<std::string, std::string> links;
  size_t start = html.find("<nav class=\"edition-switcher");
  if (start == std::string::npos) return links;
  std::string nav = html.substr(start, html.find("</nav>", start) - start);
  std::regex link("<a href=\"([^\"]+)\"[^>]*>([^<]+)</a>");
  for (auto it = std::sregex_iterator(nav.begin(), nav.end(), link); it != std::sregex_iterator(); ++it) {
    links[(*it)[2]] = (*it)[1];
  }
  return links;
}

TEST_CASE("Every page of every edition links to the same page of the other editions", "[site][editions]") {
  TempDir dir;
  fs::path site = Build(dir, {"2022", "2023"});
  REQUIRE(fs::exists(site / "2022/index.html"));
  REQUIRE(fs::exists(site / "2023/index.html"));
  // The latest edition stands at the root.
  CHECK(ReadFile(site / "index.html").find("<title>Jaarverslag 2023</title>") != std::string::npos);

  auto dashboard = SwitcherLinks(ReadFile(site / "2022/cijfers/index.html"));
  CHECK(dashboard["2023"] == "../../2023/cijfers/index.html");
  CHECK(dashboard["2022"] == "../../2022/cijfers/index.html");
  CHECK(ReadFile(site / "2022/cijfers/index.html").find("aria-current=\"page\">2022</a>") != std::string::npos);
  auto district = SwitcherLinks(ReadFile(site / "2023/cijfers/noord/index.html"));
  CHECK(district["2022"] == "../../../2022/cijfers/noord/index.html");
  // A chapter both editions have leads to its namesake; one only 2022 has, to 2023's home.
  CHECK(SwitcherLinks(ReadFile(site / "2022/voorwoord/index.html"))["2023"] == "../../2023/voorwoord/index.html");
  CHECK(SwitcherLinks(ReadFile(site / "2022/overzicht/index.html"))["2023"] == "../../2023/index.html");
  CHECK(SwitcherLinks(ReadFile(site / "index.html"))["2022"] == "2022/index.html");
  CHECK(SwitcherLinks(ReadFile(site / "zoeken/index.html"))["2022"] == "../2022/index.html");
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    if (entry.path().extension() != ".html") continue;
    auto links = SwitcherLinks(ReadFile(entry.path()));
    INFO(entry.path().string());
    CHECK(links.size() == 2);
    for (const auto& [label, href] : links) CHECK(fs::exists(entry.path().parent_path() / href));
  }
}

TEST_CASE("The example's pages list every edition in the switcher", "[site][editions]") {
  auto site = nlohmann::json::parse(ReadFile(SourceDir() / "data/site.json"));
  REQUIRE(site["editions"].size() > 1);
  CHECK(SwitcherLinks(ReadFile(ExampleSiteOnce() / "2023/index.html")).size() == site["editions"].size());
}

TEST_CASE("Each edition publishes its figures up to its own year", "[site][editions]") {
  TempDir dir;
  fs::path site = Build(dir, {"2022", "2023"});
  std::string csv_2022 = ReadFile(site / "2022/data/cijfers-2022.csv");
  std::string csv_2023 = ReadFile(site / "2023/data/cijfers-2023.csv");
  CHECK(csv_2022.find(",2022,") != std::string::npos);
  CHECK(csv_2022.find(",2023,") == std::string::npos);
  CHECK(csv_2023.find(",2023,") != std::string::npos);
  CHECK(csv_2023.size() > csv_2022.size());
  auto json_2022 = nlohmann::json::parse(ReadFile(site / "2022/data/cijfers-2022.json"));
  for (const auto& value : json_2022["values"]) CHECK(value["year"].get<int>() <= 2022);
  CHECK(ReadFile(site / "2022/index.html").find("href=\"../2022/data/cijfers-2022.csv\" download") != std::string::npos);
}

// Every page and every id under `edition/` of a site: what a link into that edition may name.
std::set<std::string> LinkTargets(const fs::path& site, const std::string& edition) {
  std::set<std::string> targets;
  std::regex id(" id=\"([^\"]+)\"");
  for (const auto& entry : fs::recursive_directory_iterator(site / edition)) {
    if (!entry.is_regular_file()) continue;
    std::string path = fs::relative(entry.path(), site).string();
    targets.insert(path);
    if (entry.path().extension() != ".html") continue;
    std::string html = ReadFile(entry.path());
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator(); ++it) {
      targets.insert(path + "#" + (*it)[1].str());
    }
  }
  return targets;
}

TEST_CASE("Adding an edition keeps every link into the earlier one working", "[site][editions]") {
  TempDir before_dir, after_dir;
  fs::path before = Build(before_dir, {"2022"});
  fs::path after = Build(after_dir, {"2022", "2023"});
  CHECK(ReadFile(before / "index.html").find("<title>Cijfers 2022</title>") != std::string::npos);
  CHECK(ReadFile(before / "index.html").find("edition-switcher") == std::string::npos);  // one edition
  std::set<std::string> old_targets = LinkTargets(before, "2022");
  std::set<std::string> new_targets = LinkTargets(after, "2022");
  CHECK(old_targets.size() > 20);
  for (const std::string& target : old_targets) {
    INFO(target);
    CHECK(new_targets.count(target) == 1);
  }
}

TEST_CASE("The tile map links every district tile to the district's page", "[site][editions]") {
  const fs::path& site = ExampleSiteOnce();
  std::string dashboard = ReadFile(site / "2023/cijfers/index.html");
  std::regex hotspot("<a class=\"chart-hotspot\" href=\"([^\"]+)\" style=\"left: [0-9.]+%; top: [0-9.]+%; "
                     "width: [0-9.]+%; height: [0-9.]+%\" aria-label=\"Cijfers van ([^\"]+)\"></a>");
  std::set<std::string> districts;
  for (auto it = std::sregex_iterator(dashboard.begin(), dashboard.end(), hotspot); it != std::sregex_iterator(); ++it) {
    std::string href = (*it)[1];
    INFO(href);
    CHECK(fs::exists(site / "2023/cijfers" / href));
    CHECK(ReadFile(site / "2023/cijfers" / href).find("<h1>" + (*it)[2].str() + "</h1>") != std::string::npos);
    districts.insert((*it)[2]);
  }
  CHECK(districts == std::set<std::string>{"Centrum", "Nieuw-West", "Noord", "Oost", "West", "Zuid", "Zuidoost", "Weesp"});
}

}  // namespace
}  // namespace jv::testing
