// ParallelFor: every index exactly once, whatever the size, on as many
// threads as the machine gives.
#include "util/parallel.h"

#include <atomic>
#include <cstddef>
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

TEST(ParallelForTest, WorkerSlotsAreDistinctAndNestedCallsRunInline) {
  EXPECT_EQ(WorkerSlot(), 0u);
  const size_t n = 200000;
  // Per-slot tallies with no lock: each slot is one thread's at a time.
  std::vector<size_t> per_slot(kMaxWorkers, 0);
  std::vector<size_t> slot_of(n);
  std::atomic<int> nested_bad{0};
  ParallelFor(n, [&](size_t begin, size_t end) {
    const size_t slot = WorkerSlot();
    ASSERT_LT(slot, kMaxWorkers);
    for (size_t i = begin; i < end; ++i) {
      slot_of[i] = slot;
      ++per_slot[slot];
    }
    // A ParallelFor inside runs on this thread, in this slot.
    ParallelFor(10000, [&](size_t, size_t) {
      if (WorkerSlot() != slot) ++nested_bad;
    });
  });
  EXPECT_EQ(nested_bad.load(), 0);
  size_t total = 0;
  for (size_t count : per_slot) total += count;
  EXPECT_EQ(total, n);  // no tally lost to a shared slot
  for (size_t i = 0; i < n; ++i) ASSERT_LT(slot_of[i], kMaxWorkers);
  EXPECT_EQ(WorkerSlot(), 0u);
}

}  // namespace
}  // namespace zonelint
