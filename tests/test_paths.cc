#include "tests/test_paths.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace zonelint::testing {

std::string ProjectRoot() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  if (srcdir != nullptr) return std::string(srcdir) + "/zonelint";
  return ".";
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace zonelint::testing
