// `jaarverslag serve` as users run it: a child process on a free port, serving a copy of the
// example data, edited while it runs. See tests/browser/serve_reload.mjs for the same in
// Chromium (the open tab reloads by itself).

#include <catch2/catch.hpp>

#include "serve/serve_process.h"
#include "test_util.h"

using namespace jv::testing;
using namespace std::chrono_literals;

namespace {

// Builds take seconds; on a loaded two-core machine with other tests running, much longer.
constexpr auto kLimit = 300s;

const char kScriptTag[] = "<script id=\"jv-live-reload\">";
const char kOverlay[] = "id=\"jv-live-overlay\"";

struct ServeFixture {
  ServeFixture() {
    CopyExampleData(dir.path() / "data");
    process = std::make_unique<ServeProcess>(
        std::vector<std::string>{"serve", "--data", dir.str("data"), "--templates",
                                 (SourceDir() / "templates").string(), "--out", dir.str("site"), "--port", "0"},
        dir.path());
    port = process->WaitForPort(kLimit);
  }
  HttpResponse Get(const std::string& target) const { return HttpGet(port, target); }
  // Replaces the first `from` in a data file with `to`; returns the old text.
  std::string Edit(const std::string& file, const std::string& from, const std::string& to) const {
    fs::path path = dir.path() / "data" / file;
    std::string text = ReadFile(path);
    std::string edited = text;
    size_t at = edited.find(from);
    REQUIRE(at != std::string::npos);
    edited.replace(at, from.size(), to);
    WriteFile(path, edited);
    return text;
  }

  TempDir dir;
  std::unique_ptr<ServeProcess> process;
  int port = 0;
};

// The served page without the live-reload script.
std::string WithoutScript(const std::string& page) {
  size_t start = page.find(kScriptTag);
  if (start == std::string::npos) return page;
  size_t end = page.find("</script>\n", start);
  return page.substr(0, start) + page.substr(end + 10);
}

}  // namespace

