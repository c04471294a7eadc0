// Golden fixtures: tests/fixtures/<rule-id>.zone holds good (; OK) and bad
// (; KO) records for one rule; <rule-id>.expected holds zonelint's gcc-style
// output for it. `bazel run //tests:update_goldens` rewrites the .expected
// files on purpose; golden_test shows a diff when they drift.
#ifndef ZONELINT_TESTS_GOLDEN_H_
#define ZONELINT_TESTS_GOLDEN_H_

#include <string>

namespace zonelint::testing {

// Lints the fixture at `relative_path` (run from the project root) with
// default options and returns the gcc-format output.
std::string LintFixture(const std::string& relative_path);

}  // namespace zonelint::testing

#endif  // ZONELINT_TESTS_GOLDEN_H_
