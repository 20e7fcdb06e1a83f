// File access stays inside the data folder: wherever a data file names a file (a chart's
// GeoJSON, a chapter, an edition folder) or the data folder holds one (values, charts.json,
// tables.json, rules.json), a path through "..", an absolute path and a symbolic link pointing
// out of the folder are refused with a message naming the file and, where a data file names
// it, the line. And the site is only ever written inside the output folder.

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "publish/publish.h"
#include "test_util.h"

using namespace jv;
using namespace jv::testing;

namespace {

const char kGeoJson[] = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"id": "noord"},
   "geometry": {"type": "Polygon", "coordinates": [[[4.90, 52.40], [4.95, 52.40], [4.95, 52.42], [4.90, 52.42], [4.90, 52.40]]]}},
  {"type": "Feature", "properties": {"id": "zuid"},
   "geometry": {"type": "Polygon", "coordinates": [[[4.85, 52.33], [4.90, 52.33], [4.90, 52.35], [4.85, 52.35], [4.85, 52.33]]]}}
]})";

// A copy of the example data in dir/data, with a secret file beside it (outside the folder).
struct Workspace {
  TempDir dir;
  Workspace() {
    CopyExampleData(data());
    WriteFile(dir.path() / "geheim/kaart.geojson", kGeoJson);
    WriteFile(dir.path() / "geheim/tekst.md", "---\ntitle: Geheim\n---\n\nGeheime tekst.\n");
    WriteFile(dir.path() / "geheim/waarden.csv", "indicator,area,year,value\nbereik-0-jarigen,amsterdam,2030,1\n");
    WriteFile(dir.path() / "geheim/charts.json", R"({"charts": []})");
  }
  fs::path data() const { return dir.path() / "data"; }
  std::string latest() const { return LatestEdition(data()); }
  CommandResult Build() const {
    return RunGenerator("build --data " + dir.str("data") + " --templates " + (SourceDir() / "templates").string() +
                        " --out " + dir.str("site"));
  }
  // Adds a map chart with `"geojson": "<path>"` to the latest edition; returns the line of that field.
  int AddMap(const std::string& path) const {
    fs::path charts = data() / latest() / "charts.json";
    std::string text = ReadFile(charts);
    std::string chart = "{\"id\": \"kaart-test\", \"type\": \"map\", \"title\": \"Kaart\",\n"
                        "  \"indicator\": \"aandeel-jeugdhulp\", \"areas\": [\"noord\", \"zuid\"], \"year\": " +
                        latest() + ",\n  \"geojson\": \"" + path + "\"},\n";
    size_t at = text.find('{', text.find("\"charts\""));
    text.insert(at, chart);
    WriteFile(charts, text);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find("\"geojson\""), '\n'));
  }
  // The line of `needle` in a data file.
  int LineOf(const std::string& relative, const std::string& needle) const {
    std::string text = ReadFile(data() / relative);
    size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  }
};

bool Contains(const CommandResult& result, const std::string& text) {
  return result.output.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("A GeoJSON path through dot-dot out of the data folder is refused at its line", "[site][confinement]") {
  Workspace ws;
  int line = ws.AddMap("../geheim/kaart.geojson");
  CommandResult result = ws.Build();
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, ws.latest() + "/charts.json:" + std::to_string(line) + ":"));
  CHECK(Contains(result, "GeoJSON file '../geheim/kaart.geojson': refusing a path that leads outside " + ws.dir.str("data") + "/"));
  CHECK_FALSE(fs::exists(ws.dir.path() / "site"));

  Workspace deep;
  line = deep.AddMap("../../../../../../../../etc/passwd");
  result = deep.Build();
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, deep.latest() + "/charts.json:" + std::to_string(line) + ":"));
  CHECK(Contains(result, "refusing a path that leads outside"));
  CHECK_FALSE(Contains(result, "root:"));
}

TEST_CASE("An absolute GeoJSON path is refused at its line", "[site][confinement]") {
  Workspace ws;
  std::string absolute = (ws.dir.path() / "geheim/kaart.geojson").string();
  int line = ws.AddMap(absolute);
  CommandResult result = ws.Build();
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, ws.latest() + "/charts.json:" + std::to_string(line) + ":"));
  CHECK(Contains(result, "GeoJSON file '" + absolute + "': refusing an absolute path"));
}

TEST_CASE("A GeoJSON file that is a symbolic link out of the data folder is refused at its line", "[site][confinement]") {
  Workspace ws;
  fs::create_directories(ws.data() / "kaarten");
  fs::create_symlink(ws.dir.path() / "geheim/kaart.geojson", ws.data() / "kaarten/stadsdelen.geojson");
  int line = ws.AddMap("kaarten/stadsdelen.geojson");
  CommandResult result = ws.Build();
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, ws.latest() + "/charts.json:" + std::to_string(line) + ":"));
  CHECK(Contains(result, "GeoJSON file 'kaarten/stadsdelen.geojson': refusing a symbolic link that points outside"));

  // A link to a folder outside, with the file below it, is refused too.
  Workspace folder;
  fs::create_directory_symlink(folder.dir.path() / "geheim", folder.data() / "kaarten");
  folder.AddMap("kaarten/kaart.geojson");
  result = folder.Build();
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, "GeoJSON file 'kaarten/kaart.geojson': refusing a symbolic link that points outside"));

  // A link that stays inside the folder is fine.
  Workspace inside;
  WriteFile(inside.data() / "echt/kaart.geojson", kGeoJson);
  fs::create_directories(inside.data() / "kaarten");
  fs::create_symlink("../echt/kaart.geojson", inside.data() / "kaarten/kaart.geojson");
  inside.AddMap("kaarten/kaart.geojson");
  result = inside.Build();
  INFO(result.output);
  CHECK(result.exit_code == 0);
}

