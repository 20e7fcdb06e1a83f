// Crash-safe publishing, tested on the real binary: a build of the example into an output
// folder that holds a complete previous site is killed (SIGKILL) at moments spread over the
// build, and after every kill the output folder must be exactly the complete previous site or
// exactly the complete new one. Staging folders a killed build leaves behind are removed by
// the next build.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <random>

#include "child_process.h"
#include "publish/publish.h"
#include "test_util.h"

using namespace jv::testing;

namespace {

void Replace(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = ReadFile(file);
  size_t at = text.find(from);
  INFO(file.string() + " has no '" + from + "'");
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  WriteFile(file, text);
}

// The example with one figure changed and one chapter added: a new site that differs from the
// previous one in many files' bytes and in its list of files.
void MakeNewData(const fs::path& data) {
  CopyExampleData(data);
  std::string latest = LatestEdition(data);
  for (const auto& entry : fs::directory_iterator(data / "values")) {
    std::string text = ReadFile(entry.path());
    std::string row = "bereik-0-jarigen,amsterdam," + latest + ",";
    size_t at = text.find(row);
    if (at == std::string::npos) continue;
    size_t end = text.find(',', at + row.size());
    text.replace(at + row.size(), end - at - row.size(), "97.7");
    WriteFile(entry.path(), text);
  }
  WriteFile(data / latest / "chapters/nagekomen.md",
            "---\ntitle: Nagekomen\nnumbered: false\n---\n\nEen hoofdstuk dat de vorige site niet had.\n");
  Replace(data / latest / "edition.json", "\"leeswijzer\",", "\"leeswijzer\", \"nagekomen\",");
}

std::vector<std::string> StagingFolders(const fs::path& parent) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(parent)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(".site.staging-", 0) == 0) found.push_back(name);
  }
  return found;
}

// Whether the tree at `root` holds exactly the files of `snapshot`, byte for byte. Quicker than
// taking a new snapshot: sizes first, and each file read in one call.
bool SameTree(const fs::path& root, const std::map<std::string, std::string>& snapshot) {
  size_t files = 0;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return false;  // an output folder that disappeared
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    auto expected = snapshot.find(fs::relative(entry.path(), root).string());
    if (expected == snapshot.end() || entry.file_size() != expected->second.size()) return false;
    std::string bytes(expected->second.size(), '\0');
    FILE* file = std::fopen(entry.path().c_str(), "rb");
    if (file == nullptr) return false;
    size_t read = std::fread(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
    if (read != bytes.size() || bytes != expected->second) return false;
    ++files;
  }
  return files == snapshot.size();
}

// Hard links are enough: a build never writes into the files of the output folder (it writes
// a new folder and swaps it in), and if it did, comparing with the snapshot in memory would
// show it.
void ResetTo(const fs::path& reference, const fs::path& out) {
  fs::remove_all(out);
  fs::copy(reference, out, fs::copy_options::recursive | fs::copy_options::create_hard_links);
}

}  // namespace

