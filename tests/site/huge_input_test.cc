// Huge and odd input: a 100 MB JSON file, JSON nested 10.000 deep, a CSV with 10.000 columns,
// invalid UTF-8, pathological Markdown. Each must end in a clear error (file, line, what is
// wrong, exit 1) or a correct build, with bounded memory and time: never a crash or a hang.
// The inputs are generated here, at run time.

#include <catch2/catch.hpp>

#include "child_process.h"
#include "test_util.h"

using namespace jv::testing;

namespace {

// Far below what would hurt, far above what these inputs need when handled well.
constexpr long kMemoryBoundKb = 1536L * 1024;  // 1.5 GB
constexpr double kTimeLimitSeconds = 60;

struct Workspace {
  TempDir dir;
  Workspace() { CopyExampleData(data()); }
  fs::path data() const { return dir.path() / "data"; }
  fs::path chapter() const { return data() / LatestEdition(data()) / "chapters/leeswijzer.md"; }
  // Only the latest edition, so that a build that gets through renders quickly.
  void OnlyLatestEdition() const {
    std::string site = ReadFile(data() / "site.json");
    size_t open = site.find('[', site.find("\"editions\""));
    size_t close = site.find(']', open);
    site.replace(open, close - open + 1, "[\"" + LatestEdition(data()) + "\"]");
    WriteFile(data() / "site.json", site);
  }
  ChildResult Build(const std::string& command = "build") const {
    std::vector<std::string> arguments = {command, "--data", dir.str("data"), "--templates",
                                          (SourceDir() / "templates").string()};
    if (command == "build") arguments.insert(arguments.end(), {"--out", dir.str("site")});
    return RunGeneratorChild(arguments, kTimeLimitSeconds);
  }
};

// What every run must show: it ended by itself, within the bounds, with exit 0 or 1.
void CheckBounded(const ChildResult& result, long memory_bound_kb = kMemoryBoundKb) {
  INFO(result.output.substr(0, 4000));
  INFO("exit " << result.exit_code << ", signal " << result.signal << ", " << result.seconds << " s, peak "
               << result.peak_rss_kb / 1024 << " MB");
  CHECK(result.signal == 0);
  CHECK_FALSE(result.timed_out);
  CHECK((result.exit_code == 0 || result.exit_code == 1));
  CHECK(result.peak_rss_kb > 0);
  CHECK(result.peak_rss_kb < memory_bound_kb);
}

bool Contains(const ChildResult& result, const std::string& text) {
  return result.output.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("A 100 MB JSON file is refused by its size before it is read", "[site][huge]") {
  Workspace ws;
  const std::string row = R"({"indicator": "consulten-jgz", "area": "amsterdam", "year": 2023, "value": 1},)" "\n";
  std::string text = "{\"values\": [\n";
  text.reserve(100u << 20);
  while (text.size() < (100u << 20)) text += row;
  text += "{}]}\n";
  WriteFile(ws.data() / "values/groot.json", text);
  text.clear();
  text.shrink_to_fit();
  ChildResult result = ws.Build();
  CheckBounded(result, 200 * 1024);  // not even read: far less than the file
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, ws.dir.str("data") + "/values/groot.json: error: file is larger than 32 MB"));
  CHECK(result.seconds < 10);
}

TEST_CASE("JSON nested 10000 deep is refused at the line and column of the level too deep", "[site][huge]") {
  SECTION("arrays in a values file") {
    Workspace ws;
    WriteFile(ws.data() / "values/diep.json",
              "{\"values\":\n  " + std::string(10000, '[') + std::string(10000, ']') + "\n}\n");
    ChildResult result = ws.Build();
    CheckBounded(result);
    CHECK(result.exit_code == 1);
    // The value of "values" opens at line 2, column 3: level 2 of the file; level 65 is 63 further.
    CHECK(Contains(result, "/values/diep.json:2:66: error: JSON nested more than 64 levels deep"));
  }
  SECTION("objects in site.json") {
    Workspace ws;
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += "{\"a\":";
    deep += "1" + std::string(10000, '}');
    std::string site = ReadFile(ws.data() / "site.json");
    site.insert(site.find('{') + 1, "\n\"diep\": " + deep + ",");
    WriteFile(ws.data() / "site.json", site);
    ChildResult result = ws.Build();
    CheckBounded(result);
    CHECK(result.exit_code == 1);
    CHECK(Contains(result, "/site.json:2:"));
    CHECK(Contains(result, "JSON nested more than 64 levels deep"));
  }
  SECTION("64 levels are fine") {
    Workspace ws;
    std::string site = ReadFile(ws.data() / "site.json");
    // Level 1 is site.json's own object; 63 more make 64.
    site.insert(site.find('{') + 1, "\n\"diep\": " + std::string(63, '[') + std::string(63, ']') + ",");
    WriteFile(ws.data() / "site.json", site);
    ChildResult result = ws.Build("check");
    CheckBounded(result);
    CHECK(result.exit_code == 1);
    CHECK(Contains(result, "unknown field 'diep'"));  // parsed, then refused as an unknown field
    CHECK_FALSE(Contains(result, "nested"));
  }
}

TEST_CASE("A JSON file with more than a million values is refused before it is parsed", "[site][huge]") {
  Workspace ws;
  std::string text = "{\"values\": [";
  for (int i = 0; i < 1100000; ++i) text += "1,";
  text += "1]}\n";
  WriteFile(ws.data() / "values/veel.json", text);
  ChildResult result = ws.Build();
  CheckBounded(result, 300 * 1024);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, "/values/veel.json:1:"));
  CHECK(Contains(result, "more than 1000000 values in one JSON file: split the file"));
}