TEST_CASE("A chapter file that is a symbolic link out of the data folder is refused at its line in edition.json", "[site][confinement]") {
  Workspace ws;
  fs::path chapter = ws.data() / ws.latest() / "chapters/leeswijzer.md";
  fs::remove(chapter);
  fs::create_symlink(ws.dir.path() / "geheim/tekst.md", chapter);
  int line = ws.LineOf(ws.latest() + "/edition.json", "\"leeswijzer\"");
  CommandResult result = ws.Build();
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, ws.latest() + "/edition.json:" + std::to_string(line) + ":"));
  CHECK(Contains(result, "chapter 'leeswijzer': " + chapter.string() + ": refusing a symbolic link that points outside"));
  CHECK_FALSE(Contains(result, "Geheime tekst"));
}

TEST_CASE("A chapter name with a path in edition.json is refused at its line", "[site][confinement]") {
  Workspace ws;
  fs::path edition = ws.data() / ws.latest() / "edition.json";
  std::string text = ReadFile(edition);
  text.replace(text.find("\"leeswijzer\""), 12, "\"../../geheim/tekst\"");
  WriteFile(edition, text);
  int line = ws.LineOf(ws.latest() + "/edition.json", "\"../../geheim/tekst\"");
  CommandResult result = ws.Build();
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, ws.latest() + "/edition.json:" + std::to_string(line) + ":"));
  CHECK(Contains(result, "chapter name '../../geheim/tekst' must be lower case letters, digits and hyphens"));
}

TEST_CASE("An edition folder with a path in site.json is refused at its line and nothing is written outside", "[site][confinement]") {
  std::string latest = LatestEdition(SourceDir() / "data");
  for (const std::string& name : {"../data/" + latest, std::string("../geheim"), std::string("/tmp"), latest + "/../../geheim"}) {
    Workspace ws;
    fs::path site_json = ws.data() / "site.json";
    std::string text = ReadFile(site_json);
    std::string quoted = "\"" + ws.latest() + "\"";
    text.replace(text.rfind(quoted), quoted.size(), "\"" + name + "\"");
    WriteFile(site_json, text);
    int line = ws.LineOf("site.json", "\"" + name + "\"");
    CommandResult result = ws.Build();
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(Contains(result, "site.json:" + std::to_string(line) + ":"));
    CHECK(Contains(result, "edition '" + name + "' must be the name of a folder in " + ws.dir.str("data") + "/"));
    // Before this was checked, "../data/<year>" read the edition and wrote its pages into data/.
    CHECK_FALSE(fs::exists(ws.data() / ws.latest() / "index.html"));
    CHECK_FALSE(fs::exists(ws.dir.path() / "site"));
  }
}

TEST_CASE("A values file that is a symbolic link out of the data folder is refused", "[site][confinement]") {
  Workspace ws;
  fs::create_symlink(ws.dir.path() / "geheim/waarden.csv", ws.data() / "values/extra.csv");
  CommandResult result = ws.Build();
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, ws.dir.str("data") + "/values/extra.csv: error: refusing a symbolic link that points outside"));
}

TEST_CASE("Optional data files that are symbolic links out of the data folder are refused not skipped", "[site][confinement]") {
  std::string latest = LatestEdition(SourceDir() / "data");
  for (const std::string& relative : {latest + "/charts.json", latest + "/tables.json", std::string("rules.json")}) {
    Workspace ws;
    fs::remove(ws.data() / relative);
    fs::create_symlink(ws.dir.path() / "geheim/charts.json", ws.data() / relative);
    CommandResult result = ws.Build();
    INFO(relative + "\n" + result.output);
    CHECK(result.exit_code == 1);
    CHECK(Contains(result, ws.dir.str("data") + "/" + relative + ": error: refusing a symbolic link that points outside"));
  }
}

TEST_CASE("A chapter that is a named pipe is refused instead of hanging the build", "[site][confinement]") {
  Workspace ws;
  fs::path chapter = ws.data() / ws.latest() / "chapters/leeswijzer.md";
  fs::remove(chapter);
  REQUIRE(mkfifo(chapter.c_str(), 0644) == 0);
  CommandResult result = ws.Build();
  INFO(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, "chapter 'leeswijzer': " + chapter.string() + ": not a regular file"));
}

TEST_CASE("Publishing refuses a site plan path outside the output folder", "[publish][confinement]") {
  for (const std::string path : {"../escape.html", "a/../../escape.html", "/tmp/escape.html", "./a.html", "", "a/..",
                                 "a//b.html", "a/"}) {
    TempDir dir;
    publish::SitePlan plan;
    plan.files = {{"index.html", "x"}, {path, "escaped"}};
    auto report = publish::Publish(plan, dir.str("site"));
    INFO(path);
    REQUIRE_FALSE(report.ok());
    CHECK(report.status().ToString().find("refusing to publish a file outside the output folder") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "escape.html"));
    CHECK_FALSE(fs::exists(dir.path() / "site"));
    int entries = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) entries += entry.path().filename() != "";
    CHECK(entries == 0);  // the staging folder is gone too
  }
}