TEST_CASE("serve injects the live-reload script into served pages but not into the site on disk",
          "[serve][command]") {
  ServeFixture f;
  REQUIRE(f.port > 0);
  INFO(f.process->Output());
  HttpResponse home = f.Get("/");
  REQUIRE(home.status == 200);
  CHECK(home.headers.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
  CHECK(home.headers.find("Cache-Control: no-store") != std::string::npos);
  CHECK(home.body.find(kScriptTag) != std::string::npos);
  CHECK(home.body.find("/__jaarverslag/events") != std::string::npos);
  CHECK(home.body.find(kOverlay) == std::string::npos);
  std::string on_disk = ReadFile(f.dir.path() / "site/index.html");
  CHECK(WithoutScript(home.body) == on_disk);
  // Nothing on disk carries the script, and other files are served byte for byte.
  for (const auto& [path, bytes] : Snapshot(f.dir.path() / "site")) {
    INFO(path);
    CHECK(bytes.find("jv-live-reload") == std::string::npos);
  }
  HttpResponse robots = f.Get("/robots.txt");
  CHECK(robots.status == 200);
  CHECK(robots.body == ReadFile(f.dir.path() / "site/robots.txt"));
  // A folder is redirected to its slash; a missing page gets the 404 page, with the script.
  HttpResponse folder = f.Get("/2023");
  CHECK(folder.status == 302);
  CHECK(folder.headers.find("Location: /2023/") != std::string::npos);
  HttpResponse missing = f.Get("/bestaat-niet/");
  CHECK(missing.status == 404);
  CHECK(missing.body.find(kScriptTag) != std::string::npos);
  CHECK(f.process->Terminate(60s) == 0);
  CHECK(f.process->Output().find("stopped") != std::string::npos);
}

TEST_CASE("serve refuses requests for files outside the output folder", "[serve][command]") {
  ServeFixture f;
  REQUIRE(f.port > 0);
  INFO(f.process->Output());
  WriteFile(f.dir.path() / "geheim.txt", "GEHEIM");
  fs::create_symlink(f.dir.path() / "geheim.txt", f.dir.path() / "site/lek.txt");
  for (const char* target : {"/../geheim.txt", "/%2e%2e/geheim.txt", "/%2E%2E%2Fgeheim.txt", "/2023/../../geheim.txt",
                             "/2023/%2e%2e/%2e%2e/geheim.txt", "/..%5cgeheim.txt", "//etc/passwd",
                             "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/lek.txt", "/index.html%00.png"}) {
    INFO(target);
    HttpResponse response = f.Get(target);
    CHECK((response.status == 403 || response.status == 404 || response.status == 400));
    CHECK(response.body.find("GEHEIM") == std::string::npos);
    CHECK(response.body.find("root:") == std::string::npos);
  }
  // Only this machine's host names: a rebinding attack uses the attacker's.
  CHECK(HttpGet(f.port, "/", "aanvaller.example").status == 403);
  CHECK(HttpGet(f.port, "/", "localhost").status == 200);
  CHECK(f.process->Terminate(60s) == 0);
}

TEST_CASE("serve rebuilds on save and shows build errors over the last good site", "[serve][command]") {
  ServeFixture f;
  REQUIRE(f.port > 0);
  INFO(f.process->Output());
  REQUIRE(f.Get("/").body.find("98,8%") != std::string::npos);
  REQUIRE(f.Get("/").body.find("97,3%") == std::string::npos);

  // A corrected figure: the page shows it after the rebuild.
  f.Edit("values/jaarverslag-2023.csv", "bereik-0-jarigen,amsterdam,2023,98.8,", "bereik-0-jarigen,amsterdam,2023,97.3,");
  CHECK(Eventually([&] { return f.Get("/").body.find("97,3%") != std::string::npos; }, kLimit));

  // A broken JSON file: the last good site stays, with the error (file and line) over it.
  std::string good = f.Edit("indicators.json", "\"id\": \"bereik-0-jarigen\",", "\"id\": \"bereik-0-jarigen\",,");
  CHECK(Eventually([&] { return f.Get("/").body.find(kOverlay) != std::string::npos; }, kLimit));
  HttpResponse broken = f.Get("/");
  CHECK(broken.body.find("indicators.json:4:") != std::string::npos);
  CHECK(broken.body.find("Bouwen mislukt") != std::string::npos);
  CHECK(broken.body.find("97,3%") != std::string::npos);
  CHECK(f.Get("/2023/").body.find(kOverlay) != std::string::npos);
  CHECK(ReadFile(f.dir.path() / "site/index.html").find("jv-live-overlay") == std::string::npos);

  // Fixed: the overlay is gone.
  WriteFile(f.dir.path() / "data/indicators.json", good);
  CHECK(Eventually([&] { return f.Get("/").body.find(kOverlay) == std::string::npos; }, kLimit));
  CHECK(f.Get("/").body.find("97,3%") != std::string::npos);
  CHECK(f.process->Terminate(60s) == 0);
}

TEST_CASE("serve picks up every saved template and chapter, and a template saved back as it was", "[serve][command]") {
  // Each build keeps what it parsed for the next (site::BuildMemo): nothing saved may be missed.
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  fs::copy(SourceDir() / "templates", dir.path() / "templates", fs::copy_options::recursive);
  ServeProcess process({"serve", "--data", dir.str("data"), "--templates", dir.str("templates"), "--out",
                        dir.str("site"), "--port", "0"},
                       dir.path());
  int port = process.WaitForPort(kLimit);
  REQUIRE(port > 0);
  INFO(process.Output());
  auto shows = [&](const std::string& target, const std::string& text) {
    return HttpGet(port, target).body.find(text) != std::string::npos;
  };
  fs::path page = dir.path() / "templates/page.mustache";
  std::string original = ReadFile(page);
  size_t footer = original.find("<footer class=\"site-footer\">");
  REQUIRE(footer != std::string::npos);
  WriteFile(page, std::string(original).insert(footer, "<p>Sjabloon aangepast</p>\n"));
  CHECK(Eventually([&] { return shows("/", "Sjabloon aangepast"); }, kLimit));

  fs::path chapter = dir.path() / "data/2019/chapters/overzicht.md";
  std::string text = ReadFile(chapter);
  size_t heading = text.find("## Bereik\n");
  REQUIRE(heading != std::string::npos);
  WriteFile(chapter, text.replace(heading, 9, "## Bereik in 2019"));
  CHECK(Eventually([&] { return shows("/2019/overzicht/", "Bereik in 2019"); }, kLimit));
  CHECK(shows("/2019/overzicht/", "Sjabloon aangepast"));

  WriteFile(page, original);
  CHECK(Eventually([&] { return !shows("/", "Sjabloon aangepast"); }, kLimit));
  CHECK_FALSE(shows("/2019/overzicht/", "Sjabloon aangepast"));
  CHECK(shows("/2019/overzicht/", "Bereik in 2019"));
  CHECK(process.Terminate(60s) == 0);
}

TEST_CASE("After edits the site serve made is the one a build from scratch makes, byte for byte", "[serve][command]") {
  // serve keeps what it loaded, parsed and recorded between builds (site::BuildMemo); the
  // command line starts from nothing. Both must publish the same files, records included.
  ServeFixture f;
  REQUIRE(f.port > 0);
  INFO(f.process->Output());
  f.Edit("values/jaarverslag-2023.csv", "aandeel-preventie,amsterdam,2023,27,", "aandeel-preventie,amsterdam,2023,26,");
  f.Edit("values/jaarverslag-2023.csv", "bereik-0-jarigen,amsterdam,2023,98.8,", "bereik-0-jarigen,amsterdam,2023,97.3,");
  CHECK(Eventually([&] { return f.Get("/").body.find("97,3%") != std::string::npos; }, kLimit));
  f.Edit("2019/chapters/overzicht.md", "## Bereik\n", "## Bereik in 2019\n");
  CHECK(Eventually([&] { return f.Get("/2019/overzicht/").body.find("Bereik in 2019") != std::string::npos; }, kLimit));
  REQUIRE(f.process->Terminate(60s) == 0);

  CommandResult scratch = RunGenerator("build --data " + f.dir.str("data") + " --templates " +
                                       (SourceDir() / "templates").string() + " --out " + f.dir.str("scratch"));
  REQUIRE(scratch.exit_code == 0);
  auto served = Snapshot(f.dir.path() / "site");
  auto built = Snapshot(f.dir.path() / "scratch");
  CHECK(served.size() == built.size());
  for (const auto& [path, bytes] : built) {
    INFO(path);
    CHECK(served[path] == bytes);
  }
}

TEST_CASE("serve refuses an output folder inside a watched folder", "[serve][command]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  CommandResult result = RunGenerator("serve --data " + dir.str("data") + " --templates " +
                                      (SourceDir() / "templates").string() + " --out " + dir.str("data/site") +
                                      " --port 0");
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("inside the watched folder") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "data/site"));
}

TEST_CASE("serve reports a port that is taken", "[serve][command]") {
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(listen(sock, 1) == 0);
  socklen_t length = sizeof address;
  REQUIRE(getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  TempDir dir;
  CommandResult result = RunGenerator("serve --data " + (SourceDir() / "data").string() + " --templates " +
                                      (SourceDir() / "templates").string() + " --out " + dir.str("site") +
                                      " --port " + std::to_string(ntohs(address.sin_port)));
  close(sock);
  CHECK(result.exit_code == 1);
  CHECK(result.output.find("cannot listen on 127.0.0.1:") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "site"));
}
