// Rebuilding after a correction: pictures whose source did not change are carried over, the
// result is byte for byte what a full build makes, and the build reports what changed.

#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <sys/stat.h>

#include "test_util.h"

namespace jv::testing {
namespace {

CommandResult Build(const fs::path& data, const fs::path& out, const std::string& flags = "") {
  return RunGenerator("build --data " + data.string() + " --templates " + (SourceDir() / "templates").string() +
                      " --out " + out.string() + " " + flags);
}

// Lowers `count` randomly chosen plain figures by 1 (keeping percentages within 0–100), outside
// the indicators that sum rules tie together. Returns the changed "indicator,area,year" keys.
std::vector<std::string> CorrectRandomValues(const fs::path& data, std::mt19937* random, int count) {
  static const std::regex row("^([a-z0-9-]+),([a-z0-9-]+),([0-9]{4}),([0-9]+(?:\\.[0-9]+)?),");
  static const std::regex tied("^(deelnemers-basistrainingen|basistrainingen|bereik-totaal|bereik-jeugdhulp|"
                               "deelnemers-opvoedondersteuning|verwijzers).*");
  std::vector<std::string> changed;
  for (const char* file : {"values/jaarverslag-2023.csv", "values/rekenkamer-2023.csv"}) {
    std::vector<std::string> lines;
    std::istringstream in(ReadFile(data / file));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::vector<size_t> candidates;
    for (size_t i = 1; i < lines.size(); ++i) {
      std::smatch m;
      if (std::regex_search(lines[i], m, row) && !std::regex_match(m[1].str(), tied) && std::stod(m[4]) >= 1) {
        candidates.push_back(i);
      }
    }
    for (int n = 0; n < count; ++n) {
      size_t i = candidates[(*random)() % candidates.size()];
      std::smatch m;
      std::string line = lines[i];
      if (!std::regex_search(line, m, row)) continue;  // already changed this round
      std::string value = m[4];
      size_t dot = value.find('.');
      std::string whole = std::to_string(std::stol(value.substr(0, dot)) - 1);
      lines[i] = m[1].str() + "," + m[2].str() + "," + m[3].str() + "," + whole +
                 (dot == std::string::npos ? "" : value.substr(dot)) + "," + m.suffix().str();
      changed.push_back(m[1].str() + "," + m[2].str() + "," + m[3].str());
    }
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    WriteFile(data / file, text);
  }
  return changed;
}

// The numbers of "built …: N pages (R rendered), M charts (D drawn)".
struct Rendered {
  int pages = -1, pages_rendered = -1, charts = -1, charts_drawn = -1;
};
Rendered RenderedCounts(const std::string& output) {
  std::smatch m;
  Rendered counts;
  if (std::regex_search(output, m, std::regex("([0-9]+) pages \\(([0-9]+) rendered\\), ([0-9]+) charts \\(([0-9]+) drawn\\)"))) {
    counts = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4])};
  }
  return counts;
}

// Snapshots of two output folders hold the same files with the same bytes (the build records
// included: an incremental build must leave the same record as a full one).
void CheckSameSite(const fs::path& a, const fs::path& b) {
  auto left = Snapshot(a);
  auto right = Snapshot(b);
  REQUIRE(left.size() == right.size());
  for (const auto& [path, bytes] : left) {
    INFO(path);
    CHECK(right[path] == bytes);
  }
}

void ReplaceOnce(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = ReadFile(file);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  WriteFile(file, text);
}

TEST_CASE("Incremental builds after random corrections equal full builds byte for byte", "[site][incremental]") {
  TempDir dir;
  fs::path data = dir.path() / "data";
  CopyExampleData(data);
  fs::path incremental = dir.path() / "site";
  REQUIRE(Build(data, incremental).exit_code == 0);
  std::mt19937 random(20231);
  for (int round = 0; round < 3; ++round) {
    std::vector<std::string> changed = CorrectRandomValues(data, &random, 2);
    INFO("round " << round << ", first change " << changed.front());
    CommandResult update = Build(data, incremental);
    INFO(update.output);
    REQUIRE(update.exit_code == 0);
    CHECK(update.output.find("changes since the previous build:") != std::string::npos);
    fs::path full = dir.path() / ("full-" + std::to_string(round));
    REQUIRE(Build(data, full, "--force --jobs 1").exit_code == 0);
    CheckSameSite(incremental, full);
  }
}

// Marks the 2023 prevention share of Amsterdam as revised from 27 to 26, with `note`: its row
// leaves the values file and comes again in values/correcties.csv.
void ReviseThePreventionShare(const fs::path& data, const std::string& note) {
  std::string csv = ReadFile(data / "values/jaarverslag-2023.csv");
  size_t row = csv.find("\naandeel-preventie,amsterdam,2023,27,");
  REQUIRE(row != std::string::npos);
  csv.erase(row, csv.find('\n', row + 1) - row);
  WriteFile(data / "values/jaarverslag-2023.csv", csv);
  WriteFile(data / "values/correcties.csv",
            "indicator,area,year,value,status,previous,revised_on,source,note\n"
            "aandeel-preventie,amsterdam,2023,26,revised,27,2024-03-15,jaarverslag-2023," + note + "\n");
}

