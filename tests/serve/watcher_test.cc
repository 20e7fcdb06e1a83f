// The inotify watcher behind `serve`: recursive, new folders included, bursts folded into one
// wake-up, editors' scratch files ignored.

#include "serve/watcher.h"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "test_util.h"

using namespace jv::serve;
using namespace jv::testing;
using namespace std::chrono_literals;

namespace {

// A pipe that turns readable after `limit`, so that a missed event fails a test (kStopped)
// instead of hanging it.
class Deadline {
 public:
  explicit Deadline(std::chrono::seconds limit) {
    REQUIRE(pipe(fds_) == 0);
    timer_ = std::thread([this, limit] {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!cancelled_.wait_for(lock, limit, [this] { return done_; })) {
        ssize_t ignored = write(fds_[1], "x", 1);
        (void)ignored;
      }
    });
  }
  ~Deadline() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cancelled_.notify_all();
    timer_.join();
    close(fds_[0]);
    close(fds_[1]);
  }
  int fd() const { return fds_[0]; }

 private:
  int fds_[2];
  std::mutex mutex_;
  std::condition_variable cancelled_;
  bool done_ = false;
  std::thread timer_;
};

bool Contains(const std::vector<std::string>& paths, const std::string& suffix) {
  return std::any_of(paths.begin(), paths.end(), [&](const std::string& p) {
    return p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0;
  });
}

}  // namespace

TEST_CASE("The watcher wakes once for a burst of saves in nested folders", "[serve]") {
  TempDir dir;
  WriteFile(dir.path() / "data/values/a.csv", "1");
  WriteFile(dir.path() / "templates/page.mustache", "x");
  auto watcher = Watcher::Create({dir.str("data"), dir.str("templates")});
  REQUIRE(watcher.ok());
  Deadline deadline(120s);
  WriteFile(dir.path() / "data/values/a.csv", "2");
  WriteFile(dir.path() / "templates/page.mustache", "y");
  std::vector<std::string> changed;
  // A long quiet time: on a loaded machine the two writes may be far apart.
  REQUIRE((*watcher)->WaitForChanges(deadline.fd(), 1000ms, 5000ms, &changed) == Watcher::Wake::kChanged);
  CHECK(Contains(changed, "data/values/a.csv"));
  CHECK(Contains(changed, "templates/page.mustache"));
}

TEST_CASE("The watcher sees files in folders created after it started", "[serve]") {
  TempDir dir;
  fs::create_directories(dir.path() / "data");
  auto watcher = Watcher::Create({dir.str("data")});
  REQUIRE(watcher.ok());
  Deadline deadline(120s);
  std::vector<std::string> changed;
  fs::create_directories(dir.path() / "data/2024/chapters");
  REQUIRE((*watcher)->WaitForChanges(deadline.fd(), 100ms, 2000ms, &changed) == Watcher::Wake::kChanged);
  WriteFile(dir.path() / "data/2024/chapters/intro.md", "# Intro");
  REQUIRE((*watcher)->WaitForChanges(deadline.fd(), 100ms, 2000ms, &changed) == Watcher::Wake::kChanged);
  CHECK(Contains(changed, "data/2024/chapters/intro.md"));
}

TEST_CASE("The watcher sees a save by rename and ignores scratch files", "[serve]") {
  TempDir dir;
  WriteFile(dir.path() / "data/site.json", "{}");
  auto watcher = Watcher::Create({dir.str("data")});
  REQUIRE(watcher.ok());
  Deadline deadline(120s);
  // The way many editors save: a scratch file first, then a rename over the original.
  WriteFile(dir.path() / "data/.site.json.swp", "swap");
  WriteFile(dir.path() / "data/site.json~", "backup");
  WriteFile(dir.path() / "data/.goutputstream-ABC123", "{\"a\": 1}");
  fs::rename(dir.path() / "data/.goutputstream-ABC123", dir.path() / "data/site.json");
  std::vector<std::string> changed;
  REQUIRE((*watcher)->WaitForChanges(deadline.fd(), 300ms, 5000ms, &changed) == Watcher::Wake::kChanged);
  CHECK(changed == std::vector<std::string>{dir.str("data/site.json")});
}

TEST_CASE("The watcher returns at once when asked to stop", "[serve]") {
  TempDir dir;
  auto watcher = Watcher::Create({dir.str()});
  REQUIRE(watcher.ok());
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  REQUIRE(write(fds[1], "x", 1) == 1);
  std::vector<std::string> changed;
  CHECK((*watcher)->WaitForChanges(fds[0], 100ms, 1000ms, &changed) == Watcher::Wake::kStopped);
  close(fds[0]);
  close(fds[1]);
}

TEST_CASE("A missing folder cannot be watched", "[serve]") {
  TempDir dir;
  auto watcher = Watcher::Create({dir.str("nope")});
  REQUIRE_FALSE(watcher.ok());
  CHECK(watcher.status().ToString().find("nope") != std::string::npos);
}

TEST_CASE("Editors' scratch files are recognised", "[serve]") {
  for (const char* name : {".indicators.json.swp", "4913", "areas.json~", ".#voorwoord.md", "#voorwoord.md#",
                           ".~lock.waarden.csv#", "~$waarden.xlsx", "a.csv.tmp"}) {
    INFO(name);
    CHECK(Watcher::IsScratchFile(name));
  }
  for (const char* name : {"indicators.json", "waarden.csv", "voorwoord.md", "style.css", "page.mustache"}) {
    INFO(name);
    CHECK_FALSE(Watcher::IsScratchFile(name));
  }
}
