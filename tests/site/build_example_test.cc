// End to end: builds the example report with the real binary into a temporary folder and checks
// what a reader would see.

#include <catch2/catch.hpp>

#include <regex>

#include <nlohmann/json.hpp>

#include "load/load.h"
#include "test_util.h"

using namespace jv::testing;

namespace {

// One build of the example for all checks in this file (building takes a few seconds).
const fs::path& ExampleSite() { return ExampleSiteOnce(); }

std::string Page(const std::string& relative) { return ReadFile(ExampleSite() / relative); }

int CountFiles(const fs::path& root, const std::string& suffix) {
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string name = entry.path().string();
    count += name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  }
  return count;
}

uint32_t PngWidth(const std::string& png) {
  REQUIRE(png.size() > 24);
  auto byte = [&](int i) { return static_cast<uint32_t>(static_cast<unsigned char>(png[i])); };
  return byte(16) << 24 | byte(17) << 16 | byte(18) << 8 | byte(19);
}

}  // namespace

TEST_CASE("The example builds into at least 12 pages and 6 charts", "[site][e2e]") {
  CHECK(CountFiles(ExampleSite(), ".html") >= 12);
  CHECK(CountFiles(ExampleSite() / "2023/charts", ".svg") >= 6);
  CHECK(CountFiles(ExampleSite() / "2023/charts", ".png") >= 6);
  CHECK(CountFiles(ExampleSite() / "2023/charts", ".csv") >= 6);
  for (const char* page : {"index.html", "2023/index.html", "2023/voorwoord/index.html",
                           "2023/gezamenlijke-prioriteiten/index.html", "2023/in-cijfers/index.html",
                           "2023/bijlage-vaccinatiegraden/index.html", "2023/cijfers/index.html"}) {
    INFO(page);
    CHECK(fs::exists(ExampleSite() / page));
  }
}

TEST_CASE("Charts are SVG with real text and PNG at twice the size", "[site][e2e]") {
  std::string svg = Page("2023/charts/preventie-tijd.svg");
  CHECK(svg.find("<text") != std::string::npos);
  CHECK(svg.find(">2017<") != std::string::npos);
  CHECK(svg.find("<title") != std::string::npos);
  std::smatch width;
  REQUIRE(std::regex_search(svg, width, std::regex("width=\"([0-9.]+)\"")));
  CHECK(PngWidth(Page("2023/charts/preventie-tijd.png")) == 2 * std::stoi(width[1]));
  std::string csv = Page("2023/charts/preventie-tijd.csv");
  CHECK(csv.find("2023,27") != std::string::npos);
}

TEST_CASE("Figures appear Dutch-formatted in the pages", "[site][e2e]") {
  std::string cijfers = Page("2023/in-cijfers/index.html");
  CHECK(cijfers.find("98,8%") != std::string::npos);
  CHECK(cijfers.find("443.680") != std::string::npos);
  CHECK(cijfers.find("1.921") != std::string::npos);
  CHECK(cijfers.find("1.137") != std::string::npos);
}

TEST_CASE("KPI tiles show changes computed from the data and target status", "[site][e2e]") {
  std::string dashboard = Page("2023/cijfers/index.html");
  // Themabijeenkomsten 141 vs 72; trainingen voor kinderen en jongeren 73 vs 73.
  CHECK(dashboard.find("+96% t.o.v. 2022") != std::string::npos);
  CHECK(dashboard.find("+49% t.o.v. 2022") != std::string::npos);
  CHECK(dashboard.find("gelijk t.o.v. 2022") != std::string::npos);
  std::regex preventie("Aandeel preventie[\\s\\S]*?27%[\\s\\S]*?Streefwaarde 30%: <strong>niet gehaald</strong>");
  CHECK(std::regex_search(dashboard, preventie));
}

