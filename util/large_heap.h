// The one piece of memory tuning zonelint has: a heap for large inputs.
//
// A big zone makes zonelint touch hundreds of MiB. Handed out 4 KiB at a
// time, each page costs a fault, and on virtual machines faults are dear
// (a third of the run time on the 1M-record benchmark, bench/RESULTS.md).
// UseLargeHeap() keeps malloc's memory in one heap that asks the kernel for
// transparent huge pages, which it gives where THP is "madvise" or "always"
// (/sys/kernel/mm/transparent_hugepage/enabled); elsewhere nothing changes.
//
// The switch is ZONELINT_LARGE_HEAP in the environment: "1" always, "0"
// never, unset or anything else: when the files linted together total at
// least kLargeInputBytes (LargeHeapWanted). The CLI decides once, before it
// reads the files; the language server and tests never use it.
#ifndef ZONELINT_UTIL_LARGE_HEAP_H_
#define ZONELINT_UTIL_LARGE_HEAP_H_

#include <cstdint>

namespace zonelint {

inline constexpr uint64_t kLargeInputBytes = uint64_t{32} << 20;

// Whether a run over `input_bytes` of files should call UseLargeHeap():
// ZONELINT_LARGE_HEAP's answer, else input_bytes >= kLargeInputBytes.
bool LargeHeapWanted(uint64_t input_bytes);

// Switches malloc to the large heap. Call before any helper thread starts;
// what was allocated before stays where it is. Process-wide and permanent.
void UseLargeHeap();

}  // namespace zonelint

#endif  // ZONELINT_UTIL_LARGE_HEAP_H_
