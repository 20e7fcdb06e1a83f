#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>

#include "publish/publish.h"
#include "test_util.h"

using namespace jv;
using namespace jv::testing;

static publish::SitePlan Plan(std::map<std::string, std::string> files) {
  publish::SitePlan plan;
  plan.files = std::move(files);
  return plan;
}

static ino_t Inode(const fs::path& path) {
  struct stat info;
  stat(path.c_str(), &info);
  return info.st_ino;
}

TEST_CASE("Publishing writes the plan and replaces the previous site", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  publish::SitePlan first = Plan({{"index.html", "one"}, {"a/b.css", "css"}, {"old.html", "gone soon"}});
  auto report = publish::Publish(first, out.string());
  REQUIRE(report.ok());
  CHECK(report->written == 3);
  ino_t css_inode = Inode(out / "a/b.css");

  publish::SitePlan second = Plan({{"index.html", "two"}, {"a/b.css", "css"}});
  report = publish::Publish(second, out.string());
  REQUIRE(report.ok());
  CHECK(report->written == 1);
  CHECK(report->unchanged == 1);
  CHECK(report->removed == 1);
  CHECK(ReadFile(out / "index.html") == "two");
  CHECK_FALSE(fs::exists(out / "old.html"));
  CHECK(Inode(out / "a/b.css") == css_inode);  // unchanged bytes: the same file, not rewritten
  // No staging folder left behind; the site before is kept for the next build to start from.
  std::set<std::string> entries;
  for (const auto& entry : fs::directory_iterator(dir.path())) entries.insert(entry.path().filename().string());
  CHECK(entries == std::set<std::string>{"site", ".site.previous"});
  CHECK(ReadFile(dir.path() / ".site.previous/index.html") == "one");
}

// The files of `root` and their bytes, without the marker file.
static std::map<std::string, std::string> SiteFiles(const fs::path& root) {
  std::map<std::string, std::string> files = Snapshot(root);
  files.erase(publish::kMarkerFile);
  return files;
}

TEST_CASE("A build starting from the site before writes each file anew and never through a link", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  REQUIRE(publish::Publish(Plan({{"x.html", "1"}, {"y.html", "y"}}), out.string()).ok());
  REQUIRE(publish::Publish(Plan({{"x.html", "1"}, {"y.html", "y"}}), out.string()).ok());
  // Both trees now hold the same x.html (one file, two links). Changing it must not change the
  // copy the site before keeps.
  CHECK(Inode(out / "x.html") == Inode(dir.path() / ".site.previous/x.html"));
  auto report = publish::Publish(Plan({{"x.html", "2"}, {"y.html", "y"}}), out.string());
  REQUIRE(report.ok());
  CHECK(report->written == 1);
  CHECK(report->unchanged == 1);
  CHECK(ReadFile(out / "x.html") == "2");
  CHECK(ReadFile(dir.path() / ".site.previous/x.html") == "1");
}

TEST_CASE("Files and folders may change places between builds", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  std::vector<publish::SitePlan> plans = {
      Plan({{"a/b/c.html", "c"}, {"d.html", "d"}, {"e/f.html", "f"}}),
      Plan({{"a", "a is a file now"}, {"d/index.html", "d is a folder now"}}),
      Plan({{"a/b/c.html", "c again"}, {"d.html", "d again"}}),
      Plan({{"a/b/c.html", "c again"}, {"e/f.html", "f"}}),
  };
  for (size_t round = 0; round < plans.size(); ++round) {
    INFO("round " << round);
    auto report = publish::Publish(plans[round], out.string());
    REQUIRE(report.ok());
    CHECK(SiteFiles(out) == plans[round].files);
    std::set<std::string> folders;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
      if (entry.is_directory()) folders.insert(fs::relative(entry.path(), out).string());
    }
    std::set<std::string> expected;
    for (const auto& [path, bytes] : plans[round].files) {
      for (fs::path folder = fs::path(path).parent_path(); !folder.empty(); folder = folder.parent_path()) {
        expected.insert(folder.string());
      }
    }
    CHECK(folders == expected);  // no folder left over from an earlier round
  }
}

TEST_CASE("Publishing refuses to replace a folder it did not make", "[publish]") {
  TempDir dir;
  WriteFile(dir.path() / "home/notes.txt", "precious");
  auto report = publish::Publish(Plan({{"index.html", "x"}}), (dir.path() / "home").string());
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().ToString().find("refusing to replace a folder") != std::string::npos);
  CHECK(ReadFile(dir.path() / "home/notes.txt") == "precious");
}

TEST_CASE("Publishing removes staging left by a killed build", "[publish]") {
  TempDir dir;
  WriteFile(dir.path() / ".site.staging-99999/half.html", "half");
  auto report = publish::Publish(Plan({{"index.html", "x"}}), (dir.path() / "site").string());
  REQUIRE(report.ok());
  CHECK_FALSE(fs::exists(dir.path() / ".site.staging-99999"));
}

