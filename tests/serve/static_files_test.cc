// The preview server serves only files inside the output folder.

#include "serve/static_files.h"

#include <catch2/catch.hpp>

#include "test_util.h"

using namespace jv::serve;
using namespace jv::testing;
using Kind = Resolved::Kind;

namespace {

// root/site with a home page, a chapter folder and a style sheet; root/secret.txt beside it.
struct SiteFixture {
  SiteFixture() {
    WriteFile(dir.path() / "site/index.html", "home");
    WriteFile(dir.path() / "site/2023/index.html", "edition");
    WriteFile(dir.path() / "site/assets/style.css", "css");
    WriteFile(dir.path() / "secret.txt", "secret");
    fs::create_directories(dir.path() / "outside");
    WriteFile(dir.path() / "outside/index.html", "outside");
  }
  std::string site() const { return dir.str("site"); }
  Resolved Get(const std::string& path) const { return ResolveRequestPath(site(), path); }
  TempDir dir;
};

}  // namespace

TEST_CASE("Request paths map to files of the output folder", "[serve]") {
  SiteFixture f;
  Resolved home = f.Get("/");
  REQUIRE(home.kind == Kind::kFile);
  CHECK(ReadFile(home.file) == "home");
  CHECK(ReadFile(f.Get("/2023/").file) == "edition");
  CHECK(ReadFile(f.Get("/2023/index.html").file) == "edition");
  CHECK(ReadFile(f.Get("/assets/style.css").file) == "css");
  // A folder without its slash is redirected, so that the page's relative links work.
  CHECK(f.Get("/2023").kind == Kind::kRedirect);
  CHECK(f.Get("/2024/").kind == Kind::kNotFound);
  CHECK(f.Get("/assets/style.css/").kind == Kind::kNotFound);
  CHECK(f.Get("/assets/").kind == Kind::kNotFound);  // a folder without index.html
}

TEST_CASE("Request paths that leave the output folder are forbidden", "[serve]") {
  SiteFixture f;
  // Paths arrive percent-decoded, so %2e%2e is ".." here.
  for (const char* path : {"/../secret.txt", "/2023/../../secret.txt", "/2023/../index.html", "/./index.html",
                           "//etc/passwd", "/assets//style.css", "/..", "/..\\secret.txt", "relative.html", ""}) {
    INFO(path);
    CHECK(f.Get(path).kind == Kind::kForbidden);
  }
  CHECK(f.Get(std::string("/index.html\0.png", 16)).kind == Kind::kForbidden);
}

TEST_CASE("Symbolic links pointing out of the output folder are forbidden", "[serve]") {
  SiteFixture f;
  fs::create_symlink(f.dir.path() / "secret.txt", f.dir.path() / "site/secret.txt");
  fs::create_directory_symlink(f.dir.path() / "outside", f.dir.path() / "site/elders");
  fs::create_symlink(f.dir.path() / "site/assets/style.css", f.dir.path() / "site/alias.css");
  CHECK(f.Get("/secret.txt").kind == Kind::kForbidden);
  CHECK(f.Get("/elders/").kind == Kind::kForbidden);
  CHECK(f.Get("/elders/index.html").kind == Kind::kForbidden);
  // A link that stays inside is served like the file it points at.
  CHECK(ReadFile(f.Get("/alias.css").file) == "css");
}

TEST_CASE("The output folder may be missing before the first good build", "[serve]") {
  TempDir dir;
  CHECK(ResolveRequestPath(dir.str("site"), "/").kind == Kind::kNotFound);
}

TEST_CASE("Served files get a content type by extension", "[serve]") {
  CHECK(MimeType("index.html") == "text/html; charset=utf-8");
  CHECK(MimeType("a/B.SVG") == "image/svg+xml");
  CHECK(MimeType("assets/style.3f2a.css") == "text/css; charset=utf-8");
  CHECK(MimeType("fonts/inter.otf") == "font/otf");
  CHECK(MimeType("x.v2/README") == "application/octet-stream");
  CHECK(IsHtml("2023/index.html"));
  CHECK_FALSE(IsHtml("2023/charts/a.svg"));
}
