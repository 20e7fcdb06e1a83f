#pragma once
// Files made on the worker threads while the rest of the site is planned: the pictures (PNG,
// PDF), the expensive part of a build, and the open-data downloads. Each job is handed to the
// threads as soon as it is planned.

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "base/status.h"
#include "publish/publish.h"
#include "site/build_record.h"

namespace jv::site {

class FileJobs {
 public:
  /// Returns one file per path of its job, in the same order.
  using Make = std::function<Result<std::vector<std::string>>()>;
  /// `staging` (may be null): where made files go at once, so that only their records are
  /// kept. `progress(done, planned)` is called from the worker threads: it must be
  /// thread-safe.
  FileJobs(WorkerPool* pool, publish::Staging* staging, std::function<void(size_t, size_t)> progress);

  /// Queues the files at `paths`, made together by `make`.
  void Add(std::vector<std::string> paths, Make make);

  /// Waits for every queued job, helping with them, then enters what each one made, in the
  /// order they were added (so the output does not depend on the number of threads): the
  /// files into `files` without a staging folder, else their records into `written`. The first
  /// job that failed gives the error.
  Status Finish(std::map<std::string, std::string>* files, std::map<std::string, BuildRecord::File>* written);

 private:
  struct Job {
    std::vector<std::string> paths;
    Make make;
    Status status;
    std::vector<std::string> made;           // without a staging folder
    std::vector<BuildRecord::File> written;  // else what was written there
  };
  void Run(Job* job);

  WorkerPool* pool_;
  publish::Staging* staging_;
  std::function<void(size_t, size_t)> progress_;
  std::deque<Job> jobs_;  // a deque: queued jobs point into it while more are added
  std::atomic<size_t> planned_{0}, made_{0};
};

}  // namespace jv::site
