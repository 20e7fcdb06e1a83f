// A build that fails must say where and why, exit 1, and leave the previous site untouched.

#include <catch2/catch.hpp>

#include "test_util.h"

using namespace jv::testing;

namespace {

struct Workspace {
  TempDir dir;
  Workspace() { CopyExampleData(dir.path() / "data"); }
  std::string Build() const {
    return "build --data " + dir.str("data") + " --templates " + (SourceDir() / "templates").string() +
           " --out " + dir.str("site");
  }
};

}  // namespace

TEST_CASE("Malformed JSON names file line and column and leaves the site untouched", "[site][e2e]") {
  Workspace ws;
  REQUIRE(RunGenerator(ws.Build()).exit_code == 0);
  auto before = Snapshot(ws.dir.path() / "site");

  WriteFile(ws.dir.path() / "data/site.json", "{\n  \"organisation\": \"OKT\",\n  \"editions\": [\"2023\"\n}\n");
  CommandResult result = RunGenerator(ws.Build());
  CHECK(result.exit_code == 1);
  CHECK(result.output.find(ws.dir.str("data/site.json") + ":4:1: error: invalid JSON") != std::string::npos);
  CHECK(Snapshot(ws.dir.path() / "site") == before);
}

TEST_CASE("A misspelt figure reference names the Markdown file and line", "[site][e2e]") {
  Workspace ws;
  fs::path chapter = ws.dir.path() / "data/2023/chapters/leeswijzer.md";
  WriteFile(chapter, ReadFile(chapter) + "\nWe bereikten {{bereik-0-jarign}} van de baby's.\n");
  int last_line = 0;
  for (char c : ReadFile(chapter)) last_line += c == '\n';
  CommandResult result = RunGenerator(ws.Build());
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("leeswijzer.md:" + std::to_string(last_line) +
                           ":14: error: unknown indicator 'bereik-0-jarign'") != std::string::npos);
  CHECK(result.output.find("did you mean 'bereik-0-jarigen'") != std::string::npos);
  CHECK_FALSE(fs::exists(ws.dir.path() / "site"));
}

TEST_CASE("A value in Dutch notation is refused rather than misread", "[site][e2e]") {
  Workspace ws;
  fs::path values = ws.dir.path() / "data/values/jaarverslag-2023.csv";
  WriteFile(values, ReadFile(values) + "consulten-jgz,amsterdam,2022,\"366.375,5\",clear,jaarverslag-2023,\n");
  CommandResult result = RunGenerator(ws.Build());
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("jaarverslag-2023.csv:") != std::string::npos);
  CHECK(result.output.find("'366.375,5' is not a number") != std::string::npos);
}

TEST_CASE("Wrong usage exits with 2 and help and version exit with 0", "[site][e2e]") {
  CHECK(RunGenerator("build --no-such-flag").exit_code == 2);
  CHECK(RunGenerator("").exit_code == 2);
  CommandResult help = RunGenerator("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.output.find("build") != std::string::npos);
  CommandResult version = RunGenerator("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.output.find("jaarverslag 0.1.0") != std::string::npos);
}
