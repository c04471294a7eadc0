// Golden tests, two kinds:
//  * Rule fixtures: tests/fixtures/<rule-id>.zone holds good (; OK) and bad
//    (; KO) records for one rule; <rule-id>.expected holds zonelint's
//    gcc-style output for it.
//  * Scenario cases: tests/cases/<name>/ holds the files of one scenario
//    (zones, included files, folders for directory mode) and `args`, the
//    command line, one argument a line, run from that folder; `expected`
//    holds what the command printed, its standard error and its exit status.
//    They cover what no single rule's fixture can: origins guessed from file
//    names, directory mode, failed $INCLUDEs, findings across rules.
// `bazel run //tests:update_goldens` rewrites every .expected file on
// purpose; golden_test shows a diff when they drift.
#ifndef ZONELINT_TESTS_GOLDEN_H_
#define ZONELINT_TESTS_GOLDEN_H_

#include <string>
#include <vector>

namespace zonelint::testing {

// Lints the fixture at `relative_path` (run from the project root) with
// default options and returns the gcc-format output.
std::string LintFixture(const std::string& relative_path);

// The scenario cases under `cases_dir` (the folders that hold an `args`
// file), sorted by name.
std::vector<std::string> CaseNames(const std::string& cases_dir);

// Runs the scenario case in `case_dir` (`--format=gcc --color=never`, then
// its args, from inside the folder) and returns what `expected` holds:
// standard output, then "-- stderr --" and standard error if any, then
// "-- exit N --".
std::string RunCase(const std::string& case_dir);

}  // namespace zonelint::testing

#endif  // ZONELINT_TESTS_GOLDEN_H_