TEST_CASE("A build killed at any moment leaves exactly the previous or the new site", "[publish][crash]") {
  TempDir dir;
  const fs::path out = dir.path() / "site";
  CopyExampleData(dir.path() / "data-oud");
  MakeNewData(dir.path() / "data-nieuw");
  auto build_args = [&](const std::string& data, const fs::path& target) {
    return std::vector<std::string>{"build", "--data", dir.str(data), "--templates",
                                    (SourceDir() / "templates").string(), "--out", target.string()};
  };

  // The previous site, built from the old data.
  ChildResult previous_build = RunGeneratorChild(build_args("data-oud", dir.path() / "oud"), 120);
  INFO(previous_build.output);
  REQUIRE(previous_build.exit_code == 0);
  const auto old_site = Snapshot(dir.path() / "oud");

  // Publishing starts when the pages are written into the build's staging folder (pictures go
  // there earlier, while pages are still rendered). The latest edition's home page marks it:
  // written after the earlier editions' files, before the site-wide ones and the swap.
  const std::string first_page = LatestEdition(dir.path() / "data-nieuw") + "/index.html";
  auto publishing_started = [&](int pid) {
    return fs::exists(dir.path() / (".site.staging-" + std::to_string(pid)) / first_page);
  };

  // The new site, built over the previous one without interruption, timed: when publishing
  // starts and when the build ends.
  ResetTo(dir.path() / "oud", out);
  double publishing_seen = -1;
  ChildResult new_build;
  {
    Child child(JV_BINARY, build_args("data-nieuw", out));
    while (child.Running()) {
      if (publishing_seen < 0 && publishing_started(child.pid())) publishing_seen = child.Elapsed();
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    new_build = child.Wait(120);
  }
  INFO(new_build.output);
  REQUIRE(new_build.exit_code == 0);
  const auto new_site = Snapshot(out);
  REQUIRE(new_site != old_site);
  REQUIRE(new_site.count(LatestEdition(dir.path() / "data-nieuw") + "/nagekomen/index.html"));
  REQUIRE_FALSE(old_site.count(LatestEdition(dir.path() / "data-nieuw") + "/nagekomen/index.html"));
  const double duration = new_build.seconds;
  if (publishing_seen < 0) publishing_seen = duration * 0.8;  // too quick to see: aim near the end
  WARN("build over the previous site: " << duration << " s; publishing started at " << publishing_seen << " s");

  // Kill moments: a third spread over the whole build, two thirds over the publishing phase,
  // where the output folder is being replaced (a non-atomic replacement, removing the old
  // folder and renaming the new one, is caught there). Those wait for publishing to start,
  // since how long rendering takes varies with the machine's load. A fixed seed keeps a
  // failure reproducible.
  const double publishing = std::max(duration - publishing_seen, 0.05);
  std::mt19937 random(20240315);
  const int kKills = 20;
  int kept_old = 0, became_new = 0, finished = 0, left_staging = 0;
  bool last_was_old = false;
  ResetTo(dir.path() / "oud", out);
  for (int i = 0; i < kKills; ++i) {
    bool during_publishing = i % 3 != 0;
    double delay = during_publishing ? std::uniform_real_distribution<double>(0.0, publishing * 1.2)(random)
                                     : std::uniform_real_distribution<double>(0.0, duration)(random);
    // Staging folders of earlier kills stay, for the next build to remove.
    if (i > 0 && !last_was_old) ResetTo(dir.path() / "oud", out);
    Child child(JV_BINARY, build_args("data-nieuw", out));
    double waited = 0;
    if (during_publishing) {
      while (child.Running() && !publishing_started(child.pid())) std::this_thread::sleep_for(std::chrono::microseconds(200));
      waited = child.Elapsed();
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    child.Kill(SIGKILL);
    ChildResult result = child.Wait(120);
    INFO("kill " << i << " after " << waited << " + " << delay << " s; "
                 << (result.signal ? "killed" : "had finished"));
    finished += result.signal == 0;
    bool is_old = SameTree(out, old_site), is_new = !is_old && SameTree(out, new_site);
    CHECK((is_old || is_new));
    kept_old += is_old;
    last_was_old = is_old;
    became_new += is_new;
    left_staging += !StagingFolders(dir.path()).empty();
  }
  WARN(kept_old << " kills left the previous site, " << became_new << " the new one (" << finished
                << " builds had finished); a staging folder was left behind after " << left_staging);
  CHECK(kept_old > 0);
  CHECK(left_staging > 0);  // some kills did land while the output folder was being replaced
  CHECK(finished < kKills);

  // The next build removes every staging folder left behind and publishes the new site.
  ResetTo(dir.path() / "oud", out);
  ChildResult last = RunGeneratorChild(build_args("data-nieuw", out), 120);
  INFO(last.output);
  REQUIRE(last.exit_code == 0);
  CHECK(SameTree(out, new_site));
  CHECK(StagingFolders(dir.path()).empty());
}

TEST_CASE("Publishing removes a staging folder of a killed build but not one of a running build", "[publish][crash]") {
  TempDir dir;
  WriteFile(dir.path() / ".site.staging-999999999/half.html", "half");  // no such process
  // A staging folder whose process still runs (here: the one that started this test) stays.
  std::string running = ".site.staging-" + std::to_string(getppid());
  WriteFile(dir.path() / running / "busy.html", "busy");
  jv::publish::SitePlan plan;
  plan.files["index.html"] = "x";
  auto report = jv::publish::Publish(plan, dir.str("site"));
  REQUIRE(report.ok());
  CHECK(ReadFile(dir.path() / "site/index.html") == "x");
  CHECK_FALSE(fs::exists(dir.path() / ".site.staging-999999999"));
  CHECK(ReadFile(dir.path() / running / "busy.html") == "busy");
  CHECK(StagingFolders(dir.path()) == std::vector<std::string>{running});
}
