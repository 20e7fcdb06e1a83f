#pragma once
// Pictures (PNG, PDF) to be painted, the expensive part of a build. Each is handed to the worker
// threads as soon as it is planned, so pictures are painted while pages are still planned.

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

class PictureJobs {
 public:
  /// Returns one file per path of its job, in the same order.
  using Paint = std::function<Result<std::vector<std::string>>()>;
  /// `staging` (may be null): where painted files go at once, so that only their records are
  /// kept. `progress(done, planned)` is called from the painting threads: it must be
  /// thread-safe.
  PictureJobs(WorkerPool* pool, publish::Staging* staging, std::function<void(size_t, size_t)> progress);

  /// Queues the pictures at `paths`, painted together by `paint`.
  void Add(std::vector<std::string> paths, Paint paint);

  /// Waits for every queued job, helping with them, then enters what each one made, in the
  /// order they were added (so the output does not depend on the number of threads): the
  /// files into `files` without a staging folder, else their records into `written`. The first
  /// job that failed gives the error.
  Status Finish(std::map<std::string, std::string>* files, std::map<std::string, BuildRecord::File>* written);

 private:
  struct Job {
    std::vector<std::string> paths;
    Paint paint;
    Status status;
    std::vector<std::string> painted;        // without a staging folder
    std::vector<BuildRecord::File> written;  // else what was written there
  };
  void Run(Job* job);

  WorkerPool* pool_;
  publish::Staging* staging_;
  std::function<void(size_t, size_t)> progress_;
  std::deque<Job> jobs_;  // a deque: queued jobs point into it while more are added
  std::atomic<size_t> planned_{0}, painted_{0};
};

}  // namespace jv::site
