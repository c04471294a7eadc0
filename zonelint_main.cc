// The zonelint binary: see lint/cli.h.
#include <unistd.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "lint/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
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
