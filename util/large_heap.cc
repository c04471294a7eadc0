#include "util/large_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <limits>

namespace zonelint {

bool LargeHeapWanted(uint64_t input_bytes) {
  const char* setting = std::getenv("ZONELINT_LARGE_HEAP");
  if (setting != nullptr && std::strcmp(setting, "1") == 0) return true;
  if (setting != nullptr && std::strcmp(setting, "0") == 0) return false;
  return input_bytes >= kLargeInputBytes;
}

void UseLargeHeap() {
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  constexpr size_t kReserve = size_t{1} << 30;  // address space, not memory
  mallopt(M_ARENA_MAX, 1);  // one heap, for the helper threads too
  mallopt(M_MMAP_MAX, 0);   // big arrays from that heap, not from mmap
  mallopt(M_TOP_PAD, static_cast<int>(kReserve));  // grow it 1 GiB at once
  // Never give the top back: the part grown again would have no huge pages.
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
  const uintptr_t start = reinterpret_cast<uintptr_t>(sbrk(0));
  // More than the heap has, so it grows; used, so the compiler keeps it.
  volatile char* grow = static_cast<volatile char*>(std::malloc(kHugePage));
  if (grow != nullptr) grow[0] = 0;
  std::free(const_cast<char*>(grow));
  const uintptr_t end = reinterpret_cast<uintptr_t>(sbrk(0));
  // Later growth in small steps again (should the 1 GiB not suffice or not
  // be granted, malloc goes on as usual).
  mallopt(M_TOP_PAD, 128 << 10);
  const uintptr_t from = (start + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t to = end & ~(kHugePage - 1);
  if (to > from) {
    madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
  }
}

}  // namespace zonelint
