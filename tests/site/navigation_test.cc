// The main navigation in every page's header: the full chapter list for a report of usual size,
// a compact one (table of contents, current chapter, dashboard, search) for an edition with
// many chapters, so pages do not grow with the number of chapters squared. Also: pages are
// rendered on several threads, a template mistake is reported once, not once per page, and
// preview images are painted only for sites with a base_url.

#include <catch2/catch.hpp>

#include <regex>
#include <vector>

#include "test_util.h"

namespace jv::testing {
namespace {

std::string Slug(int i) { return "deel-" + std::to_string(100 + i).substr(1); }

// A data folder with one edition (2024) of `chapters` chapters, each with one section.
fs::path WriteEdition(const TempDir& dir, int chapters) {
  fs::path data = dir.path() / "data";
  WriteFile(data / "site.json", R"({"organisation": "Stichting Voorbeeld", "short_name": "SV", "locale": "nl-NL", "editions": ["2024"]})");
  WriteFile(data / "areas.json", R"({"areas": [{"id": "amsterdam", "name": "Amsterdam", "kind": "total"}]})");
  WriteFile(data / "sources.json", R"({"sources": [{"id": "jv", "title": "Jaarverslag 2024"}]})");
  WriteFile(data / "indicators.json", R"({"indicators": [{"id": "consulten", "label": "Consulten", "unit": "count",
    "decimals": 0, "direction": "neutral", "description": "Aantal consulten.", "source": "jv"}]})");
  WriteFile(data / "values/waarden.csv", "indicator,area,year,value,certainty,source,note\nconsulten,amsterdam,2024,443680,clear,jv,\n");
  std::string names;
  for (int i = 1; i <= chapters; ++i) {
    names += std::string(i > 1 ? ", " : "") + "\"" + Slug(i) + "\"";
    WriteFile(data / "2024/chapters" / (Slug(i) + ".md"),
              "---\ntitle: Onderwerp " + std::to_string(i) + "\n---\n\n## Wat we deden\n\nTekst van deel " + std::to_string(i) + ".\n");
  }
  WriteFile(data / "2024/edition.json", R"({"year": 2024, "title": "Jaarverslag 2024", "subtitle": "Stichting Voorbeeld",
    "chapters": [)" + names + R"(], "dashboard": {"tiles": ["consulten"], "charts": []}})");
  WriteFile(data / "2024/charts.json", R"({"charts": []})");
  return data;
}

CommandResult BuildSite(const TempDir& dir, const fs::path& data, const std::string& extra = "") {
  return RunGenerator("build --data " + data.string() + " --templates " + (SourceDir() / "templates").string() +
                      " --out " + dir.str("site") + " " + extra);
}