TEST_CASE("After one corrected figure only the pages and charts that show it are rendered", "[site][incremental]") {
  TempDir dir;
  fs::path data = dir.path() / "data";
  CopyExampleData(data);
  fs::path out = dir.path() / "site";
  REQUIRE(Build(data, out).exit_code == 0);
  CommandResult unchanged = Build(data, out);
  INFO(unchanged.output);
  Rendered nothing = RenderedCounts(unchanged.output);
  CHECK(nothing.pages == 117);
  CHECK(nothing.pages_rendered == 1);  // the search page, made from every page's text
  CHECK(nothing.charts_drawn == 0);

  ReplaceOnce(data / "values/jaarverslag-2023.csv", "\naandeel-preventie,amsterdam,2023,27,",
              "\naandeel-preventie,amsterdam,2023,26,");
  CommandResult update = Build(data, out);
  INFO(update.output);
  Rendered corrected = RenderedCounts(update.output);
  // The figure is on the 2023 home page (also at the root), its dashboard and two chapters, and
  // in one chart; the search page comes again. Nothing of the editions 2015-2022 is rendered,
  // though the 2019 overview shows the trend of this indicator up to 2019.
  CHECK(corrected.pages_rendered == 6);
  CHECK(corrected.charts_drawn == 1);
  std::string unrelated = "2019/cijfers/index.html";
  struct stat before {};
  REQUIRE(stat((out / unrelated).c_str(), &before) == 0);
  CHECK(update.output.find(unrelated) == std::string::npos);

  // --force keeps nothing.
  Rendered forced = RenderedCounts(Build(data, out, "--force").output);
  CHECK(forced.pages_rendered == 117);
  CHECK(forced.charts_drawn == 84);

  // A chapter's text is not a figure: every page is rendered again (each lists the chapters).
  ReplaceOnce(data / "2023/chapters/in-cijfers.md", "\n\n## Onze", "\n\nEen nieuwe zin.\n\n## Onze");
  Rendered edited = RenderedCounts(Build(data, out).output);
  CHECK(edited.pages_rendered == edited.pages);
}

TEST_CASE("No output of an edition is made from a figure of a later year", "[site][incremental]") {
  // Sparklines, trends and tables of an earlier edition stop at its year. Were a later figure
  // looked up on the way, correcting it would render the earlier edition's pages again. The
  // example's chapters name no later year, so every read recorded for an edition's file
  // (".jaarverslag-site": "reads <path> <key>...") is of its year or before.
  TempDir dir;
  fs::path out = dir.path() / "site";
  REQUIRE(Build(SourceDir() / "data", out).exit_code == 0);
  std::istringstream record(ReadFile(out / ".jaarverslag-site"));
  static const std::regex edition_output("^reads\t(20[0-9]{2})/[^\t]*");
  static const std::regex value_key("\tvalue/[^/\t]+/[^/\t]+/([0-9]{4})");
  int outputs = 0;
  for (std::string line; std::getline(record, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, edition_output)) continue;
    ++outputs;
    int edition = std::stoi(m[1]);
    for (std::sregex_iterator key(line.begin(), line.end(), value_key), end; key != end; ++key) {
      INFO(m[0] << " reads " << (*key)[0]);
      CHECK(std::stoi((*key)[1]) <= edition);
    }
  }
  CHECK(outputs > 100);
}

TEST_CASE("Incremental builds after corrections of every kind equal full builds byte for byte", "[site][incremental]") {
  TempDir dir;
  fs::path data = dir.path() / "data";
  CopyExampleData(data);
  fs::path incremental = dir.path() / "site";
  REQUIRE(Build(data, incremental).exit_code == 0);
  auto check_round = [&](const std::string& what) {
    INFO(what);
    CommandResult update = Build(data, incremental);
    INFO(update.output);
    REQUIRE(update.exit_code == 0);
    fs::path full = dir.path() / "full";
    fs::remove_all(full);
    REQUIRE(Build(data, full, "--force --jobs 1").exit_code == 0);
    CheckSameSite(incremental, full);
  };
  // A figure marked revised: listed under Correcties on the home pages from its year on.
  ReviseThePreventionShare(data, "Telfout hersteld.");
  check_round("revised figure");
  // The same figure again with only its note changed.
  ReplaceOnce(data / "values/correcties.csv", "Telfout hersteld.", "Telfout in de urenregistratie hersteld.");
  check_round("note of a revised figure");
  // A figure of an earlier year: shown in that edition and in the series of later ones.
  ReplaceOnce(data / "values/rekenkamer-2023.csv", "\nbudget-gerealiseerd,amsterdam,2019,", "\nbudget-gerealiseerd,amsterdam,2019,3");
  check_round("figure of 2019");
  // A chapter edited, then a figure corrected back.
  ReplaceOnce(data / "2023/chapters/in-cijfers.md", "\n\n## Onze", "\n\nEen nieuwe zin.\n\n## Onze");
  check_round("chapter text");
  ReplaceOnce(data / "values/correcties.csv", ",26,revised,27,", ",25,revised,27,");
  check_round("revised figure corrected again");
}