TEST_CASE("Internal links are relative and point at files that exist", "[site][e2e]") {
  std::regex href("(?:href|src)=\"([^\"#]+)");
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(ExampleSite())) {
    if (entry.path().extension() != ".html") continue;
    std::string html = ReadFile(entry.path());
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it) {
      std::string target = (*it)[1];
      if (target.rfind("http", 0) == 0 || target.rfind("mailto:", 0) == 0) continue;
      INFO(entry.path().string() + " -> " + target);
      CHECK(target.front() != '/');
      CHECK(fs::exists(entry.path().parent_path() / target));
      ++checked;
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("Two builds of the same input are byte-identical", "[site][e2e]") {
  TempDir other;
  CommandResult result = RunGenerator("build --data " + (SourceDir() / "data").string() +
                                      " --templates " + (SourceDir() / "templates").string() +
                                      " --out " + other.str("site"));
  REQUIRE(result.exit_code == 0);
  auto a = Snapshot(ExampleSite());
  auto b = Snapshot(other.path() / "site");
  CHECK(a.size() == b.size());
  for (const auto& [path, bytes] : a) {
    INFO(path);
    CHECK(b[path] == bytes);
  }
}

TEST_CASE("Open data sitemap robots and the accessibility statement are published", "[site][e2e]") {
  std::string csv = Page("data/cijfers.csv");
  CHECK(csv.rfind("indicator,label,unit,area,area_name,year,value,", 0) == 0);
  CHECK(csv.find("\nthemabijeenkomsten,Themabijeenkomsten,count,amsterdam,Amsterdam,2022,72,") != std::string::npos);
  auto json = nlohmann::json::parse(Page("data/cijfers.json"));
  auto project = jv::load::LoadProject((SourceDir() / "data").string());
  REQUIRE(project.ok());
  CHECK(json["values"].size() == project->values.size());
  CHECK(std::count(csv.begin(), csv.end(), '\n') >= static_cast<long>(project->values.size()) + 1);

  std::string sitemap = Page("sitemap.xml");
  CHECK(sitemap.find("<loc>https://www.oktamsterdam.nl/jaarverslag/2023/in-cijfers/</loc>") != std::string::npos);
  CHECK(sitemap.find("404") == std::string::npos);
  CHECK(Page("robots.txt").find("Sitemap: https://www.oktamsterdam.nl/jaarverslag/sitemap.xml") != std::string::npos);
  std::string statement = Page("toegankelijkheid/index.html");
  CHECK(statement.find("<h1>Toegankelijkheidsverklaring</h1>") != std::string::npos);
  CHECK(statement.find("WCAG 2.1") != std::string::npos);
  CHECK(Page("2023/index.html").find("href=\"../toegankelijkheid/index.html\"") != std::string::npos);
}

TEST_CASE("The search page loads an index of every chapter with its text", "[site][e2e]") {
  std::string page = Page("zoeken/index.html");
  std::smatch index_name;
  REQUIRE(std::regex_search(page, index_name, std::regex("<script src=\"(zoekindex\\.[0-9a-f]+\\.js)\"></script>")));
  std::string index = Page("zoeken/" + index_name[1].str());
  CHECK(index.rfind("window.JV_SEARCH_INDEX = [", 0) == 0);
  CHECK(index.find("\"href\": \"2023/bijlage-vaccinatiegraden/index.html\"") != std::string::npos);
  CHECK(index.find("443.680") != std::string::npos);  // figures appear as the reader sees them
  CHECK(index.find("<") == std::string::npos);          // nothing in the index can close the script
  CHECK(page.find("src=\"../assets/search.") != std::string::npos);
}

TEST_CASE("The dashboard compares every district and links to its page", "[site][e2e]") {
  std::string dashboard = Page("2023/cijfers/index.html");
  CHECK(dashboard.find("<caption id=\"vergelijking-titel\">Kerncijfers per stadsdeel in 2023</caption>") != std::string::npos);
  std::regex zuidoost("<th scope=\"row\"><a href=\"zuidoost/index.html\">Zuidoost</a></th>(<td>[^<]*</td>)*<td>7,8%</td>");
  CHECK(std::regex_search(dashboard, zuidoost));
  std::regex weesp("<th scope=\"row\"><a href=\"weesp/index.html\">Weesp</a></th><td>99,7%</td><td>–</td>");
  CHECK(std::regex_search(dashboard, weesp));
  CHECK(dashboard.find("<tr class=\"total\"><th scope=\"row\">Amsterdam</th><td>98,8%</td>") != std::string::npos);
}

TEST_CASE("Chapter and district pages show the way back as breadcrumbs", "[site][e2e]") {
  CHECK(Page("2023/in-cijfers/index.html").find("<nav class=\"breadcrumbs\" aria-label=\"Kruimelpad\"><ol><li><a href=\"../index.html\">Jaarverslag 2023</a></li><li aria-current=\"page\">In cijfers</li></ol></nav>") != std::string::npos);
  CHECK(Page("2023/cijfers/weesp/index.html").find("<li><a href=\"../index.html\">Alle cijfers</a></li><li aria-current=\"page\">Weesp</li>") != std::string::npos);
  CHECK(Page("2023/index.html").find("class=\"breadcrumbs\"") == std::string::npos);
}

TEST_CASE("Every page has Open Graph tags and a preview image drawn by Cairo", "[site][e2e]") {
  std::string page = Page("2023/in-cijfers/index.html");
  CHECK(page.find("<meta property=\"og:title\" content=\"In cijfers – Jaarverslag 2023\">") != std::string::npos);
  CHECK(page.find("<meta property=\"og:url\" content=\"https://www.oktamsterdam.nl/jaarverslag/2023/in-cijfers/\">") != std::string::npos);
  CHECK(page.find("<meta property=\"og:image\" content=\"https://www.oktamsterdam.nl/jaarverslag/social/2023-in-cijfers.png\">") != std::string::npos);
  std::string card = Page("social/2023-in-cijfers.png");
  CHECK(PngWidth(card) == 1200);
  CHECK(fs::exists(ExampleSite() / "social/index.png"));
  CHECK(Page("404.html").find("og:image") == std::string::npos);
}
