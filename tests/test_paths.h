// Where tests find the project's files and ../shared under Bazel (runfiles)
// and when run by hand from the project root.
#ifndef ZONELINT_TESTS_TEST_PATHS_H_
#define ZONELINT_TESTS_TEST_PATHS_H_

#include <string>

namespace zonelint::testing {

// The project root as the test sees it: $TEST_SRCDIR/zonelint under Bazel,
// else the current directory.
std::string ProjectRoot();

// Reads a whole file; aborts the test binary when it cannot.
std::string ReadFileOrDie(const std::string& path);

}  // namespace zonelint::testing

#endif  // ZONELINT_TESTS_TEST_PATHS_H_
