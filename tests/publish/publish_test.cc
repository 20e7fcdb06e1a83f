#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "publish/publish.h"
#include "test_util.h"

using namespace jv;
using namespace jv::testing;

static ino_t Inode(const fs::path& path) {
  struct stat info;
  stat(path.c_str(), &info);
  return info.st_ino;
}

TEST_CASE("Publishing writes the plan and replaces the previous site", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  publish::SitePlan first{{{"index.html", "one"}, {"a/b.css", "css"}, {"old.html", "gone soon"}}};
  auto report = publish::Publish(first, out.string());
  REQUIRE(report.ok());
  CHECK(report->written == 3);
  ino_t css_inode = Inode(out / "a/b.css");

  publish::SitePlan second{{{"index.html", "two"}, {"a/b.css", "css"}}};
  report = publish::Publish(second, out.string());
  REQUIRE(report.ok());
  CHECK(report->written == 1);
  CHECK(report->unchanged == 1);
  CHECK(report->removed == 1);
  CHECK(ReadFile(out / "index.html") == "two");
  CHECK_FALSE(fs::exists(out / "old.html"));
  CHECK(Inode(out / "a/b.css") == css_inode);  // unchanged bytes: the same file, not rewritten
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) entries += entry.path().filename() != "site";
  CHECK(entries == 0);  // no staging folder left behind
}

TEST_CASE("Publishing refuses to replace a folder it did not make", "[publish]") {
  TempDir dir;
  WriteFile(dir.path() / "home/notes.txt", "precious");
  auto report = publish::Publish({{{"index.html", "x"}}}, (dir.path() / "home").string());
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().ToString().find("refusing to replace a folder") != std::string::npos);
  CHECK(ReadFile(dir.path() / "home/notes.txt") == "precious");
}

TEST_CASE("Publishing removes staging left by a killed build", "[publish]") {
  TempDir dir;
  WriteFile(dir.path() / ".site.staging-99999/half.html", "half");
  auto report = publish::Publish({{{"index.html", "x"}}}, (dir.path() / "site").string());
  REQUIRE(report.ok());
  CHECK_FALSE(fs::exists(dir.path() / ".site.staging-99999"));
}

TEST_CASE("Files added to the staging folder early are published with the plan", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  REQUIRE(publish::Publish({{{"index.html", "one"}, {"charts/a.png", "png a"}, {"charts/old.png", "old"}}}, out.string()).ok());
  ino_t png_inode = Inode(out / "charts/a.png");

  auto staging = publish::Staging::Open(out.string());
  REQUIRE(staging.ok());
  REQUIRE((*staging)->Add("charts/a.png", "png a").ok());
  REQUIRE((*staging)->Add("charts/b.png", "png b").ok());
  CHECK_FALSE((*staging)->Add("charts/b.png", "again").ok());  // one path, one file
  CHECK(ReadFile(out / "index.html") == "one");                // nothing visible before Commit
  CHECK_FALSE(fs::exists(out / "charts/b.png"));
  auto report = (*staging)->Commit({{{"index.html", "two"}}});
  REQUIRE(report.ok());
  CHECK(report->written_paths == std::vector<std::string>{"charts/b.png", "index.html"});
  CHECK(report->unchanged == 1);
  CHECK(report->removed_paths == std::vector<std::string>{"charts/old.png"});
  CHECK(ReadFile(out / "charts/b.png") == "png b");
  CHECK(Inode(out / "charts/a.png") == png_inode);

  auto again = publish::Staging::Open(out.string());
  REQUIRE(again.ok());
  REQUIRE((*again)->Add("charts/b.png", "png b").ok());
  CHECK_FALSE((*again)->Commit({{{"charts/b.png", "also in the plan"}}}).ok());
  CHECK(ReadFile(out / "index.html") == "two");
}

TEST_CASE("A staging folder that is not committed leaves the site as it was", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  REQUIRE(publish::Publish({{{"index.html", "one"}}}, out.string()).ok());
  {
    auto staging = publish::Staging::Open(out.string());
    REQUIRE(staging.ok());
    REQUIRE((*staging)->Add("index.html", "half of a new site").ok());
  }  // a build that failed after painting its pictures
  CHECK(ReadFile(out / "index.html") == "one");
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) entries += entry.path().filename() != "site";
  CHECK(entries == 0);
}
