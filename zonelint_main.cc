// The zonelint binary: see lint/cli.h.
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "lint/cli.h"
#include "lsp/server.h"

namespace {

// A big zone makes zonelint touch hundreds of MiB. Handed out 4 KiB at a
// time, each page costs a fault, and on virtual machines faults are dear:
// they were a third of the run time on the 1M-record benchmark. So the
// binary keeps malloc's memory in one heap that asks the kernel for
// transparent huge pages, which it gives where THP is "madvise" or "always"
// (/sys/kernel/mm/transparent_hugepage/enabled); elsewhere nothing changes.
// Untouched address space still costs no memory.
void AskHugePagesForTheHeap() {
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

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "lsp") {
    // The language server: long-lived and small, so malloc as usual.
    // "--stdio" is what VS Code's client adds; stdio is the only transport.
    for (size_t i = 1; i < args.size(); ++i) {
      if (args[i] != "--stdio") {
        std::cerr << "zonelint: 'zonelint lsp' takes no options but --stdio\n"
                  << "Try 'zonelint --help'.\n";
        return 2;
      }
    }
    try {
      return zonelint::lsp::RunServer(STDIN_FILENO, STDOUT_FILENO);
    } catch (const std::exception& e) {
      std::cerr << "zonelint lsp: internal error\n";
      return 2;
    }
  }
  AskHugePagesForTheHeap();
  std::ios::sync_with_stdio(false);
  try {
    return zonelint::RunCli(args, std::cin, std::cout, std::cerr,
                            ::isatty(STDOUT_FILENO) == 1);
  } catch (const std::exception& e) {
    // Nothing should get here; if it does, report it as an I/O-class error
    // rather than abort.
    std::cerr << "zonelint: internal error: " << e.what() << "\n";
    return 2;
  }
}
