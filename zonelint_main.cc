// The zonelint binary: see lint/cli.h.
#include <unistd.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "lint/cli.h"
#include "lsp/server.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "lsp") {
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
