#pragma once
// Runs the generator as a child process with fork and exec, for tests that need what popen
// cannot give: the child's peak memory (wait4), a time limit, the signal that ended it, or
// killing it at a chosen moment.

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace jv::testing {

struct ChildResult {
  int exit_code = -1;      ///< -1 when a signal ended the child
  int signal = 0;          ///< the signal that ended it; 0 when it exited
  bool timed_out = false;  ///< killed by Wait because it ran past the time limit
  /// Its peak resident memory, from wait4. A forked child starts as large as the test process
  /// was at the fork, so keep the test process small before starting a child to measure.
  long peak_rss_kb = 0;
  double seconds = 0;      ///< from start to end
  std::string output;      ///< stdout and stderr together
};

/// A running child; its output goes to a file beside nothing else, so a chatty child never
/// blocks on a full pipe.
class Child {
 public:
  /// Starts `program` with `arguments` (not shell-quoted: passed as they are).
  Child(const std::string& program, const std::vector<std::string>& arguments)
      : start_(std::chrono::steady_clock::now()) {
    std::vector<std::string> argv_strings = {program};
    argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    output_path_ = output_dir_.str("output.txt");
    pid_ = fork();
    if (pid_ == 0) {
      int fd = open(output_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
      execv(program.c_str(), argv.data());
      _exit(127);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (!reaped_ && pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  pid_t pid() const { return pid_; }
  double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  /// Whether the child has not ended yet (it is reaped and its result kept when it has).
  bool Running() {
    if (reaped_) return false;
    return !Reap(WNOHANG);
  }
  void Kill(int sig) {
    if (!reaped_) kill(pid_, sig);
  }

  /// Waits for the end, killing the child (SIGKILL) when it runs longer than `timeout_seconds`.
  ChildResult Wait(double timeout_seconds) {
    while (!reaped_ && !Reap(WNOHANG)) {
      if (Elapsed() > timeout_seconds) {
        result_.timed_out = true;
        kill(pid_, SIGKILL);
        Reap(0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    result_.output = ReadFile(output_path_);
    return result_;
  }

 private:
  bool Reap(int flags) {
    int status = 0;
    struct rusage usage {};
    pid_t done = wait4(pid_, &status, flags, &usage);
    if (done != pid_) return false;
    reaped_ = true;
    result_.seconds = Elapsed();
    result_.peak_rss_kb = usage.ru_maxrss;
    if (WIFEXITED(status)) result_.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result_.signal = WTERMSIG(status);
    return true;
  }

  TempDir output_dir_;
  std::string output_path_;
  std::chrono::steady_clock::time_point start_;
  pid_t pid_ = -1;
  bool reaped_ = false;
  ChildResult result_;
};

/// Runs the jaarverslag binary to its end (or `timeout_seconds`).
inline ChildResult RunGeneratorChild(const std::vector<std::string>& arguments, double timeout_seconds) {
  Child child(JV_BINARY, arguments);
  return child.Wait(timeout_seconds);
}

}  // namespace jv::testing
