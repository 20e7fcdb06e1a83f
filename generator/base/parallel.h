#pragma once
// Work spread over threads.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace jv {

/// Runs work(0) ... work(count - 1) on up to `jobs` threads, the calling one among them, and
/// returns when all are done. Each index runs once; the order between them is not fixed.
void ParallelFor(int jobs, size_t count, const std::function<void(size_t)>& work);

/// A fixed set of threads for the life of a build, so that what they keep per thread (fonts,
/// text measurements, picture buffers) is made once. Two kinds of work share them:
/// - ParallelFor: a batch the caller waits for; it goes before background jobs.
/// - Post: a background job that runs when a thread is free, while the caller goes on; Drain
///   runs what is left on the calling thread too and waits until all are done.
/// With one thread there are no helpers: batches run on the caller and posted jobs in Drain.
/// Only the thread that made the pool may call its methods.
class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  /// Cancel (a build that failed does not wait for its jobs), then ends the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void ParallelFor(size_t count, const std::function<void(size_t)>& work);
  void Post(std::function<void()> job);
  void Drain();
  /// Drops posted jobs that have not started and waits for the running ones: a pool that
  /// outlives a build (`serve` keeps its threads, and their fonts, between builds) is handed
  /// back this way, with nothing left that points into the build.
  void Cancel();

 private:
  void HelperLoop();
  // Runs one batch item or else one background job, unlocking `lock` meanwhile; false when
  // there was nothing to run.
  bool RunOne(std::unique_lock<std::mutex>& lock, bool background_too);

  std::mutex mutex_;
  std::condition_variable work_available_, work_finished_;
  const std::function<void(size_t)>* batch_ = nullptr;
  size_t batch_next_ = 0, batch_count_ = 0, batch_running_ = 0;
  std::deque<std::function<void()>> background_;
  size_t background_running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> helpers_;
};

}  // namespace jv
