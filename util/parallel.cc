#include "util/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace zonelint {

namespace {

// The most threads ParallelFor uses.
constexpr size_t kMaxWorkers = 4;

// Whether a ParallelFor has helper threads running: then another call
// (nested, or from another thread) runs inline, so threads never multiply.
std::atomic<bool> busy{false};

}  // namespace

void ParallelFor(size_t n, const std::function<void(size_t, size_t)>& fn,
                 size_t chunk) {
  // Below this, starting a thread costs more than it saves.
  chunk = std::max<size_t>(chunk, 1);
  const size_t min_per_thread = 4 * chunk;
  const size_t cores =
      std::clamp<size_t>(std::thread::hardware_concurrency(), 1, kMaxWorkers);
  const size_t threads = std::min(cores, n / min_per_thread);
  if (threads <= 1 || busy.exchange(true)) {
    if (n > 0) fn(0, n);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t begin = next.fetch_add(chunk); begin < n;
         begin = next.fetch_add(chunk)) {
      fn(begin, std::min(n, begin + chunk));
    }
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t) {
    helpers.emplace_back(work);
  }
  work();
  for (std::thread& helper : helpers) helper.join();
  busy.store(false);
}

}  // namespace zonelint
