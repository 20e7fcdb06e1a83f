// The search page in real headless Chromium, opened from file:// (the hardest case: no server,
// so the index must load as a script). Chromium is installed by .ci/setup.

#include <catch2/catch.hpp>

#include "test_util.h"

using namespace jv::testing;

TEST_CASE("Search finds chapters in headless Chromium from file", "[site][browser]") {
  TempDir dir;
  CommandResult built = RunGenerator("build --data " + (SourceDir() / "data").string() + " --templates " +
                                     (SourceDir() / "templates").string() + " --out " + dir.str("site"));
  REQUIRE(built.exit_code == 0);
  std::string url = "file://" + dir.str("site/zoeken/index.html") + "?q=vaccinatiegraden%20amsterdam";
  // The flags keep Chromium off the network and out of the user's profile (see DESIGN.md).
  std::string command = "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                        "--disable-background-networking --disable-component-update --disable-sync "
                        "--user-data-dir=" + dir.str("profile") + " --dump-dom '" + url + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string dom;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) dom.append(buffer, n);
  REQUIRE(pclose(pipe) == 0);
  CHECK(dom.find("pagina's gevonden</p>") != std::string::npos);
  size_t start = dom.find("id=\"zoekresultaten\"");
  REQUIRE(start != std::string::npos);
  std::string results = dom.substr(start, dom.find("</ol>", start) - start);
  CHECK(results.find("<a href=\"../2023/bijlage-vaccinatiegraden/index.html\">") != std::string::npos);
  // Every word must match: the voorwoord mentions neither.
  CHECK(results.find("voorwoord") == std::string::npos);
}
