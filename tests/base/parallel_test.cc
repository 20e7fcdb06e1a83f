// The worker pool: every batch index and every posted job runs exactly once, batches go before
// background jobs, and a pool of one thread runs posted jobs only when drained.

#include "base/parallel.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace jv {
namespace {

TEST_CASE("Worker pool runs every batch index and every posted job once", "[base]") {
  for (int threads : {1, 2, 4}) {
    INFO(threads << " threads");
    WorkerPool pool(threads);
    std::vector<std::atomic<int>> posted(300);
    for (auto& count : posted) count = 0;
    for (size_t i = 0; i < 150; ++i) pool.Post([&posted, i] { ++posted[i]; });
    std::vector<std::atomic<int>> batch(1000);
    for (auto& count : batch) count = 0;
    pool.ParallelFor(batch.size(), [&](size_t i) { ++batch[i]; });
    for (size_t i = 150; i < posted.size(); ++i) pool.Post([&posted, i] { ++posted[i]; });
    pool.ParallelFor(0, [&](size_t) { FAIL("an empty batch runs nothing"); });
    pool.Drain();
    for (auto& count : batch) CHECK(count == 1);
    for (auto& count : posted) CHECK(count == 1);
  }
}

TEST_CASE("Worker pool of one thread runs posted jobs only when drained", "[base]") {
  WorkerPool pool(1);
  std::atomic<int> ran{0};
  pool.Post([&] { ++ran; });
  pool.ParallelFor(3, [](size_t) {});
  CHECK(ran == 0);
  pool.Drain();
  CHECK(ran == 1);
}

TEST_CASE("Worker pool batch is not held up by queued background jobs", "[base]") {
  WorkerPool pool(2);
  std::atomic<bool> release{false};
  std::atomic<int> background_done{0};
  // One slow job occupies the helper; the rest wait in the queue.
  pool.Post([&] {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++background_done;
  });
  for (int i = 0; i < 20; ++i) pool.Post([&] { ++background_done; });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::atomic<int> batch_done{0};
  pool.ParallelFor(50, [&](size_t) { ++batch_done; });  // finishes on the calling thread alone
  CHECK(batch_done == 50);
  CHECK(background_done == 0);
  release = true;
  pool.Drain();
  CHECK(background_done == 21);
}

TEST_CASE("Worker pool drops posted jobs that have not started when it is destroyed", "[base]") {
  std::atomic<int> ran{0};
  {
    WorkerPool pool(1);  // no helpers: nothing starts before Drain
    for (int i = 0; i < 5; ++i) pool.Post([&] { ++ran; });
  }
  CHECK(ran == 0);
}

TEST_CASE("Worker pool cancelled drops the jobs not started, waits for the running one and stays usable",
          "[base]") {
  // `serve` keeps one pool for all its builds; a build hands it back with Cancel.
  WorkerPool pool(2);  // one helper
  std::atomic<bool> started{false}, release{false}, finished{false};
  std::atomic<int> later{0};
  pool.Post([&] {
    started = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    finished = true;
  });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  for (int i = 0; i < 5; ++i) pool.Post([&] { ++later; });  // queued behind the running job
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    release = true;
  });
  pool.Cancel();
  CHECK(finished);  // waited for
  CHECK(later == 0);  // dropped
  releaser.join();

  std::atomic<int> next{0};
  pool.Post([&] { ++next; });
  pool.ParallelFor(10, [&](size_t) { ++next; });
  pool.Drain();
  CHECK(next == 11);
}

}  // namespace
}  // namespace jv