TEST_CASE("Files added to the staging folder early are published with the plan", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  REQUIRE(publish::Publish(Plan({{"index.html", "one"}, {"charts/a.png", "png a"}, {"charts/old.png", "old"}}), out.string()).ok());
  ino_t png_inode = Inode(out / "charts/a.png");

  auto staging = publish::Staging::Open(out.string());
  REQUIRE(staging.ok());
  REQUIRE((*staging)->Add("charts/a.png", "png a").ok());
  REQUIRE((*staging)->Add("charts/b.png", "png b").ok());
  CHECK_FALSE((*staging)->Add("charts/b.png", "again").ok());  // one path, one file
  CHECK(ReadFile(out / "index.html") == "one");                // nothing visible before Commit
  CHECK_FALSE(fs::exists(out / "charts/b.png"));
  auto report = (*staging)->Commit(Plan({{"index.html", "two"}}));
  REQUIRE(report.ok());
  CHECK(report->written_paths == std::vector<std::string>{"charts/b.png", "index.html"});
  CHECK(report->unchanged == 1);
  CHECK(report->removed_paths == std::vector<std::string>{"charts/old.png"});
  CHECK(ReadFile(out / "charts/b.png") == "png b");
  CHECK(Inode(out / "charts/a.png") == png_inode);

  auto again = publish::Staging::Open(out.string());
  REQUIRE(again.ok());
  REQUIRE((*again)->Add("charts/b.png", "png b").ok());
  CHECK_FALSE((*again)->Commit(Plan({{"charts/b.png", "also in the plan"}})).ok());
  CHECK(ReadFile(out / "index.html") == "two");
}

TEST_CASE("A staging folder that is not committed leaves the site as it was", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  REQUIRE(publish::Publish(Plan({{"index.html", "one"}}), out.string()).ok());
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

TEST_CASE("A site before that is a symbolic link is not followed", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  fs::path elsewhere = dir.path() / "elsewhere";
  WriteFile(elsewhere / "keep.txt", "not the generator's");
  REQUIRE(publish::Publish(Plan({{"index.html", "one"}}), out.string()).ok());
  fs::remove_all(dir.path() / ".site.previous");
  fs::create_directory_symlink(elsewhere, dir.path() / ".site.previous");
  REQUIRE(publish::Publish(Plan({{"index.html", "two"}}), out.string()).ok());
  CHECK(ReadFile(out / "index.html") == "two");
  CHECK(ReadFile(elsewhere / "keep.txt") == "not the generator's");
  CHECK(fs::is_directory(elsewhere));
}

TEST_CASE("A commit on several threads writes every file and reports the first bad one in plan order", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  std::map<std::string, std::string> files;
  for (int i = 0; i < 400; ++i) files["folder-" + std::to_string(i % 13) + "/file-" + std::to_string(i) + ".html"] = std::to_string(i * i);
  auto staging = publish::Staging::Open(out.string());
  REQUIRE(staging.ok());
  auto report = (*staging)->Commit(Plan(files), 4);
  REQUIRE(report.ok());
  CHECK(report->written == 400);
  CHECK(report->written_paths.size() == 400);
  CHECK(std::is_sorted(report->written_paths.begin(), report->written_paths.end()));
  CHECK(SiteFiles(out) == files);

  std::map<std::string, std::string> bad = files;
  bad["z/../escape.html"] = "out";
  bad["b/../escape.html"] = "out";
  auto again = publish::Staging::Open(out.string());
  REQUIRE(again.ok());
  auto refused = (*again)->Commit(Plan(bad), 4);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().ToString().find("b/../escape.html") != std::string::npos);
  CHECK(refused.status().ToString().find("z/../escape.html") == std::string::npos);
  again->reset();
  CHECK(SiteFiles(out) == files);
}

TEST_CASE("A symbolic link that appears in the staging folder is not written through", "[publish]") {
  TempDir dir;
  fs::path out = dir.path() / "site";
  WriteFile(dir.path() / "outside.txt", "precious");
  auto staging = publish::Staging::Open(out.string());
  REQUIRE(staging.ok());
  fs::path folder;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    if (entry.path().filename().string().rfind(".site.staging-", 0) == 0) folder = entry.path();
  }
  REQUIRE_FALSE(folder.empty());
  fs::create_symlink(dir.path() / "outside.txt", folder / "page.html");  // e.g. by another process
  Status added = (*staging)->Add("page.html", "new bytes");
  CHECK_FALSE(added.ok());
  CHECK(ReadFile(dir.path() / "outside.txt") == "precious");
}
