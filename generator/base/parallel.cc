#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace jv {

void ParallelFor(int jobs, size_t count, const std::function<void(size_t)>& work) {
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i; (i = next++) < count;) work(i);
  };
  size_t threads = std::min<size_t>(std::max(jobs, 1), count);
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t) helpers.emplace_back(run);
  run();
  for (std::thread& helper : helpers) helper.join();
}

}  // namespace jv

namespace jv {

WorkerPool::WorkerPool(int threads) {
  for (int t = 1; t < threads; ++t) helpers_.emplace_back([this] { HelperLoop(); });
}

WorkerPool::~WorkerPool() {
  Cancel();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_available_.notify_all();
  for (std::thread& helper : helpers_) helper.join();
}

void WorkerPool::Cancel() {
  std::unique_lock<std::mutex> lock(mutex_);
  background_.clear();
  work_finished_.wait(lock, [this] { return background_running_ == 0; });
}

bool WorkerPool::RunOne(std::unique_lock<std::mutex>& lock, bool background_too) {
  if (batch_ != nullptr && batch_next_ < batch_count_) {
    size_t i = batch_next_++;
    const std::function<void(size_t)>* work = batch_;
    ++batch_running_;
    lock.unlock();
    (*work)(i);
    lock.lock();
    if (--batch_running_ == 0 && batch_next_ == batch_count_) work_finished_.notify_all();
    return true;
  }
  if (background_too && !background_.empty()) {
    std::function<void()> job = std::move(background_.front());
    background_.pop_front();
    ++background_running_;
    lock.unlock();
    job();
    lock.lock();
    if (--background_running_ == 0 && background_.empty()) work_finished_.notify_all();
    return true;
  }
  return false;
}

void WorkerPool::HelperLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (RunOne(lock, true)) continue;
    if (stopping_) return;
    work_available_.wait(lock);
  }
}

void WorkerPool::ParallelFor(size_t count, const std::function<void(size_t)>& work) {
  std::unique_lock<std::mutex> lock(mutex_);
  batch_ = &work;
  batch_next_ = 0, batch_count_ = count;
  work_available_.notify_all();
  while (RunOne(lock, false)) {
  }
  work_finished_.wait(lock, [this] { return batch_running_ == 0; });
  batch_ = nullptr;
}

void WorkerPool::Post(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    background_.push_back(std::move(job));
  }
  work_available_.notify_one();
}

void WorkerPool::Drain() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (RunOne(lock, true)) {
  }
  work_finished_.wait(lock, [this] { return background_.empty() && background_running_ == 0; });
}

}  // namespace jv
