// The corpus of invalid inputs in tests/fixtures/invalid/: each case changes one thing in a
// copy of the example data, and the build must fail with exit 1, print the case's exact
// message (file, line, column, problem) and leave the previous site byte-for-byte as it was.
//
// A case file has lines "key: value" ("\n" in a value is a line break):
//   file: <path below data/>      the file to change
//   replace: <text> / with: <text>   replace the first occurrence
//   append: <text>                add at the end
//   write: <text>                 replace the whole file
//   expect: <message>             a line of the output, with paths starting at data/

#include <catch2/catch.hpp>

#include <map>

#include "test_util.h"

using namespace jv::testing;

namespace {

std::string Unescape(std::string text) {
  for (size_t pos = 0; (pos = text.find("\\n", pos)) != std::string::npos; ++pos) text.replace(pos, 2, "\n");
  return text;
}

std::map<std::string, std::string> ReadCase(const fs::path& path) {
  std::map<std::string, std::string> fields;
  std::istringstream in(ReadFile(path));
  for (std::string line; std::getline(in, line);) {
    size_t colon = line.find(": ");
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    fields[line.substr(0, colon)] = Unescape(line.substr(colon + 2));
  }
  return fields;
}

// Applies the case's change to the copy of the data; false when the case does not fit the data.
bool Apply(const std::map<std::string, std::string>& c, const fs::path& data) {
  fs::path file = data / c.at("file");
  std::string text = fs::exists(file) ? ReadFile(file) : "";
  if (c.count("write")) {
    text = c.at("write");
  } else if (c.count("append")) {
    text += c.at("append");
  } else {
    size_t pos = text.find(c.at("replace"));
    if (pos == std::string::npos) return false;
    text.replace(pos, c.at("replace").size(), c.at("with"));
  }
  WriteFile(file, text);
  return true;
}

// The previous site every failing build must leave alone, built once.
const fs::path& PreviousSite() { return ExampleSiteOnce(); }

}  // namespace

TEST_CASE("Every invalid input fails with its exact message and leaves the site untouched", "[site][invalid]") {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(fs::path(JV_FIXTURES_DIR) / "invalid")) cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 30);
  auto before = Snapshot(PreviousSite());
  for (const fs::path& path : cases) {
    DYNAMIC_SECTION(path.filename().string()) {
      auto c = ReadCase(path);
      REQUIRE(c.count("file"));
      REQUIRE(c.count("expect"));
      TempDir dir;
      CopyExampleData(dir.path() / "data");
      fs::copy(PreviousSite(), dir.path() / "site", fs::copy_options::recursive);
      REQUIRE(Apply(c, dir.path() / "data"));
      CommandResult result = RunGenerator("build --data " + dir.str("data") + " --templates " +
                                          (SourceDir() / "templates").string() + " --out " + dir.str("site"));
      INFO(result.output);
      CHECK(result.exit_code == 1);
      // Paths in messages start at data/, as a user who runs the build in the project sees them.
      std::string output = "\n" + result.output;
      std::string prefix = dir.str() + "/";
      for (size_t pos = 0; (pos = output.find(prefix, pos)) != std::string::npos;) output.erase(pos, prefix.size());
      CHECK(output.find("\n" + c.at("expect") + "\n") != std::string::npos);
      CHECK(Snapshot(dir.path() / "site") == before);
    }
  }
}