TEST_CASE("A CSV with 10000 columns is refused at its first line", "[site][huge]") {
  Workspace ws;
  std::string header = "indicator,area,year,value", row = "consulten-jgz,amsterdam,2030,1";
  for (int i = 4; i < 10000; ++i) {
    header += ",kolom" + std::to_string(i);
    row += ",";
  }
  WriteFile(ws.data() / "values/breed.csv", header + "\n" + row + "\n" + row + "\n");
  ChildResult result = ws.Build();
  CheckBounded(result);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, "/values/breed.csv:1:"));
  CHECK(Contains(result, "more than 1000 fields on one line"));
}

TEST_CASE("A CSV with millions of rows is refused with bounded memory", "[site][huge]") {
  Workspace ws;
  std::string text = "indicator,area,year,value\n";
  for (int i = 0; i < 3000000; ++i) text += "x,y,1,2\n";  // 24 MB: under the size limit
  WriteFile(ws.data() / "values/lang.csv", text);
  ChildResult result = ws.Build();
  CheckBounded(result, 800 * 1024);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, "/values/lang.csv:1000001:1: error: more than 1000000 rows: split the file"));
}

TEST_CASE("Invalid UTF-8 is an error naming the file line and column", "[site][huge]") {
  SECTION("in JSON") {
    Workspace ws;
    std::string site = ReadFile(ws.data() / "site.json");
    size_t at = site.find("Ouder-");
    REQUIRE(at != std::string::npos);
    site.insert(at, "\xff\xfe");
    WriteFile(ws.data() / "site.json", site);
    ChildResult result = ws.Build();
    CheckBounded(result);
    CHECK(result.exit_code == 1);
    CHECK(Contains(result, "/site.json:2:"));
    CHECK(Contains(result, "ill-formed UTF-8"));
  }
  SECTION("in CSV") {
    Workspace ws;
    WriteFile(ws.data() / "values/latin1.csv",
              "indicator,area,year,value,note\nconsulten-jgz,amsterdam,2030,1,Co\xebperatie\n");
    ChildResult result = ws.Build();
    CheckBounded(result);
    CHECK(result.exit_code == 1);
    CHECK(Contains(result, "/values/latin1.csv:2:34: error: invalid UTF-8 (byte 0xEB): save the file with the encoding UTF-8"));
  }
  SECTION("in Markdown") {
    Workspace ws;
    std::string text = ReadFile(ws.chapter());
    int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    WriteFile(ws.chapter(), text + "Een overlong \xc0\xaf teken en een surrogaat \xed\xa0\x80.\n");
    ChildResult result = ws.Build();
    CheckBounded(result);
    CHECK(result.exit_code == 1);
    CHECK(Contains(result, "leeswijzer.md:" + std::to_string(lines + 1) +
                               ":14: error: invalid UTF-8 (byte 0xC0): save the file with the encoding UTF-8"));
  }
}

TEST_CASE("An accessibility date that is not a date is an error and no crash", "[site][huge]") {
  for (const std::string date : {"aaaaaaaaaa", "2024-13-01", "24-3-2024"}) {
    Workspace ws;
    std::string site = ReadFile(ws.data() / "site.json");
    site.insert(site.find('{') + 1, "\n\"accessibility_date\": \"" + date + "\",");
    WriteFile(ws.data() / "site.json", site);
    ChildResult result = ws.Build();
    CheckBounded(result);
    CHECK(result.exit_code == 1);
    CHECK(Contains(result, "/site.json:2:"));
    CHECK(Contains(result, "'" + date + "' is not a date: write it as YYYY-MM-DD"));
  }
}

TEST_CASE("A chapter larger than 1 MB is refused", "[site][huge]") {
  Workspace ws;
  std::string text = ReadFile(ws.chapter());
  while (text.size() <= (1u << 20)) text += "Een zin in een heel lang hoofdstuk. ";
  WriteFile(ws.chapter(), text);
  ChildResult result = ws.Build();
  CheckBounded(result);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, "leeswijzer.md:1:1: error: chapter is larger than 1 MB"));
}

TEST_CASE("A paragraph that would make the Markdown library slow is refused at its line", "[site][huge]") {
  Workspace ws;
  std::string text = ReadFile(ws.chapter());
  int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  std::string paragraph;
  for (int i = 0; i < 20000; ++i) paragraph += "*a* ";
  for (int i = 0; i < 20000; ++i) paragraph += "[b](c) ";
  WriteFile(ws.chapter(), text + "\n" + paragraph + "\n");  // took cmark-gfm 12 s before
  ChildResult result = ws.Build();
  CheckBounded(result);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result, "leeswijzer.md:" + std::to_string(lines + 2) + ":1: error: this paragraph has 40000 emphasis marks and 20000 links"));
  CHECK(result.seconds < 10);
}

TEST_CASE("Markdown nested 10000 deep builds without a crash", "[site][huge]") {
  Workspace ws;
  ws.OnlyLatestEdition();
  std::string text = ReadFile(ws.chapter());
  std::string deep = "\n";
  for (int i = 0; i < 10000; ++i) deep += "> ";
  deep += "citaat\n\n";
  for (int i = 0; i < 10000; ++i) deep += "- ";
  deep += "lijst\n\n" + std::string(10000, '[') + "haken" + std::string(10000, ']') + "\n\n" +
          std::string(10000, '*') + "nadruk" + std::string(10000, '*') + "\n";
  WriteFile(ws.chapter(), text + deep);
  ChildResult result = ws.Build();
  CheckBounded(result);
  CHECK(result.exit_code == 0);
  std::string page = ReadFile(ws.dir.path() / "site" / LatestEdition(ws.data()) / "leeswijzer/index.html");
  CHECK(page.find("citaat") != std::string::npos);
  CHECK(page.find("nadruk") != std::string::npos);
}
