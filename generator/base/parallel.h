#pragma once
// Work spread over threads.

#include <cstddef>
#include <functional>

namespace jv {

/// Runs work(0) ... work(count - 1) on up to `jobs` threads, the calling one among them, and
/// returns when all are done. Each index runs once; the order between them is not fixed.
void ParallelFor(int jobs, size_t count, const std::function<void(size_t)>& work);

}  // namespace jv
