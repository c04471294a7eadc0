// ParallelFor: every index exactly once, whatever the size, on as many
// threads as the machine gives.
#include "util/parallel.h"

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

TEST(ParallelForTest, CoversEveryIndexOnce) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{4095}, size_t{4096},
                   size_t{10000}, size_t{123457}}) {
    std::vector<std::atomic<int>> seen(n);
    ParallelFor(n, [&](size_t begin, size_t end) {
      ASSERT_LE(begin, end);
      ASSERT_LE(end, n);
      for (size_t i = begin; i < end; ++i) ++seen[i];
    });
    for (size_t i = 0; i < n; ++i)
      ASSERT_EQ(seen[i].load(), 1) << n << " " << i;
  }
}

TEST(ParallelForTest, ResultsBySlotDoNotDependOnScheduling) {
  const size_t n = 200000;
  std::vector<size_t> out(n);
  ParallelFor(n, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) out[i] = i * i % 1009;
  });
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(out[i], i * i % 1009);
}

TEST(ParallelForTest, NestedAndConcurrentCallsRunInline) {
  const size_t n = 200000;
  std::atomic<int> outer_threads_seen{0};
  std::atomic<int> nested_elsewhere{0};
  std::vector<std::atomic<int>> seen(n);
  ParallelFor(n, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) ++seen[i];
    // A ParallelFor inside runs on this thread: every chunk of it here.
    const std::thread::id me = std::this_thread::get_id();
    ParallelFor(10000, [&](size_t, size_t) {
      if (std::this_thread::get_id() != me) ++nested_elsewhere;
    });
    ++outer_threads_seen;
  });
  EXPECT_EQ(nested_elsewhere.load(), 0);
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(seen[i].load(), 1) << i;
  // Afterwards a call may use helpers again.
  std::vector<std::atomic<int>> again(n);
  ParallelFor(n, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) ++again[i];
  });
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(again[i].load(), 1) << i;
}

}  // namespace
}  // namespace zonelint
