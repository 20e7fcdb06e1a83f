#include "serve/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "base/text.h"

namespace jv::serve {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Every way a file's bytes or a folder's listing can change. IN_MODIFY as well as
// IN_CLOSE_WRITE: a program that keeps a file open while writing still extends the burst.
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                           IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

enum class Ready { kTimeout, kEvents, kStop };

// Waits for events on `inotify_fd` or for `stop_fd`; a stop request wins.
Ready Poll(int inotify_fd, int stop_fd, int timeout_ms) {
  pollfd fds[2] = {{inotify_fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
  int count = stop_fd >= 0 ? 2 : 1;
  int n;
  do {
    n = poll(fds, count, timeout_ms);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) return Ready::kTimeout;
  if (count == 2 && fds[1].revents != 0) return Ready::kStop;
  return fds[0].revents != 0 ? Ready::kEvents : Ready::kTimeout;
}

}  // namespace

Result<std::unique_ptr<Watcher>> Watcher::Create(const std::vector<std::string>& roots) {
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return Status::Error({}, std::string("cannot watch for changes: ") + std::strerror(errno));
  std::unique_ptr<Watcher> watcher(new Watcher(fd, roots));
  for (const std::string& root : roots) {
    if (!watcher->WatchTree(root)) {
      return Status::Error({root, 0, 0}, std::string("cannot watch this folder for changes: ") + std::strerror(errno));
    }
  }
  return watcher;
}

Watcher::Watcher(int fd, std::vector<std::string> roots) : fd_(fd), roots_(std::move(roots)) {}

Watcher::~Watcher() { close(fd_); }

bool Watcher::IsScratchFile(const std::string& name) {
  // vim: swap files and the "4913" probe it writes to test a folder; emacs: "#autosave#" and
  // ".#lock"; LibreOffice ".~lock.x#"; Excel "~$x"; gedit ".goutputstream-"; kate; JetBrains;
  // backups "x~". The save itself arrives as a write or a rename onto the real name.
  static const char* const kSuffixes[] = {"~", ".swp", ".swo", ".swx", ".tmp", ".kate-swp", "___jb_tmp___",
                                          "___jb_old___"};
  static const char* const kPrefixes[] = {".#", ".~lock.", "~$", ".goutputstream-"};
  if (name.empty() || name == "4913") return true;
  if (name.size() > 1 && name.front() == '#' && name.back() == '#') return true;
  for (const char* prefix : kPrefixes) {
    if (StartsWith(name, prefix)) return true;
  }
  for (const char* suffix : kSuffixes) {
    if (EndsWith(name, suffix)) return true;
  }
  return false;
}

bool Watcher::WatchTree(const std::string& dir) {
  int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd < 0) return false;
  dirs_[wd] = dir;
  // The default iterator does not follow links to folders, as the loader does not list them.
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    // A folder that vanished meanwhile is simply not watched; the rescan tidies up.
    int sub = inotify_add_watch(fd_, it->path().c_str(), kMask | IN_DONT_FOLLOW);
    if (sub >= 0) dirs_[sub] = it->path().string();
  }
  return true;
}

void Watcher::Rescan() {
  // inotify_add_watch on an already watched folder returns its existing descriptor, so the
  // walk refreshes the paths of moved folders; descriptors it does not meet are dropped.
  std::map<int, std::string> previous;
  previous.swap(dirs_);
  for (const std::string& root : roots_) WatchTree(root);
  for (const auto& [wd, path] : previous) {
    if (!dirs_.count(wd)) inotify_rm_watch(fd_, wd);
  }
}

bool Watcher::ReadEvents(std::vector<std::string>* changed) {
  bool any = false;
  alignas(inotify_event) char buffer[16 * 1024];
  while (true) {
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: all read
    for (char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(p);
      p += sizeof(inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {
        // Events were lost: assume everything changed and rebuild the watch list.
        rescan_ = any = true;
        changed->push_back("(too many changes to list)");
        continue;
      }
      if (event->mask & IN_IGNORED) {
        dirs_.erase(event->wd);
        continue;
      }
      auto dir = dirs_.find(event->wd);
      std::string folder = dir == dirs_.end() ? std::string() : dir->second;
      if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        rescan_ = any = true;
        continue;
      }
      std::string name = event->len > 0 ? std::string(event->name) : std::string();
      std::string path = folder.empty() ? name : (fs::path(folder) / name).string();
      if (event->mask & IN_ISDIR) {
        if (event->mask & IN_ATTRIB) continue;
        // Watch a new folder at once, so files written into it right away are seen too.
        if ((event->mask & (IN_CREATE | IN_MOVED_TO)) && !folder.empty()) WatchTree(path);
        rescan_ = true;
      } else if (IsScratchFile(name)) {
        continue;
      }
      any = true;
      changed->push_back(path);
    }
  }
  return any;
}

Watcher::Wake Watcher::WaitForChanges(int stop_fd, std::chrono::milliseconds quiet,
                                      std::chrono::milliseconds max_delay, std::vector<std::string>* changed) {
  std::vector<std::string> paths;
  while (true) {
    Ready ready = Poll(fd_, stop_fd, -1);
    if (ready == Ready::kStop) return Wake::kStopped;
    if (ready == Ready::kEvents && ReadEvents(&paths)) break;
  }
  Clock::time_point first = Clock::now();
  Clock::time_point last = first;
  while (true) {
    Clock::time_point until = std::min(last + quiet, first + max_delay);
    Clock::time_point now = Clock::now();
    if (now >= until) break;
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count() + 1;
    Ready ready = Poll(fd_, stop_fd, static_cast<int>(wait));
    if (ready == Ready::kStop) return Wake::kStopped;
    if (ready == Ready::kEvents && ReadEvents(&paths)) last = Clock::now();
  }
  if (rescan_) {
    Rescan();
    rescan_ = false;
  }
  // Each path once, in order of first appearance, and only a few: this is for a log line.
  std::set<std::string> seen;
  changed->clear();
  for (const std::string& path : paths) {
    if (seen.insert(path).second && changed->size() < 5) changed->push_back(path);
  }
  return Wake::kChanged;
}

}  // namespace jv::serve
