#pragma once
// Watches folders for changed files with inotify, recursively (folders created later are
// watched too), and turns a burst of events into one wake-up: editors save by writing a temp
// file, renaming the original away and renaming the new one into place, all within
// milliseconds, and a copy of many files takes a while. One build per burst is what we want.

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace jv::serve {

class Watcher {
 public:
  /// Starts watching every folder below each of `roots` (which must exist). Error when inotify
  /// is unavailable or a root cannot be watched (e.g. the per-user watch limit is reached).
  static Result<std::unique_ptr<Watcher>> Create(const std::vector<std::string>& roots);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  enum class Wake { kChanged, kStopped };

  /// Blocks until a file below the roots changed, then goes on collecting events until `quiet`
  /// passed without one (but returns at most `max_delay` after the first), and returns
  /// kChanged with the changed paths (at most a few, for the log) in `changed`. Returns
  /// kStopped as soon as `stop_fd` (e.g. a signalfd) is readable; it is not read.
  /// Files editors use as scratch space (swap files, backups "~", ".#" locks) do not count.
  Wake WaitForChanges(int stop_fd, std::chrono::milliseconds quiet, std::chrono::milliseconds max_delay,
                      std::vector<std::string>* changed);

  /// Whether an event for a file with this name is an editor's scratch file and not a save.
  static bool IsScratchFile(const std::string& name);

 private:
  explicit Watcher(int fd, std::vector<std::string> roots);
  /// Adds a watch for `dir` and every folder below it; returns false when `dir` itself failed.
  bool WatchTree(const std::string& dir);
  /// Walks the roots again, watching new folders and forgetting ones that are gone or moved.
  void Rescan();
  /// Reads the pending events. Returns whether any counted as a change.
  bool ReadEvents(std::vector<std::string>* changed);

  int fd_;
  std::vector<std::string> roots_;
  std::map<int, std::string> dirs_;  ///< watch descriptor -> folder path
  bool rescan_ = false;              ///< folders were created, moved or removed
};

}  // namespace jv::serve