TEST_CASE("The build reports changed figures pages charts and files", "[site][incremental]") {
  TempDir dir;
  fs::path data = dir.path() / "data";
  CopyExampleData(data);
  fs::path out = dir.path() / "site";
  CommandResult first = Build(data, out);
  REQUIRE(first.exit_code == 0);
  CHECK(first.output.find("first build: nothing to compare with") != std::string::npos);
  CHECK(Build(data, out).output.find("no changes since the previous build") != std::string::npos);

  std::string csv = ReadFile(data / "values/jaarverslag-2023.csv");
  std::string old_row = "\naandeel-preventie,amsterdam,2023,27,";
  REQUIRE(csv.find(old_row) != std::string::npos);
  csv.replace(csv.find(old_row), old_row.size(), "\naandeel-preventie,amsterdam,2023,26,");
  WriteFile(data / "values/jaarverslag-2023.csv", csv);
  CommandResult update = Build(data, out);
  INFO(update.output);
  REQUIRE(update.exit_code == 0);
  CHECK(update.output.find("figure aandeel-preventie amsterdam 2023: 27% \u2192 26%") != std::string::npos);
  CHECK(update.output.find('\r') == std::string::npos);  // no progress line when piped
  CHECK(std::regex_search(update.output, std::regex("pages \\([0-9]+\\): [^\n]*2023/cijfers/index.html")));
  CHECK(std::regex_search(update.output, std::regex("charts \\([0-9]+\\): [^\n]*2023/charts/preventie-tijd")));
  CHECK(std::regex_search(update.output, std::regex("other files \\([0-9]+\\): [^\n]*2023/data/cijfers-2023.csv")));
  // An edition of an earlier year does not show 2023's figure.
  CHECK(update.output.find("2019/cijfers/index.html") == std::string::npos);
}

TEST_CASE("A picture edited by hand in the output folder is painted again", "[site][incremental]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  fs::path data = SourceDir() / "data";
  REQUIRE(Build(data, out).exit_code == 0);
  std::string png = ReadFile(out / "2023/charts/preventie-tijd.png");
  WriteFile(out / "2023/charts/preventie-tijd.png", "not a picture");
  CommandResult rebuild = Build(data, out);
  REQUIRE(rebuild.exit_code == 0);
  CHECK(ReadFile(out / "2023/charts/preventie-tijd.png") == png);
}

TEST_CASE("Any number of jobs gives the same bytes as one", "[site][incremental]") {
  TempDir dir;
  REQUIRE(Build(SourceDir() / "data", dir.path() / "one", "--jobs 1").exit_code == 0);
  REQUIRE(Build(SourceDir() / "data", dir.path() / "four", "--jobs 4").exit_code == 0);
  CHECK(Snapshot(dir.path() / "one") == Snapshot(dir.path() / "four"));
}

TEST_CASE("A wrong number of jobs is a usage error", "[site][incremental]") {
  TempDir dir;
  CHECK(Build(SourceDir() / "data", dir.path() / "site", "--jobs 0").exit_code == 2);
}

}  // namespace
}  // namespace jv::testing

namespace jv::testing {
namespace {

TEST_CASE("A corrected figure is listed under Correcties on the editions that show it", "[site][incremental]") {
  TempDir dir;
  fs::path data = dir.path() / "data";
  CopyExampleData(data);
  ReviseThePreventionShare(data, "Telfout in de urenregistratie hersteld.");
  fs::path out = dir.path() / "site";
  CommandResult build = Build(data, out);
  INFO(build.output);
  REQUIRE(build.exit_code == 0);
  std::string home = ReadFile(out / "2023/index.html");
  CHECK(home.find("<h2 id=\"correcties\">Correcties</h2>") != std::string::npos);
  CHECK(home.find("<li><strong>15 maart 2024</strong> – Aandeel preventie, Amsterdam, 2023: was 27%, nu 26%. "
                  "Telfout in de urenregistratie hersteld.</li>") != std::string::npos);
  // The 2022 edition never showed a 2023 figure.
  if (fs::exists(out / "2022/index.html")) CHECK(ReadFile(out / "2022/index.html").find("correcties") == std::string::npos);
  CHECK(ReadFile(out / "2023/cijfers/index.html").find("26%") != std::string::npos);
}

}  // namespace
}  // namespace jv::testing