// The header's main navigation of a page: one (title, href, current) per link.
struct NavLink {
  std::string title, href;
  bool current;
};
std::vector<NavLink> MainNavigation(const std::string& html) {
  std::vector<NavLink> links;
  size_t start = html.find("<ul class=\"site-nav\">");
  REQUIRE(start != std::string::npos);
  std::string nav = html.substr(start, html.find("</ul>", start) - start);
  std::regex link("<a href=\"([^\"]+)\"( aria-current=\"page\")?>([^<]+)</a>");
  for (auto it = std::sregex_iterator(nav.begin(), nav.end(), link); it != std::sregex_iterator(); ++it) {
    links.push_back({(*it)[3], (*it)[1], (*it)[2].matched});
  }
  return links;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST_CASE("A report of usual size lists every chapter in every page's navigation", "[site][navigation]") {
  TempDir dir;
  fs::path data = WriteEdition(dir, 15);
  CommandResult result = BuildSite(dir, data);
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  std::vector<NavLink> nav = MainNavigation(ReadFile(dir.path() / "site/2024/deel-07/index.html"));
  REQUIRE(nav.size() == 15 + 2);  // every chapter, the dashboard, search
  for (int i = 1; i <= 15; ++i) {
    CHECK(nav[i - 1].title == "Onderwerp " + std::to_string(i));
    CHECK(nav[i - 1].href == "../../2024/" + Slug(i) + "/index.html");
    CHECK(nav[i - 1].current == (i == 7));
  }
  CHECK(nav[15].title == "Alle cijfers");
  CHECK(nav[16].title == "Zoeken");
  CHECK(ReadFile(dir.path() / "site/2024/index.html").find("Alle hoofdstukken") == std::string::npos);
}

TEST_CASE("The example report keeps its full navigation", "[site][navigation]") {
  TempDir dir;
  CommandResult result = RunGenerator("build --data " + (SourceDir() / "data").string() + " --templates " +
                                      (SourceDir() / "templates").string() + " --out " + dir.str("site"));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  std::string home = ReadFile(dir.path() / "site/2023/index.html");
  size_t list = home.find("<ol class=\"chapter-list\">");
  REQUIRE(list != std::string::npos);
  size_t chapters = Count(home.substr(list, home.find("</ol>", list) - list), "<li>");
  REQUIRE(chapters >= 2);
  std::vector<NavLink> nav = MainNavigation(home);
  CHECK(nav.size() == chapters + 2);
  CHECK(home.find("Alle hoofdstukken") == std::string::npos);
}

TEST_CASE("An edition with many chapters gets a compact navigation", "[site][navigation]") {
  TempDir dir;
  fs::path data = WriteEdition(dir, 40);
  CommandResult result = BuildSite(dir, data);
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  std::string page = ReadFile(dir.path() / "site/2024/deel-20/index.html");
  std::vector<NavLink> nav = MainNavigation(page);
  REQUIRE(nav.size() == 4);
  CHECK(nav[0].title == "Alle hoofdstukken");
  CHECK(nav[0].href == "../../2024/index.html#hoofdstukken");
  CHECK_FALSE(nav[0].current);
  CHECK(nav[1].title == "Onderwerp 20");
  CHECK(nav[1].href == "../../2024/deel-20/index.html");
  CHECK(nav[1].current);
  CHECK(nav[2].title == "Alle cijfers");
  CHECK(nav[3].title == "Zoeken");
  // Previous and next chapter stay one step away; other chapters are not linked from the page.
  CHECK(page.find("href=\"../deel-19/index.html\" rel=\"prev\"") != std::string::npos);
  CHECK(page.find("href=\"../deel-21/index.html\" rel=\"next\"") != std::string::npos);
  CHECK(page.find("deel-05/") == std::string::npos);
  // The table of contents the navigation leads to lists every chapter.
  std::string home = ReadFile(dir.path() / "site/2024/index.html");
  CHECK(home.find("<h2 id=\"hoofdstukken\">") != std::string::npos);
  for (int i = 1; i <= 40; ++i) CHECK(home.find("href=\"../2024/" + Slug(i) + "/index.html\"") != std::string::npos);
  std::vector<NavLink> home_nav = MainNavigation(home);
  REQUIRE(home_nav.size() == 3);  // no current chapter on the home page
  CHECK(home_nav[0].title == "Alle hoofdstukken");
  // The dashboard is marked as the current page in its own navigation.
  std::vector<NavLink> dashboard = MainNavigation(ReadFile(dir.path() / "site/2024/cijfers/index.html"));
  REQUIRE(dashboard.size() == 3);
  CHECK(dashboard[1].title == "Alle cijfers");
  CHECK(dashboard[1].current);
}

TEST_CASE("Chapter pages do not grow with the number of chapters", "[site][navigation]") {
  TempDir small_dir, big_dir;
  REQUIRE(BuildSite(small_dir, WriteEdition(small_dir, 20)).exit_code == 0);
  REQUIRE(BuildSite(big_dir, WriteEdition(big_dir, 200)).exit_code == 0);
  size_t small = ReadFile(small_dir.path() / "site/2024/deel-10/index.html").size();
  size_t big = ReadFile(big_dir.path() / "site/2024/deel-10/index.html").size();
  CHECK(big < small + 200);  // the same page; only its neighbours' titles may differ
}

TEST_CASE("Pages of a large edition are the same bytes for any number of jobs", "[site][navigation]") {
  TempDir dir;
  fs::path data = WriteEdition(dir, 60);
  REQUIRE(RunGenerator("build --data " + data.string() + " --templates " + (SourceDir() / "templates").string() +
                       " --out " + dir.str("one") + " --jobs 1").exit_code == 0);
  REQUIRE(RunGenerator("build --data " + data.string() + " --templates " + (SourceDir() / "templates").string() +
                       " --out " + dir.str("three") + " --jobs 3").exit_code == 0);
  size_t pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "one")) {
    if (!entry.is_regular_file()) continue;
    fs::path relative = fs::relative(entry.path(), dir.path() / "one");
    INFO(relative.string());
    REQUIRE(fs::exists(dir.path() / "three" / relative));
    CHECK(ReadFile(entry.path()) == ReadFile(dir.path() / "three" / relative));
    pages += relative.extension() == ".html";
  }
  CHECK(pages >= 60);
}

TEST_CASE("A template mistake is reported once, not once per page", "[site][navigation]") {
  TempDir dir;
  fs::path data = WriteEdition(dir, 20);
  fs::copy(SourceDir() / "templates", dir.path() / "templates", fs::copy_options::recursive);
  std::string chapter = ReadFile(dir.path() / "templates/chapter.mustache");
  WriteFile(dir.path() / "templates/chapter.mustache", "<p>{{titel}}</p>\n" + chapter);
  CommandResult result = RunGenerator("build --data " + data.string() + " --templates " + dir.str("templates") +
                                      " --out " + dir.str("site") + " --jobs 2");
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Count(result.output, "chapter.mustache:1:4: error: the template uses 'titel'") == 1);
  CHECK_FALSE(fs::exists(dir.path() / "site/2024/deel-01/index.html"));
}

TEST_CASE("Preview images are painted only when pages can link to them", "[site][navigation]") {
  TempDir dir;
  fs::path data = WriteEdition(dir, 3);
  REQUIRE(BuildSite(dir, data).exit_code == 0);
  // Without base_url there is no absolute URL for og:image, so no preview either.
  CHECK_FALSE(fs::exists(dir.path() / "site/social"));
  CHECK(ReadFile(dir.path() / "site/2024/deel-02/index.html").find("og:image") == std::string::npos);
  std::string site = ReadFile(data / "site.json");
  site.insert(site.find("\"locale\""), "\"base_url\": \"https://www.example.nl/verslag/\", ");
  WriteFile(data / "site.json", site);
  CommandResult result = BuildSite(dir, data);
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  CHECK(ReadFile(dir.path() / "site/2024/deel-02/index.html")
            .find("<meta property=\"og:image\" content=\"https://www.example.nl/verslag/social/2024-deel-02.png\">") !=
        std::string::npos);
  std::string card = ReadFile(dir.path() / "site/social/2024-deel-02.png");
  CHECK(card.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
}

}  // namespace
}  // namespace jv::testing
